import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import type en from '../../renderer/src/i18n/en.json';
import type enAppointments from '../../renderer/src/i18n/en-appointments.json';
import type enDocuments from '../../renderer/src/i18n/en-documents.json';
import type enReminders from '../../renderer/src/i18n/en-reminders.json';
import type enScreening from '../../renderer/src/i18n/en-screening.json';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seriousViolations } from '../support/flows';
import { localDay } from '../support/diary-seed';
import { PRACTITIONER, seedTreatmentDay, startDraft } from '../support/session-seed';

/** The catalogues as the app reads them: every label below is what the screen shows. */
const catalogue = <T>(language: string, area = '') =>
  JSON.parse(
    readFileSync(path.join('renderer', 'src', 'i18n', `${language}${area}.json`), 'utf8'),
  ) as T;

/** Where the screenshots are looked at, beside Playwright's own copy. */
const SHOTS = process.env.MESOCHART_SHOTS;

async function look(page: Page, name: string) {
  // The header is fixed: scrolled to the top, it stays where it belongs in a full-page capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  // The pointer leaves what it clicked: axe reads the screen at rest, not hovered.
  await page.mouse.move(0, 0);
  await screenshot(page, name);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    copyFileSync(
      path.join('test-results', 'screenshots', `${name}.png`),
      path.join(SHOTS, `${name}.png`),
    );
  }
  expect(await seriousViolations(page), name).toEqual([]);
  // Nothing wider than the window: a mirrored layout that overflows shows a horizontal scrollbar.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, name).toBeLessThanOrEqual(0);
}

/**
 * A clinic whose screens are in the language: a patient booked today with today's passed check,
 * a consent on file and a started session.
 */
async function seed(services: MesochartServices, language: 'ar' | 'tr') {
  const { product, patient } = await seedTreatmentDay(services);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'clinic.updateSettings', { uiLanguage: language });
  await call(services, 'appointments.updateSettings', {
    rooms: [{ id: 'room-1', name: language === 'ar' ? 'الغرفة 1' : 'Oda 1' }],
    week: Array(7).fill({ open: '08:00', close: '20:00', breaks: [] }),
  });
  const staff = (await call(services, 'appointments.practitioners')) as {
    id: string;
    displayName: string;
  }[];
  await call(services, 'appointments.book', {
    patientId: patient.id,
    practitionerId: staff.find((s) => s.displayName === PRACTITIONER.displayName)!.id,
    roomId: 'room-1',
    treatmentTypeId: 'mesotherapy',
    startsAt: `${localDay()}T10:30`,
  });
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  const session = await startDraft(services, patient.id, product.id);
  await call(services, 'auth.signOut');
  return { patientId: patient.id, sessionId: session.id };
}

async function signIn(
  page: Page,
  words: typeof en,
  who: { username: string; password: string; displayName?: string },
) {
  await expect(page.getByRole('heading', { name: words.signIn.title })).toBeVisible();
  await page.getByLabel(words.staff.username).fill(who.username);
  await page.getByLabel(words.staff.password, { exact: true }).fill(who.password);
  await page.getByRole('button', { name: words.signIn.submit }).click();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

for (const language of ['ar', 'tr'] as const) {
  test(`${language}: each main screen and the date and time fields, captured and checked with axe`, async ({
    page,
    services,
  }) => {
    // Ten screens captured and checked with axe, on a machine that may be busy.
    test.setTimeout(420_000);
    const words = catalogue<typeof en>(language);
    const diary = catalogue<typeof enAppointments>(language, '-appointments');
    const documents = catalogue<typeof enDocuments>(language, '-documents');
    const screening = catalogue<typeof enScreening>(language, '-screening');
    const reminders = catalogue<typeof enReminders>(language, '-reminders');
    const { patientId, sessionId } = await seed(services, language);
    const shot = (name: string) => look(page, `${language}-screen-${name}`);

    await page.goto('/');
    await signIn(page, words, PRACTITIONER);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');

    await page.goto('/#/today');
    await expect(page.getByRole('heading', { name: words.nav.today, exact: true })).toBeVisible();
    await expect(page.getByText('Chloé Lefèvre-Durand').first()).toBeVisible();
    await shot('1-today');

    await page.goto('/#/patients');
    await expect(page.getByRole('heading', { name: words.patients.title })).toBeVisible();
    await shot('2-patients');

    await page.goto(`/#/patients/${patientId}`);
    await expect(page.getByRole('heading', { name: /Chloé/ }).first()).toBeVisible();
    await expect(page.getByRole('tab', { name: words.chart.tabs.history })).toBeVisible();
    await shot('3-chart');

    await page.goto(`/#/patients/${patientId}/check`);
    await expect(
      page.getByRole('textbox', { name: screening.screening.plan.products }),
    ).toBeVisible();
    await shot('4-check');
    // A day after today is refused next to the field, the limit written in the language.
    const dayOf = screening.screening.dayOf;
    await page
      .getByRole('radiogroup', { name: dayOf.antibiotics })
      .getByRole('radio', { name: screening.screening.answers.yes, exact: true })
      .check();
    const lastCourse = page.getByRole('textbox', { name: dayOf.antibioticsDate });
    await lastCourse.fill(localDay(3));
    await lastCourse.blur();
    // The limit is today as the screens write it (Chromium's Intl); the words around it are fixed.
    const [before, after] = words.dateFields.onOrBefore.split('{{day}}') as [string, string];
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(
      page.getByText(
        new RegExp(`^${escape(before)}.*${new Date().getFullYear()}.*${escape(after)}$`),
      ),
    ).toBeVisible();
    if (language === 'ar') {
      // The message's day is written as the field beside it would write it (no marks, zeros).
      const [ty, tm, td] = localDay().split('-');
      await expect(
        page.getByText(words.dateFields.onOrBefore.replace('{{day}}', `${td}/${tm}/${ty}`)),
      ).toBeVisible();
    }
    // Looked at, not checked with axe: every form's field message shares Mantine's red.
    await lastCourse.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: path.join(SHOTS ?? 'test-results', `${language}-check-date-refused.png`),
    });

    await page.goto(`/#/patients/${patientId}/sessions/${sessionId}`);
    await expect(page.getByTestId('body-diagram')).toBeVisible();
    // The syringe's sums are numbers of the language, as its fields are typed ("1,5" in Turkish).
    await expect(page.getByTestId('cocktail-sums')).toContainText(
      language === 'tr' ? 'Çekilen 1,5 ml' : '1.5',
    );
    await shot('5-session');

    await page.goto(`/#/patients/${patientId}?tab=documents`);
    await expect(page.getByText(documents.documents.kinds.consent).first()).toBeVisible();
    await shot('6-documents');

    await page.goto('/#/diary');
    await expect(page.getByRole('heading', { name: diary.diary.title })).toBeVisible();
    await expect(page.getByText('Chloé Lefèvre-Durand').first()).toBeVisible();
    await shot('7-diary');

    // The diary's booking form: a day and a time typed as the language writes them.
    await page.getByRole('button', { name: diary.diary.new }).click();
    const booking = page.getByRole('dialog', { name: diary.diary.form.title });
    const day = booking.getByRole('textbox', { name: diary.diary.form.date });
    const time = booking.getByRole('textbox', { name: diary.diary.form.time });
    // The clinic's own treatment type name is shown whole in its select, not cut short.
    const type = booking.getByRole('textbox', { name: diary.diary.form.treatmentType });
    await expect(type).toHaveValue(/\S/);
    expect(await type.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    // Not a day: said next to the field, with today written the language's way as the example.
    const [y, m, d] = localDay().split('-');
    const example = language === 'tr' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
    await day.fill(language === 'tr' ? '31.02.2027' : '31/2/2027');
    await day.blur();
    await expect(
      booking.getByText(words.dateFields.notADay.replace('{{example}}', example)),
    ).toBeVisible();
    // Arabic typed without zeros is written back with them, as Arabic lists write a day.
    await day.fill(language === 'tr' ? '14.03.2027' : '14/3/2027');
    await day.blur();
    await expect(day).toHaveValue(language === 'tr' ? '14.03.2027' : '14/03/2027');
    await time.fill('9.30');
    await time.blur();
    await expect(time).toHaveValue('09:30');
    await day.click();
    await expect(page.locator('[data-dates-dropdown]')).toBeVisible();
    await shot('8-booking-date-field');
    await page.keyboard.press('Escape');
    if (await booking.isVisible()) await page.keyboard.press('Escape');
    await expect(booking).toBeHidden();

    // Settings, as the clinic's admin: the clinic's details and the diary's opening hours.
    await page.getByRole('button', { name: words.shell.signOut }).click();
    await signIn(page, words, ADMIN);
    await page.goto('/#/settings');
    await expect(page.getByRole('tab', { name: words.settings.clinicTab })).toBeVisible();
    await shot('9-settings');
    await page.getByRole('tab', { name: reminders.diarySettings.tab }).click();
    const opens = page.getByRole('textbox', {
      name: reminders.diarySettings.opensOn.replace('{{day}}', reminders.diarySettings.days.mon),
    });
    await expect(opens).toHaveValue('08:00');
    await shot('10-settings-diary-hours');
  });
}

import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type en from '../../renderer/src/i18n/en.json';
import type enErrors from '../../renderer/src/i18n/en-errors.json';
import type enScreening from '../../renderer/src/i18n/en-screening.json';
import type enTreatments from '../../renderer/src/i18n/en-treatments.json';
import type enValidation from '../../renderer/src/i18n/en-validation.json';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, expectSignedIn, screenshot, seriousViolations } from '../support/flows';
import { PRACTITIONER, seedTreatmentDay, startDraft } from '../support/session-seed';

/** The catalogues as the app reads them: every text below is what the screen shows. */
const catalogue = <T>(language: string, area = '') =>
  JSON.parse(
    readFileSync(path.join('renderer', 'src', 'i18n', `${language}${area}.json`), 'utf8'),
  ) as T;

const ar = catalogue<typeof en>('ar');
const frTreatments = catalogue<typeof enTreatments>('fr', '-treatments');
const frValidation = catalogue<typeof enValidation>('fr', '-validation');
const frScreening = catalogue<typeof enScreening>('fr', '-screening');
const frErrors = catalogue<typeof enErrors>('fr', '-errors');

/** Captured under test-results and, where MESOCHART_SHOTS names a folder, copied there. */
async function shot(page: Page, name: string) {
  // The header is fixed: scrolled to the top, it stays where it belongs in a full-page capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await screenshot(page, name);
  const dir = process.env.MESOCHART_SHOTS;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(
      path.join('test-results', 'screenshots', `${name}.png`),
      path.join(dir, `${name}.png`),
    );
  }
}

/** How the browser lays out a field's text: its direction, bidi isolation and alignment. */
const layout = (field: Locator) =>
  field.evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      direction: style.direction,
      unicodeBidi: style.unicodeBidi,
      textAlign: style.textAlign,
    };
  });

const direction = (el: Locator) => el.evaluate((e) => getComputedStyle(e).direction);

test('Arabic: e-mail, phone and user name read left to right in right-to-left forms, and a refused form passes axe with nothing excluded', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  await seedTreatmentDay(services);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'clinic.updateSettings', { uiLanguage: 'ar' });
  await call(services, 'auth.signOut');

  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const username = page.getByLabel(ar.staff.username);
  await username.fill(ADMIN.username);
  // The user name lays out left to right; its label stays with the screen.
  expect(await layout(username)).toEqual({
    direction: 'ltr',
    unicodeBidi: 'isolate',
    textAlign: 'right',
  });
  expect(await direction(page.getByText(ar.staff.username, { exact: true }))).toBe('rtl');
  const password = page.getByLabel(ar.staff.password, { exact: true });
  await password.fill(ADMIN.password);
  expect((await layout(password)).direction).toBe('ltr');
  await page.getByRole('button', { name: ar.signIn.submit }).click();
  await expectSignedIn(page, ADMIN.displayName);

  await page.goto('/#/patients/new');
  const email = page.getByRole('textbox', { name: ar.patients.fields.email });
  const phone = page.getByRole('textbox', { name: ar.patients.fields.phone, exact: true });
  // Typed as a receptionist types it: the '@' stays after 'layla', not before.
  await email.pressSequentially('layla@');
  await phone.fill('+971 50 123 4567');
  for (const field of [email, phone]) {
    expect(await layout(field)).toEqual({
      direction: 'ltr',
      unicodeBidi: 'isolate',
      textAlign: 'right',
    });
  }
  // A name is the screens' direction as before (its content finds its own).
  const given = page.getByRole('textbox', { name: ar.patients.fields.givenName });
  expect(await direction(given)).toBe('rtl');

  // Refused: no names, a half-typed address. Each message sits under its field, right to left,
  // in the darkest red (5.5:1 on white; Mantine's red-6 was 3.3:1).
  await page.getByRole('button', { name: ar.patients.register }).click();
  const emailMessage = page.locator('.mantine-InputWrapper-error').filter({ hasText: /./ });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(emailMessage.first()).toBeVisible();
  for (const message of await emailMessage.all()) {
    expect(await direction(message)).toBe('rtl');
    await expect(message).toHaveCSS('color', 'rgb(201, 42, 42)');
  }
  await expect(email).toHaveValue('layla@');
  // The hovered Save keeps the darkest teal (white on teal-8 was 3.9:1).
  const register = page.getByRole('button', { name: ar.patients.register });
  const resting = await register.evaluate((el) => getComputedStyle(el).backgroundColor);
  await register.hover();
  await expect(register).toHaveCSS('background-color', resting);
  expect(resting).toBe('rgb(8, 127, 91)');
  await page.mouse.move(0, 0);
  await shot(page, 'ar-register-refused');
  // Nothing excluded: the refused fields and their messages are checked with the rest.
  expect(await seriousViolations(page)).toEqual([]);
});

test('a session note rewords its field message at once when the practitioner changes language', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  const { product, patient } = await seedTreatmentDay(services);
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  const session = await startDraft(services, patient.id, product.id);
  await call(services, 'auth.signOut');

  await page.goto('/');
  await page.getByLabel('User name').fill(PRACTITIONER.username);
  await page.getByLabel('Password', { exact: true }).fill(PRACTITIONER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectSignedIn(page, PRACTITIONER.displayName);
  await page.goto(`/#/patients/${patient.id}/sessions/${session.id}`);
  const notes = page.getByRole('textbox', { name: 'Notes', exact: true });
  await notes.fill('x'.repeat(10_001));
  await expect(notes).toHaveAccessibleDescription(/^Notes must be at most 10,?000 characters$/);

  // French from the header: the same message, now in French and naming the field as its label
  // does ('Remarques'), without saving again; what was typed stays.
  await page.getByRole('textbox', { name: 'Language of my screens' }).click();
  await page.getByRole('option', { name: 'Français', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const frNotes = page.getByRole('textbox', { name: frTreatments.sessions.notes, exact: true });
  expect(frValidation.validation.labels.notes).toBe(frTreatments.sessions.notes);
  await expect(frNotes).toHaveAccessibleDescription(
    new RegExp(`^${frTreatments.sessions.notes} : 10\\s?000 caractères au maximum$`),
  );
  await expect(frNotes).toHaveValue('x'.repeat(10_001));
  await shot(page, 'fr-session-note-reworded');
});

test('the pre-procedure check rewords a refused answer at once when the practitioner changes language', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  const { patient } = await seedTreatmentDay(services);
  await page.goto('/');
  await page.getByLabel('User name').fill(PRACTITIONER.username);
  await page.getByLabel('Password', { exact: true }).fill(PRACTITIONER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectSignedIn(page, PRACTITIONER.displayName);
  await page.goto(`/#/patients/${patient.id}/check`);
  await page
    .getByRole('radiogroup', { name: /^Alcohol in the last \d+ hours\?$/ })
    .getByRole('radio', { name: 'Yes', exact: true })
    .check();
  const hours = page.getByRole('textbox', { name: 'Hours since the last drink' });
  await hours.fill('-5');
  // Refused by the check's service as the answers are read.
  await expect(hours).toHaveAccessibleDescription('Hours since alcohol cannot be negative');

  await page.getByRole('textbox', { name: 'Language of my screens' }).click();
  await page.getByRole('option', { name: 'Français', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const frHours = page.getByRole('textbox', {
    name: frScreening.screening.dayOf.hoursSinceAlcohol,
  });
  await expect(frHours).toHaveAccessibleDescription(
    frValidation.validation.screening.hoursNegative,
  );
  await expect(frHours).toHaveValue('-5');
  // The refusal above the findings likewise.
  await expect(
    page.getByRole('alert').filter({ hasText: frErrors.errors.fieldsNeedAttention }),
  ).toBeVisible();
  await expect(page.getByText('Some fields need attention')).toHaveCount(0);
  await shot(page, 'fr-check-reworded');
});

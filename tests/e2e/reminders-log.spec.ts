import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import { runReminderQueue } from '../../electron/services/reminders/reminder-sender';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seriousViolations, signIn } from '../support/flows';
import { localDay, patient, RECEPTIONIST, seedDiary } from '../support/diary-seed';
import { readIcs } from '../support/ics-check';
import { mimeParts, startSmtpSink } from '../support/smtp-sink';

const SMTP_LOGIN = { user: 'clinic', pass: 'smtp secret' };

/** The run's screenshot, and a copy where they are kept to be looked at when SHOTS_DIR says. */
async function look(page: Page, name: string) {
  await screenshot(page, name);
  const dir = process.env.SHOTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  }
}

/** A wall-clock appointment's day and time (YYYY-MM-DD, HH:MM) as the page's own Intl writes them. */
async function shownWallClock(page: Page, locale: string, day: string, time: string) {
  return page.evaluate(
    ([l, d, t]) => {
      const [y, m, dd] = d.split('-').map(Number);
      const [h, mi] = t.split(':').map(Number);
      const at = new Date(y ?? 0, (m ?? 1) - 1, dd, h, mi);
      // Without Intl's direction marks: Arabic screens write a day in their date fields' order.
      const unmarked = (text: string) => text.replace(/[\u200E\u200F\u061C]/g, '');
      return [
        unmarked(new Intl.DateTimeFormat(l, { dateStyle: 'medium' }).format(at)),
        unmarked(new Intl.DateTimeFormat(l, { timeStyle: 'short' }).format(at)),
      ];
    },
    [locale, day, time] as const,
  );
}

/** Status badges whose word is cut (an ellipsis, or text wider than the box showing it). */
async function cutBadges(page: Page) {
  return page
    .getByTestId('reminder-status')
    .evaluateAll((badges) =>
      badges
        .filter((b) => [b, ...b.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth))
        .map((b) => b.textContent ?? ''),
    );
}

/**
 * The queue passes of the next hours, run now: the same queue on the same store, its clock moved
 * on by `minutes` (the signed-in session keeps the real clock, so nothing locks).
 */
async function queueLater(services: MesochartServices, minutes: number) {
  const later = Date.now() + minutes * 60_000;
  await runReminderQueue(
    { ...services.state, clock: () => new Date(later) },
    { id: 'later', sent: 0, failed: 0 },
  );
}

test('the reminders log shows a send the mail server refused, its retries and its failure, and Try again sends it once the server is back', async ({
  page,
  services,
}) => {
  test.slow();
  // The clinic's mail server is down: nothing listens on its port.
  const probe = await startSmtpSink(SMTP_LOGIN);
  const port = probe.port;
  await probe.close();
  await seedDiary(services);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'reminders.updateSettings', {
    smtp: {
      host: '127.0.0.1',
      port,
      security: 'none',
      user: SMTP_LOGIN.user,
      password: SMTP_LOGIN.pass,
      fromAddress: 'rendez-vous@lumiere.example',
      fromName: 'Clinique Lumière',
    },
    enabled: true,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  });
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', {
    username: RECEPTIONIST.username,
    password: RECEPTIONIST.password,
  });
  const chloe = (await call(services, 'patients.create', {
    ...patient('Chloé', 'Dubois', '+33 6 98 76 54 32', '1990-05-17', 'chloe@example.com'),
    consents: ['reminders-email'],
  })) as { id: string };
  const [ines] = (await call(services, 'appointments.practitioners')) as { id: string }[];
  await call(services, 'appointments.book', {
    patientId: chloe.id,
    practitionerId: ines?.id,
    roomId: 'room-1',
    treatmentTypeId: 'mesotherapy',
    startsAt: `${localDay(20)}T10:00`,
  });
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Reminders' })
    .click();
  await page.getByRole('button', { name: 'Send due reminders now' }).click();
  const row = page
    .getByTestId('reminder-row')
    .filter({ hasText: 'Chloé Dubois' })
    .filter({ hasText: 'Booking confirmation' });
  await expect(row).toContainText('Waiting');
  await expect(row).toContainText('1 attempt');
  await expect(row).toContainText(/ECONNREFUSED|ESOCKET|ECONNECTION/);
  await screenshot(page, 'reminders-log-waiting');

  // The tries after 1, 5, 15, 60 and 240 minutes fail too: the reminder has failed.
  for (const minutes of [2, 7, 23, 84, 325]) await queueLater(services, minutes);
  await expect(row).toContainText('Failed');
  await expect(row).toContainText('6 attempts');
  const retry = page.getByRole('button', { name: 'Try the reminder to Chloé Dubois again' });
  await expect(retry).toBeVisible();
  await screenshot(page, 'reminders-log-failed');
  // Checked with the pointer still on the Send button: hovered, it keeps its contrast.
  expect(await seriousViolations(page)).toEqual([]);

  // The server is back: Try again sends it, with its calendar invitation.
  const sink = await startSmtpSink(SMTP_LOGIN, port);
  try {
    await retry.click();
    await expect(row).toContainText('Waiting');
    await page.getByRole('button', { name: 'Send due reminders now' }).click();
    const [mail] = await sink.waitFor(1, 60_000);
    expect(mail?.to).toEqual(['chloe@example.com']);
    const ics = mimeParts(mail?.raw ?? '').parts.find((p) =>
      (p.headers['content-type'] ?? '').startsWith('text/calendar'),
    );
    expect(readIcs(ics?.body ?? '').events).toHaveLength(1);
    await expect(row).toContainText('Sent');
    await expect(retry).toHaveCount(0);
    await screenshot(page, 'reminders-log-sent-after-retry');
  } finally {
    await sink.close();
  }
});

test('the log writes each appointment’s date and time in the screens’ language and every status in whole words, at 1280 and 700 px, in English and Arabic', async ({
  page,
  services,
}) => {
  test.slow();
  // The mail server is down, so Chloé's confirmation waits with its error beside it (a long
  // detail in the row); Karim consented to no reminder (not sent); Hana's SMS is exported.
  const probe = await startSmtpSink(SMTP_LOGIN);
  const port = probe.port;
  await probe.close();
  await seedDiary(services);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'reminders.updateSettings', {
    smtp: {
      host: '127.0.0.1',
      port,
      security: 'none',
      user: SMTP_LOGIN.user,
      password: SMTP_LOGIN.pass,
      fromAddress: 'rendez-vous@lumiere.example',
      fromName: 'Clinique Lumière',
    },
    enabled: true,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  });
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', {
    username: RECEPTIONIST.username,
    password: RECEPTIONIST.password,
  });
  const chloe = (await call(services, 'patients.create', {
    ...patient('Chloé', 'Dubois', '+33 6 98 76 54 32', '1990-05-17', 'chloe@example.com'),
    consents: ['reminders-email'],
  })) as { id: string };
  const hana = (await call(services, 'patients.create', {
    ...patient('Hana', 'Benali', '+33 6 55 44 33 22', '1992-08-09', 'hana@example.com'),
    consents: ['reminders-sms'],
  })) as { id: string };
  const karim = (await call(services, 'patients.create', {
    ...patient('Karim', 'Haddad', '+33 6 77 88 99 00', '1979-11-30', 'karim@example.com'),
    consents: [],
  })) as { id: string };
  const [ines] = (await call(services, 'appointments.practitioners')) as { id: string }[];
  const chloeDay = localDay(20);
  for (const [patientId, startsAt] of [
    [chloe.id, `${chloeDay}T10:00`],
    [hana.id, `${localDay(21)}T14:30`],
    [karim.id, `${localDay(22)}T16:00`],
  ] as const) {
    await call(services, 'appointments.book', {
      patientId,
      practitionerId: ines?.id,
      roomId: 'room-1',
      treatmentTypeId: 'mesotherapy',
      startsAt,
    });
  }
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Reminders' })
    .click();
  await page.getByRole('button', { name: 'Send due reminders now' }).click();
  const row = page
    .getByTestId('reminder-row')
    .filter({ hasText: 'Chloé Dubois' })
    .filter({ hasText: 'Booking confirmation' });
  await expect(row).toContainText('1 attempt');
  await page.getByRole('button', { name: 'Export SMS for the provider' }).click();
  const exportNote = page.getByRole('status').filter({ hasText: /SMS reminders? exported/ });
  await expect(exportNote).toHaveText(/^\d+ SMS reminders? exported \(CSV and JSON\)$/);
  const exported = Number((await exportNote.textContent())?.split(' ')[0]);
  const statuses = page.getByTestId('reminder-status');
  await expect(statuses.filter({ hasText: 'Handed to SMS provider' }).first()).toBeVisible();
  await expect(statuses.filter({ hasText: 'Not sent' }).first()).toBeVisible();

  const when = row.getByTestId('reminder-when');
  const english = await shownWallClock(page, 'en', chloeDay, '10:00');
  expect(english[1]).toMatch(/10:00/);
  await expect(when.locator('p')).toHaveText(english);
  await expect(when).not.toContainText('T10:00');
  expect(await cutBadges(page)).toEqual([]);
  await look(page, 'reminders-log-en-1280');
  await page.mouse.move(0, 0);
  expect(await seriousViolations(page)).toEqual([]);

  await page.setViewportSize({ width: 700, height: 860 });
  await expect(row.getByTestId('reminder-status')).toHaveText('Waiting');
  expect(await cutBadges(page)).toEqual([]);
  // The table scrolls inside its own box: the page itself keeps the window's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(700);
  await look(page, 'reminders-log-en-700');
  expect(await seriousViolations(page)).toEqual([]);

  // The same log in Arabic, right to left: Arabic words, the date as Arabic writes it.
  await page.getByRole('textbox', { name: 'Language of my screens' }).click();
  await page.getByRole('option', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const arRow = page
    .getByTestId('reminder-row')
    .filter({ hasText: 'Chloé Dubois' })
    .filter({ hasText: 'تأكيد الحجز' });
  await expect(arRow.getByTestId('reminder-status')).toHaveText('قيد الانتظار');
  const arabic = await shownWallClock(page, 'ar-u-nu-latn', chloeDay, '10:00');
  expect(arabic).not.toEqual(english);
  await expect(arRow.getByTestId('reminder-when').locator('p')).toHaveText(arabic);
  await expect(statuses.filter({ hasText: 'سُلّم إلى مزوّد الرسائل القصيرة' }).first()).toBeVisible();
  // Why Karim's were not sent is Mesochart's own reason: in Arabic too, not the log's English.
  const karimRow = page.getByTestId('reminder-row').filter({ hasText: 'Karim Haddad' });
  await expect(karimRow.first()).toContainText('لا توجد موافقة على التذكيرات');
  await expect(karimRow.first()).not.toContainText('No consent');
  // Hana's phone keeps its order inside the Arabic row: its '+' is drawn left of its last digit.
  const hanaPhone = page
    .getByTestId('reminder-row')
    .filter({ hasText: 'Hana Benali' })
    .first()
    .getByText('+33 6 55 44 33 22');
  const drawnInOrder = await hanaPhone.evaluate((el) => {
    const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
    const text = node?.textContent ?? '';
    const x = (i: number) => {
      const range = document.createRange();
      range.setStart(node!, i);
      range.setEnd(node!, i + 1);
      return range.getBoundingClientRect().x;
    };
    return x(text.indexOf('+')) < x(text.lastIndexOf('2'));
  });
  expect(drawnInOrder).toBe(true);
  // The export's note is reworded by the switch, as the catalogue writes that count in Arabic.
  const arabicNotes = JSON.parse(
    readFileSync(path.join('renderer', 'src', 'i18n', 'ar-reminders.json'), 'utf8'),
  ) as { reminders: { log: Record<string, string> } };
  const form = new Intl.PluralRules('ar').select(exported);
  await expect(page.getByRole('status').filter({ hasText: 'CSV' })).toHaveText(
    arabicNotes.reminders.log[`smsExported_${form}`]!.replace('{{count}}', String(exported)),
  );
  expect(await cutBadges(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(700);
  await look(page, 'reminders-log-ar-700');
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 860 });
  expect(await cutBadges(page)).toEqual([]);
  await look(page, 'reminders-log-ar-1280');
  expect(await seriousViolations(page)).toEqual([]);
});

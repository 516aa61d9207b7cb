import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seedClinic, seriousViolations, signIn } from '../support/flows';
import { INES, patient, RECEPTIONIST } from '../support/diary-seed';
import { headerText, mimeParts, startSmtpSink, type SmtpSink } from '../support/smtp-sink';

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

/**
 * The clinic's mail server on loopback; Chloé consented to e-mail reminders, Hugo to none. Inès
 * planned a course for each, nothing booked, so both are due. Nobody is signed in afterwards.
 */
async function seed(services: MesochartServices, sink: SmtpSink) {
  await seedClinic(services, [INES, RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'reminders.updateSettings', {
    smtp: {
      host: '127.0.0.1',
      port: sink.port,
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
    ...patient('Chloé', 'Dubois', '+33 6 12 34 56 78', '1990-05-17', 'chloe@example.com'),
    consents: ['reminders-email'],
  })) as { id: string };
  const hugo = (await call(services, 'patients.create', {
    ...patient('Hugo', 'Lefèvre', '+33 6 11 22 33 44', '1985-02-03', 'hugo@example.com'),
    consents: [],
  })) as { id: string };
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', { username: INES.username, password: INES.password });
  const courses: string[] = [];
  for (const patientId of [chloe.id, hugo.id]) {
    const course = (await call(services, 'courses.create', {
      patientId,
      indication: 'skin-ageing',
      indicationNote: '',
      areas: ['cheeks'],
      plannedSessions: 4,
      intervalDays: 14,
      protocol: {
        productIds: [],
        technique: null,
        depthMm: null,
        needleGauge: null,
        needleLengthMm: null,
      },
    })) as { id: string };
    courses.push(course.id);
  }
  await call(services, 'auth.signOut');
  return { hugoCourse: courses[1] ?? '' };
}

test('reception filters the courses due, reminds Chloé by e-mail and the mail arrives; Hugo, who gave no consent, is told why no reminder can go', async ({
  page,
  services,
}) => {
  test.slow();
  const sink = await startSmtpSink(SMTP_LOGIN);
  try {
    const { hugoCourse } = await seed(services, sink);
    await page.goto('/');
    await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
    await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Recall' })
      .click();
    const due = page.getByRole('table', { name: 'Courses due' });
    await expect(due.getByTestId('due-course')).toHaveCount(2);

    // Filtered to Chloé: her row alone.
    const filter = page.getByRole('textbox', { name: 'Patient name or number' });
    await filter.fill('Dubois');
    await expect(due.getByTestId('due-course')).toHaveCount(1);
    const chloe = due.getByTestId('due-course').filter({ hasText: 'Chloé Dubois' });
    await expect(chloe).toBeVisible();
    // No consent to SMS: that button is greyed and the row says why.
    const bySms = chloe.getByRole('button', { name: 'Remind Chloé Dubois by SMS' });
    await expect(bySms).toBeDisabled();
    await expect(bySms).toHaveAccessibleDescription('No consent to reminders by SMS');
    await expect(chloe).toContainText('No consent to reminders by SMS');
    await expect(chloe).not.toContainText('No consent to reminders by e-mail');

    await chloe.getByRole('button', { name: 'Remind Chloé Dubois by e-mail' }).click();
    await expect(page.getByRole('status')).toHaveText('Reminder to Chloé Dubois queued');
    // The row says what became of it: waiting, then sent once the queue (which sends a reminder
    // made at the desk at once) has handed it to the clinic's mail server.
    const state = chloe.getByTestId('due-course-reminder');
    await expect(state).toHaveText(/^E-mail reminder: (Waiting|Sent)$/);
    // In Arabic the note is reworded at once, and Chloé's phone keeps its digit groups in
    // order: isolated, it is not laid out right to left with the words around it.
    await page.getByRole('textbox', { name: 'Language of my screens' }).click();
    await page.getByRole('option', { name: 'العربية' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('status')).toHaveText(
      'أُدرج التذكير إلى Chloé Dubois في قائمة الانتظار',
    );
    const contact = page
      .getByTestId('due-course')
      .filter({ hasText: 'Chloé Dubois' })
      .getByTestId('due-course-contact');
    await expect(contact).toContainText('\u2068+33 6 12 34 56 78\u2069');
    const [first, last] = await contact.evaluate((element) => {
      const text = element.firstChild?.textContent?.includes('+33')
        ? element.firstChild
        : [...element.childNodes].find((n) => n.textContent?.includes('+33'));
      const at = (part: string) => {
        const range = document.createRange();
        const start = text!.textContent!.indexOf(part);
        range.setStart(text!, start);
        range.setEnd(text!, start + part.length);
        return range.getBoundingClientRect().left;
      };
      return [at('+33'), at('78')];
    });
    expect(first).toBeLessThan(last);
    await look(page, 'recall-due-arabic');
    await page.getByRole('textbox', { name: 'لغة شاشاتي' }).click();
    await page.getByRole('option', { name: 'English', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('status')).toHaveText('Reminder to Chloé Dubois queued');
    // Filtered to another patient, the note about Chloé goes.
    await filter.fill('Lefèvre');
    await expect(due.getByTestId('due-course')).toHaveCount(1);
    await expect(page.getByText('Reminder to Chloé Dubois queued')).toHaveCount(0);
    // Not yet reminded: Chloé's course leaves that list, Hugo's stays.
    const notYet = page.getByRole('checkbox', { name: 'Not yet reminded only' });
    await notYet.check();
    await filter.fill('');
    await expect(due.getByTestId('due-course')).toHaveCount(1);
    await expect(due.getByTestId('due-course')).toContainText('Hugo Lefèvre');
    await look(page, 'recall-not-yet-reminded');
    await notYet.uncheck();
    await filter.fill('Dubois');
    await expect(due.getByTestId('due-course')).toHaveCount(1);
    const [mail] = await sink.waitFor(1, 60_000);
    expect(mail?.to).toEqual(['chloe@example.com']);
    const { headers } = mimeParts(mail?.raw ?? '');
    expect(headerText(headers.subject ?? '')).toBe('Your next session at Clinique Lumière');
    expect(mail?.raw).toContain('Chlo');
    await expect(state).toHaveText('E-mail reminder: Sent', { timeout: 15_000 });
    await look(page, 'recall-remind-sent');
    expect(await seriousViolations(page)).toEqual([]);

    // The row remembers: after a reload (or on the other desk's computer) it still reads Sent,
    // with when.
    await page.reload();
    await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
    await filter.fill('Dubois');
    await expect(due.getByTestId('due-course')).toHaveCount(1);
    await expect(state).toHaveText('E-mail reminder: Sent');
    await expect(chloe.getByTestId('due-course-reminder-at')).not.toBeEmpty();
    await look(page, 'recall-remind-after-reload');

    // Hugo consented to no reminder: both buttons greyed, each with the reason beside it.
    await filter.fill('Lefèvre');
    await expect(due.getByTestId('due-course')).toHaveCount(1);
    const hugo = due.getByTestId('due-course').filter({ hasText: 'Hugo Lefèvre' });
    const byEmail = hugo.getByRole('button', { name: 'Remind Hugo Lefèvre by e-mail' });
    await expect(byEmail).toBeDisabled();
    await expect(byEmail).toHaveAccessibleDescription('No consent to reminders by e-mail');
    await expect(hugo.getByRole('button', { name: 'Remind Hugo Lefèvre by SMS' })).toBeDisabled();
    await expect(hugo).toContainText('No consent to reminders by e-mail');
    await expect(hugo).toContainText('No consent to reminders by SMS');
    await expect(hugo.getByTestId('due-course-reminder')).toHaveCount(0);
    await look(page, 'recall-remind-no-consent');
    expect(await seriousViolations(page)).toEqual([]);

    // The service holds the gate, not the greyed button: asked directly, it refuses and queues
    // nothing, so the log holds Chloé's reminder alone and the mail server her mail alone.
    await expect(
      call(services, 'reminders.recall', { courseId: hugoCourse, channel: 'email' }),
    ).rejects.toThrow(/CONFLICT No consent to reminders by e-mail/);
    const log = (await call(services, 'reminders.log', {})) as { patientName: string }[];
    expect(log.map((r) => r.patientName)).toEqual(['Chloé Dubois']);
    expect(sink.mails).toHaveLength(1);
  } finally {
    await sink.close();
  }
});

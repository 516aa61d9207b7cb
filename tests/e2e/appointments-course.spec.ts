import type { Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import { emptyHistoryAnswers } from '../../shared/api/history';
import { instantOf } from '../../shared/reminders/zoned-time';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  recordConsent,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
} from '../support/flows';
import { INES, localDay, patient, RECEPTIONIST, shownDay } from '../support/diary-seed';
import { readIcs } from '../support/ics-check';
import { headerText, mimeParts, startSmtpSink, type SmtpSink } from '../support/smtp-sink';

const SMTP_LOGIN = { user: 'clinic', pass: 'smtp secret' };
/** The computer's own zone: the diary's wall clock is this computer's. */
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * A clinic open every day 08:00–20:00 with its mail server on loopback; Chloé has given her
 * history and consented to e-mail reminders and to the treatment; Inès has planned her course
 * of 4 sessions every 14 days, with nothing booked yet.
 */
async function seed(services: MesochartServices, sink: SmtpSink) {
  await seedClinic(services, [INES, RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'appointments.updateSettings', {
    rooms: [
      { id: 'room-1', name: 'Room 1' },
      { id: 'room-2', name: 'Room 2' },
    ],
    week: Array(7).fill({ open: '08:00', close: '20:00', breaks: [] }),
  });
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
    timeZone: ZONE,
  });
  const product = (await call(services, 'products.create', {
    name: 'NCTF 135 HA',
    manufacturer: 'Mesoline',
    category: 'other',
    ingredients: ['sodium hyaluronate', 'vitamins', 'amino acids'],
    allergens: ['hyaluronicAcid'],
    defaultVolumeMl: 3,
  })) as { id: string };
  await call(services, 'products.addLot', {
    productId: product.id,
    lotNumber: 'NCT-001',
    expiresOn: localDay(300),
    receivedOn: localDay(-10),
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
  await call(services, 'history.submit', {
    patientId: chloe.id,
    answers: emptyHistoryAnswers(),
    takenBy: 'staff',
  });
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', { username: INES.username, password: INES.password });
  const course = (await call(services, 'courses.create', {
    patientId: chloe.id,
    indication: 'skin-ageing',
    indicationNote: '',
    areas: ['cheeks'],
    plannedSessions: 4,
    intervalDays: 14,
    protocol: {
      productIds: [product.id],
      technique: null,
      depthMm: null,
      needleGauge: null,
      needleLengthMm: null,
    },
  })) as { id: string };
  await recordConsent(services, chloe.id, [product.id]);
  await call(services, 'auth.signOut');
  return { chloe: chloe.id, course: course.id };
}

async function answer(page: Page, question: string, value: string) {
  await page
    .getByRole('radiogroup', { name: question })
    .getByRole('radio', { name: value, exact: true })
    .check();
}

test('reception books a 4-session course every 14 days and marks the arrival; the practitioner opens check → session from Today; the confirmation arrives with a valid .ics', async ({
  page,
  services,
}) => {
  // A whole clinic day through several screens and sign-ins: longer than one screen's test.
  test.slow();
  const sink = await startSmtpSink(SMTP_LOGIN);
  try {
    const ids = await seed(services, sink);
    await page.goto('/');
    await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
    await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);

    // Recall > Courses due: Chloé's course, nothing booked.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Recall' })
      .click();
    const due = page.getByRole('table', { name: 'Courses due' });
    await expect(due.getByTestId('due-course')).toHaveCount(1);
    await expect(due).toContainText('Chloé Dubois');
    await expect(due).toContainText('0 of 4 sessions, every 14 days');
    await screenshot(page, 'recall-courses-due');
    expect(await seriousViolations(page)).toEqual([]);

    // One step: the service proposes the 4 sessions 14 days apart from tomorrow.
    await page.getByRole('button', { name: 'Book the course of Chloé Dubois' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book the course of Chloé Dubois' });
    await dialog.getByRole('button', { name: 'Propose dates' }).click();
    const proposal = dialog.getByRole('table', { name: 'Proposed sessions' });
    await expect(proposal.getByRole('row')).toHaveCount(5);
    for (const n of [1, 2, 3, 4]) {
      await expect(dialog.getByLabel(`Date of session ${n}`)).toHaveValue(
        shownDay(localDay(1 + (n - 1) * 14)),
      );
      await expect(dialog.getByLabel(`Time of session ${n}`)).toHaveValue('08:00');
    }
    await screenshot(page, 'course-booking-table');
    expect(await seriousViolations(page)).toEqual([]);
    // Chloé can come today at 19:00: the desk moves the first row before booking.
    await dialog.getByLabel('Date of session 1').fill(localDay());
    await dialog.getByLabel('Time of session 1').fill('19:00');
    await dialog.getByRole('button', { name: 'Book 4 sessions' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'booked' })).toHaveText(
      '4 sessions booked for Chloé Dubois',
    );
    await expect(page.getByText('No course is waiting for a booking.')).toBeVisible();
    const booked = services.state.store.sqlite
      .prepare('SELECT starts_at, ends_at FROM appointment WHERE course_id = ? ORDER BY starts_at')
      .all(ids.course) as { starts_at: string; ends_at: string }[];
    expect(booked.map((b) => b.starts_at)).toEqual([
      `${localDay()}T19:00`,
      `${localDay(15)}T08:00`,
      `${localDay(29)}T08:00`,
      `${localDay(43)}T08:00`,
    ]);

    // The booking confirmations go out through the clinic's SMTP server.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Reminders' })
      .click();
    await page.getByRole('button', { name: 'Send due reminders now' }).click();
    // One confirmation per session; the first session's is the one for today 19:00.
    const mails = await sink.waitFor(4, 60_000);
    const calendarOf = (raw: string) =>
      mimeParts(raw).parts.find((p) =>
        (p.headers['content-type'] ?? '').startsWith('text/calendar'),
      )?.body ?? '';
    // The file names the instant (with the zone's TZID, or in UTC where the clinic's zone is UTC).
    const at19 = instantOf(`${localDay()}T19:00`, ZONE).getTime();
    const first = mails.find(
      (m) => readIcs(calendarOf(m.raw)).events[0]?.startInstant.getTime() === at19,
    );
    expect(first, 'the first session’s confirmation').toBeDefined();
    expect(first?.to).toEqual(['chloe@example.com']);
    expect(headerText(mimeParts(first?.raw ?? '').headers.subject ?? '')).toMatch(
      /^Your appointment at Clinique Lumière on .* at 19:00$/,
    );
    const ics = mimeParts(first?.raw ?? '').parts.find((p) =>
      (p.headers['content-type'] ?? '').startsWith('text/calendar'),
    );
    const { method, events } = readIcs(ics?.body ?? '');
    expect(method).toBe('PUBLISH');
    expect(events).toHaveLength(1);
    expect(events[0]?.start.value.replace(/Z$/, '')).toBe(`${localDay().replace(/-/g, '')}T190000`);
    expect(events[0]?.startInstant.getTime()).toBe(
      instantOf(`${localDay()}T19:00`, ZONE).getTime(),
    );
    expect(events[0]?.endInstant?.getTime()).toBe(instantOf(`${localDay()}T19:45`, ZONE).getTime());
    await expect(page.getByRole('table').first()).toContainText('chloe@example.com');
    await screenshot(page, 'reminders-log-after-course');

    // Today: Chloé at 19:00, with her course's balance; the desk marks her arrived.
    await page.getByRole('link', { name: 'Today' }).click();
    const today = page.getByRole('table', { name: "Today's appointments" });
    const row = today.getByRole('row', { name: /Chloé Dubois/ });
    await expect(row).toContainText('19:00–19:45');
    await expect(row).toContainText('Course: 0 of 4 done');
    await expect(row).not.toContainText('History to take');
    await expect(row).not.toContainText('Consent to sign');
    await page.getByRole('button', { name: 'Mark Chloé Dubois arrived' }).click();
    await expect(row).toContainText('Arrived');
    await screenshot(page, 'today-reception-course');
    expect(await seriousViolations(page)).toEqual([]);

    // The practitioner opens the check from her Today list and starts the course's session.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, INES.username, INES.password);
    await expect(page.getByTestId('signed-in-user')).toHaveText(INES.displayName);
    await page.getByRole('link', { name: 'Today' }).click();
    const mine = page.getByRole('table', { name: 'My appointments today' });
    await expect(mine.getByRole('row', { name: /Chloé Dubois/ })).toContainText('Arrived');
    await screenshot(page, 'today-practitioner-course');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Open the check for Chloé Dubois' }).click();
    await expect(page).toHaveURL(new RegExp(`/patients/${ids.chloe}/check\\?course=${ids.course}`));
    await expect(page.getByRole('heading', { name: /Pre-procedure check: / })).toBeVisible();
    for (const [question, value] of Object.entries({
      'Alcohol in the last 48 hours?': 'No',
      'Pregnant now?': 'No',
      'Breastfeeding now?': 'No',
      'Skin at the treatment site': 'Normal',
      'Fever or illness today?': 'No',
      'Vaccination recently?': 'No',
      'Antibiotics recently?': 'No',
    }))
      await answer(page, question, value);
    await expect(page.getByTestId('check-outcome')).toHaveText('Clear');
    await page.getByRole('button', { name: 'Complete check and start session' }).click();
    await expect(page).toHaveURL(/\/sessions\//);
    const session = services.state.store.sqlite
      .prepare('SELECT course_id FROM treatment_session WHERE patient_id = ?')
      .all(ids.chloe) as { course_id: string | null }[];
    expect(session).toEqual([{ course_id: ids.course }]);
    await screenshot(page, 'session-from-today');
    // The visit follows the session: her Today list says Chloé is in treatment.
    await page.getByRole('link', { name: 'Today' }).click();
    await expect(mine.getByRole('row', { name: /Chloé Dubois/ })).toContainText('In treatment');
    // Her course counts the session once it is signed, not while it is under way.
    await expect(mine.getByRole('row', { name: /Chloé Dubois/ })).toContainText(
      'Course: 0 of 4 done',
    );
    await screenshot(page, 'today-practitioner-in-treatment');
    // Her row leads back to the session in progress, not to a new check.
    await expect(page.getByRole('link', { name: 'Open the check for Chloé Dubois' })).toHaveCount(
      0,
    );
    await page.getByRole('link', { name: 'Open the session for Chloé Dubois' }).click();
    await expect(page).toHaveURL(/\/sessions\//);
  } finally {
    await sink.close();
  }
});

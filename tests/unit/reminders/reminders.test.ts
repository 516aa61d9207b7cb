import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, mimeParts, headerText, type SmtpSink } from '../../support/smtp-sink';
import { readIcs } from '../../support/ics-check';
import type { Course } from '../../../shared/api/courses';
import {
  ADMIN_LOGIN,
  MONDAY,
  RECEPTIONIST,
  bookFor,
  jumpTo,
  log,
  runQueue,
  signIn,
  startReminderClinic,
  type ReminderClinic,
} from './fixtures';

let sink: SmtpSink;
let d: ReminderClinic;
beforeEach(async () => {
  sink = await startSmtpSink();
  d = await startReminderClinic(sink.port);
}, 60_000);
afterEach(async () => {
  await d.app.close();
  await sink.close();
});

function attachment(raw: string) {
  return mimeParts(raw).parts.find((p) =>
    (p.headers['content-type'] ?? '').startsWith('text/calendar'),
  );
}
function textPart(raw: string) {
  return mimeParts(raw).parts.find((p) =>
    (p.headers['content-type'] ?? '').startsWith('text/plain'),
  )?.body;
}

describe('reminders by e-mail through the clinic’s SMTP server', () => {
  it('sends a booking confirmation with a valid .ics in the clinic’s time zone to a consenting patient', async () => {
    const a = await bookFor(d, d.chloe, { startsAt: `${MONDAY}T10:00` });
    await runQueue(d);
    const [mail] = await sink.waitFor(1);
    expect(mail?.to).toEqual(['chloe@example.com']);
    const top = mimeParts(mail?.raw ?? '').headers;
    expect(headerText(top.subject ?? '')).toBe(
      'Your appointment at Clinique Lumière on Monday, March 3, 2031 at 10:00',
    );
    expect(textPart(mail?.raw ?? '')).toContain('Dear Chloé Dubois');
    const ics = attachment(mail?.raw ?? '');
    expect(ics?.headers['content-disposition']).toMatch(/attachment; filename=appointment\.ics/);
    const { method, events } = readIcs(ics?.body ?? '');
    expect(method).toBe('PUBLISH');
    expect(events).toHaveLength(1);
    expect(events[0]?.uid).toBe(`${a.id}@mesochart`);
    expect(events[0]?.start).toEqual({ tzid: 'Europe/Paris', value: '20310303T100000' });
    // The file's own VTIMEZONE says Paris is UTC+1 in March before the change: 09:00 UTC.
    expect(events[0]?.startInstant.toISOString()).toBe('2031-03-03T09:00:00.000Z');
    expect(events[0]?.endInstant?.toISOString()).toBe('2031-03-03T09:45:00.000Z');
    expect(events[0]?.summary).toBe('Mesotherapy session at Clinique Lumière');
    const sent = (await log(d)).filter((r) => r.status === 'sent');
    expect(sent.map((r) => [r.kind, r.channel, r.recipient])).toEqual([
      ['confirmation', 'email', 'chloe@example.com'],
    ]);
  });

  it('writes summer time from the file’s VTIMEZONE after the clocks change', async () => {
    // 2031-03-30 is the last Sunday of March: the Monday after is UTC+2.
    await bookFor(d, d.chloe, { startsAt: '2031-03-31T10:00' });
    await runQueue(d);
    const [mail] = await sink.waitFor(1);
    const { events } = readIcs(attachment(mail?.raw ?? '')?.body ?? '');
    expect(events[0]?.startInstant.toISOString()).toBe('2031-03-31T08:00:00.000Z');
  });

  it('never returns the SMTP password to the screens', async () => {
    await signIn(d.app, ADMIN_LOGIN);
    const settings = await d.app.ok<Record<string, unknown>>('reminders.settings');
    expect(JSON.stringify(settings)).not.toContain('smtp secret');
    expect(settings).toMatchObject({ smtp: { passwordSet: true, user: 'clinic' } });
    // Saving the form without a password keeps the stored one: mail still goes.
    const { passwordSet, ...smtp } = settings.smtp as Record<string, unknown>;
    expect(passwordSet).toBe(true);
    await d.app.ok('reminders.updateSettings', { smtp: { ...smtp, fromName: 'Lumière' } });
    await signIn(d.app, RECEPTIONIST);
    await bookFor(d, d.chloe, { startsAt: `${MONDAY}T10:00` });
    await runQueue(d);
    const [mail] = await sink.waitFor(1);
    expect(mimeParts(mail?.raw ?? '').headers.from).toContain('rendez-vous@lumiere.example');
  });

  it('sends nothing to a patient without consent, and says so in the log', async () => {
    await bookFor(d, d.anna, { startsAt: `${MONDAY}T11:00` });
    await runQueue(d);
    const rows = await log(d);
    expect(rows.map((r) => [r.patientName, r.kind, r.status, r.detail])).toEqual(
      expect.arrayContaining([
        ['Anna Rossi', 'confirmation', 'skipped', 'No consent to reminders'],
        ['Anna Rossi', 'pre-care', 'skipped', 'No consent to reminders'],
      ]),
    );
    expect(sink.mails).toHaveLength(0);
  });

  it('skips a queued reminder when consent is withdrawn before it goes', async () => {
    await bookFor(d, d.chloe, { startsAt: `${MONDAY}T10:00` });
    await runQueue(d);
    await sink.waitFor(1);
    // The pre-care reminder is queued for the day before; the patient withdraws meanwhile.
    await d.app.ok('consents.record', {
      patientId: d.chloe,
      kind: 'reminders-email',
      decision: 'withdrawn',
      note: '',
    });
    await jumpTo(d, '2031-03-02T10:00');
    await runQueue(d);
    const preCare = (await log(d)).find((r) => r.channel === 'email' && r.kind === 'pre-care');
    expect(preCare).toMatchObject({
      status: 'skipped',
      detail: 'No consent to reminders by e-mail',
    });
    expect(sink.mails).toHaveLength(1);
  });

  it('sends the day-before pre-care reminder with the clinic’s periods and never says to stop a prescribed medicine', async () => {
    await signIn(d.app, ADMIN_LOGIN);
    const screening = await d.app.ok<Record<string, unknown>>('screening.settings');
    await d.app.ok('screening.updateSettings', {
      ...screening,
      alcoholHoursBefore: 24,
      holdDays: { aspirin: 10, nsaid: 7, supplement: 14 },
    });
    await signIn(d.app, RECEPTIONIST);
    await bookFor(d, d.chloe, { startsAt: `${MONDAY}T10:00` });
    await runQueue(d);
    await sink.waitFor(1);
    // Not before 10:00 the day before, on the clinic's clock.
    await jumpTo(d, '2031-03-02T09:59');
    await runQueue(d);
    expect(sink.mails).toHaveLength(1);
    await jumpTo(d, '2031-03-02T10:00');
    await runQueue(d);
    const mails = await sink.waitFor(2);
    const text = textPart(mails[1]?.raw ?? '') ?? '';
    expect(headerText(mimeParts(mails[1]?.raw ?? '').headers.subject ?? '')).toBe(
      'Tomorrow at Clinique Lumière: how to prepare for your treatment',
    );
    expect(text).toContain('Avoid alcohol for 24 hours before your appointment.');
    expect(text).toContain('avoid them for 10 days before your treatment');
    expect(text).toContain('fish oil, vitamin E, ginkgo, garlic, ginseng, turmeric) for 14 days');
    expect(text).toContain('Do not stop any medicine your doctor prescribed');
    expect(attachment(mails[1]?.raw ?? '')).toBeUndefined();
  });

  it('marks the old reminder obsolete when the appointment moves and confirms the new time', async () => {
    const a = await bookFor(d, d.chloe, { startsAt: `${MONDAY}T10:00` });
    await d.app.ok('appointments.move', { id: a.id, startsAt: `${MONDAY}T15:00` });
    await runQueue(d);
    const [mail] = await sink.waitFor(1);
    const { events } = readIcs(attachment(mail?.raw ?? '')?.body ?? '');
    expect(events[0]?.start.value).toBe('20310303T150000');
    expect(sink.mails).toHaveLength(1);
  });

  it('refuses a recall reminder on a channel the patient did not consent to, writing nothing', async () => {
    await signIn(d.app, { username: 'ines.prac', password: 'practitioner pass phrase' });
    const course = await d.app.ok<Course>('courses.create', {
      patientId: d.anna,
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
    });
    const refused = await d.app.call('reminders.recall', { courseId: course.id, channel: 'email' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { channel: 'No consent to reminders by e-mail' } },
    });
    expect(await log(d)).toEqual([]);
  });
});

describe('recall', () => {
  it('sends a consenting patient one recall e-mail for her course from one click, without a calendar file', async () => {
    await signIn(d.app, { username: 'ines.prac', password: 'practitioner pass phrase' });
    const course = await d.app.ok<Course>('courses.create', {
      patientId: d.chloe,
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
    });
    await signIn(d.app, RECEPTIONIST);
    await d.app.ok('reminders.recall', { courseId: course.id, channel: 'email' });
    await runQueue(d);
    const [mail] = await sink.waitFor(1);
    expect(mail?.to).toEqual(['chloe@example.com']);
    expect(textPart(mail?.raw ?? '')).toContain('Dear Chloé Dubois');
    expect(attachment(mail?.raw ?? '')).toBeUndefined();
    const sent = (await log(d)).filter((r) => r.status === 'sent');
    expect(sent.map((r) => [r.kind, r.channel, r.recipient])).toEqual([
      ['recall', 'email', 'chloe@example.com'],
    ]);
  });
});

describe('SMS hand-off', () => {
  it('exports due SMS reminders once, only for patients who consented to SMS', async () => {
    await bookFor(d, d.chloe, { startsAt: `${MONDAY}T10:00` });
    await bookFor(d, d.bruno, {
      startsAt: `${MONDAY}T12:00`,
      practitionerId: d.marc,
      roomId: 'room-2',
    });
    const file = await d.app.ok<{ count: number; csv: string; json: string }>(
      'reminders.exportSms',
    );
    const items = JSON.parse(file.json) as { to: string; text: string; kind: string }[];
    expect(items).toEqual([
      {
        id: expect.any(String),
        to: '+33 6 12 34 56 78',
        kind: 'confirmation',
        appointmentAt: `${MONDAY}T10:00`,
        text: 'Clinique Lumière: your appointment is on Monday, March 3, 2031 at 10:00. To change it call +33 4 72 00 00 00.',
      },
    ]);
    expect(file.csv.split('\r\n')[0]).toBe('reminder_id,phone,message,kind,appointment_at');
    const again = await d.app.ok<{ count: number }>('reminders.exportSms');
    expect(again.count).toBe(0);
    const handed = (await log(d)).filter((r) => r.status === 'handed-off');
    expect(handed).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import type { Course } from '../../../shared/api/courses';
import type { DueCourse } from '../../../shared/api/recall';
import type { Reminder } from '../../../shared/api/reminders';
import { remindedThisRound } from '../../../electron/services/recall/due-courses';
import {
  RECEPTIONIST,
  runQueue,
  signIn,
  startReminderClinic,
  type ReminderClinic,
} from '../reminders/fixtures';

const PRACTITIONER = { username: 'ines.prac', password: 'practitioner pass phrase' };

let sink: SmtpSink;
let d: ReminderClinic;
let chloeCourse: Course;
beforeEach(async () => {
  sink = await startSmtpSink();
  d = await startReminderClinic(sink.port);
  await signIn(d.app, PRACTITIONER);
  // Chloé (e-mail and SMS consent) and Anna each have a course planned today, nothing booked.
  const plan = (patientId: string) =>
    d.app.ok<Course>('courses.create', {
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
    });
  chloeCourse = await plan(d.chloe);
  await plan(d.anna);
  await signIn(d.app, RECEPTIONIST);
}, 60_000);
afterEach(async () => {
  await d.app.close();
  await sink.close();
});

const rows = async (input: Record<string, unknown> = {}) =>
  (await d.app.ok<DueCourse[]>('recall.due', input)).map((r) => [
    r.patientName,
    r.lastReminder ? `${r.lastReminder.channel} ${r.lastReminder.status}` : null,
  ]);

describe('courses due remember their reminder', () => {
  it('reads each course its latest reminder from the queue, waiting then sent, on any later read', async () => {
    expect((await rows()).sort()).toEqual([
      ['Anna Rossi', null],
      ['Chloé Dubois', null],
    ]);
    // By e-mail, then by SMS: the row shows the latest, the SMS.
    await d.app.ok('reminders.recall', { courseId: chloeCourse.id, channel: 'email' });
    // The e-mail goes at once; let that send finish so the second one below starts its own
    // (one queued while a send runs waits for the next minute's run).
    await d.app.services.state.jobs.settle();
    await d.app.ok('reminders.recall', { courseId: chloeCourse.id, channel: 'sms' });
    const waiting = await d.app.ok<DueCourse[]>('recall.due', { query: 'dubois' });
    expect(waiting.map((r) => r.lastReminder?.channel)).toEqual(['sms']);
    expect(waiting[0]?.lastReminder?.status).toBe('queued');

    // The queue sends the e-mail; SMS wait for the clinic's hand-off. Another recall.due read
    // (a reload, or the other desk) still knows both.
    await d.app.ok('reminders.recall', { courseId: chloeCourse.id, channel: 'email' });
    await runQueue(d);
    await sink.waitFor(2, 30_000);
    const [sent] = await d.app.ok<DueCourse[]>('recall.due', { query: 'dubois' });
    const logged = await d.app.ok<Reminder[]>('reminders.log', { status: 'sent' });
    const latest = logged.find((r) => r.id === sent?.lastReminder?.id);
    expect(sent?.lastReminder).toEqual({
      id: latest?.id,
      channel: 'email',
      status: 'sent',
      at: latest?.updatedAt,
    });
  });

  it('filters to the courses not yet reminded: a reminder on its way or sent counts, one refused never existed', async () => {
    await d.app.ok('reminders.recall', { courseId: chloeCourse.id, channel: 'email' });
    // Anna gave no consent: the service refuses and she stays not reminded.
    const annaCourse = (await d.app.ok<DueCourse[]>('recall.due', { query: 'rossi' }))[0];
    await d.app.call('reminders.recall', { courseId: annaCourse?.courseId, channel: 'email' });
    expect(await rows({ notReminded: true })).toEqual([['Anna Rossi', null]]);
    expect((await rows()).map((r) => r[0]).sort()).toEqual(['Anna Rossi', 'Chloé Dubois']);
    await runQueue(d);
    await sink.waitFor(1, 30_000);
    expect(await rows({ notReminded: true })).toEqual([['Anna Rossi', null]]);
    expect(await rows({ query: 'chlo' })).toEqual([['Chloé Dubois', 'email sent']]);
  });
});

describe('a reminder counts for the session it called the patient to', () => {
  const sessions = [{ performedOn: '2026-11-02' }, { performedOn: '2026-11-16' }];
  const made = (status: string, createdAt: string) => ({
    reminder_status: status,
    reminder_created_at: createdAt,
  });

  it('counts one made since the last session, and one on a course not yet started', () => {
    expect(remindedThisRound(made('sent', '2026-11-28T09:00:00.000Z'), sessions)).toBe(true);
    expect(remindedThisRound(made('queued', '2026-11-16T18:00:00.000Z'), sessions)).toBe(true);
    expect(remindedThisRound(made('handed-off', '2026-10-01T09:00:00.000Z'), [])).toBe(true);
  });

  it('does not count one made before the last session, nor one that failed or never went', () => {
    expect(remindedThisRound(made('sent', '2026-11-10T09:00:00.000Z'), sessions)).toBe(false);
    for (const status of ['failed', 'skipped', 'obsolete']) {
      expect(remindedThisRound(made(status, '2026-11-28T09:00:00.000Z'), sessions)).toBe(false);
    }
    expect(remindedThisRound({ reminder_status: null, reminder_created_at: null }, [])).toBe(false);
  });
});

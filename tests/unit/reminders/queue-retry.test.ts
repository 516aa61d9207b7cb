import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createServices } from '../../../electron/services/app';
import { startReminderJob } from '../../../electron/services/reminders/reminder-sender';
import {
  BACKOFF_MINUTES,
  listReminders,
} from '../../../electron/services/reminders/reminder-queue';
import type { Reminder } from '../../../shared/api/reminders';
import { calendarInvite } from '../../../electron/services/reminders/calendar-invite';
import { TEST_ORIGIN } from '../../support/helpers';
import { readIcs } from '../../support/ics-check';
import { startSmtpSink } from '../../support/smtp-sink';
import {
  MONDAY,
  RECEPTIONIST,
  SMTP_LOGIN,
  bookFor,
  log,
  runQueue,
  signIn,
  startReminderClinic,
} from './fixtures';

describe('the reminder queue', () => {
  it('retries with backoff after the mail server was down, and carries on after a restart', async () => {
    // A port with nothing listening: the clinic's server is down.
    const probe = await startSmtpSink();
    const port = probe.port;
    await probe.close();
    const d = await startReminderClinic(port);
    let reopened: Awaited<ReturnType<typeof createServices>> | null = null;
    try {
      await bookFor(d, d.chloe, { startsAt: `${MONDAY}T10:00` });
      await runQueue(d);
      const [failed] = (await log(d)).filter(
        (r) => r.kind === 'confirmation' && r.channel === 'email',
      );
      expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
      expect(failed?.detail).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      const retryAt = Date.parse(failed?.nextAttemptAt ?? '');
      expect(retryAt - Date.parse(failed?.updatedAt ?? '')).toBe(60_000);

      // Mesochart closes; the queue is in the store, not in memory.
      await d.app.services.close();
      const sink = await startSmtpSink(undefined, port);
      try {
        let now = Date.now();
        reopened = await createServices({
          dataDir: d.app.dataDir,
          databaseKey: d.app.databaseKey,
          trustedOrigin: TEST_ORIGIN,
          clock: () => new Date(now),
        });
        // Before the backoff has passed, nothing is tried.
        await startReminderJob(reopened.state).done;
        expect(sink.mails).toHaveLength(0);
        now = retryAt + 1000;
        await startReminderJob(reopened.state).done;
        const [mail] = await sink.waitFor(1);
        expect(mail?.to).toEqual(['chloe@example.com']);
        const rows = await listReminders(reopened.state.store.db, { limit: 50 });
        expect(rows.find((r) => r.kind === 'confirmation' && r.channel === 'email')).toMatchObject({
          status: 'sent',
          attempts: 2,
          detail: null,
        });
      } finally {
        await sink.close();
      }
    } finally {
      await reopened?.close();
      rmSync(d.app.dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('fails for good after the last retry, saying why, and Try again sends it once the server is back', async () => {
    const probe = await startSmtpSink();
    const port = probe.port;
    await probe.close();
    const d = await startReminderClinic(port);
    try {
      await bookFor(d, d.chloe, { startsAt: `${MONDAY}T10:00` });
      const confirmation = async () =>
        (await log(d)).find((r) => r.kind === 'confirmation' && r.channel === 'email');
      // The first attempt and one after each backoff, the clock moved past each wait.
      for (let attempt = 1; attempt <= BACKOFF_MINUTES.length + 1; attempt++) {
        await runQueue(d);
        const row = await confirmation();
        expect(row?.attempts).toBe(attempt);
        if (row?.status === 'queued') {
          d.app.advance(
            Date.parse(row.nextAttemptAt ?? '') - d.app.services.state.clock().getTime(),
          );
          await signIn(d.app, RECEPTIONIST);
        }
      }
      const failed = await confirmation();
      expect(failed).toMatchObject({ status: 'failed', attempts: BACKOFF_MINUTES.length + 1 });
      expect(failed?.detail).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      // Nothing more is tried by itself.
      await runQueue(d);
      expect((await confirmation())?.attempts).toBe(BACKOFF_MINUTES.length + 1);

      const sink = await startSmtpSink(SMTP_LOGIN, port);
      try {
        const retried = await d.app.ok<Reminder>('reminders.retry', { id: failed?.id });
        expect(retried).toMatchObject({ status: 'queued', attempts: 0 });
        await runQueue(d);
        const [mail] = await sink.waitFor(1);
        expect(mail?.to).toEqual(['chloe@example.com']);
        expect(await confirmation()).toMatchObject({ status: 'sent', detail: null });
        const again = await d.app.call('reminders.retry', { id: failed?.id });
        expect(again.ok || again.error.code).toBe('CONFLICT');
      } finally {
        await sink.close();
      }
    } finally {
      await d.app.close();
    }
  }, 120_000);
});

describe('the calendar file', () => {
  const invite = (startsAt: string, endsAt: string, zone = 'Europe/Paris') =>
    calendarInvite({
      uid: 'a@mesochart',
      zone,
      startsAt,
      endsAt,
      summary: 'Mesotherapy session at Clinique Lumière; a long, long title with commas, to fold',
      description: 'Line one\nLine two',
      location: 'Clinique Lumière, 12 Rue des Fleurs',
      organizer: { name: 'Clinique Lumière', email: 'rdv@lumiere.example' },
      now: new Date('2031-01-01T00:00:00Z'),
    });

  it('passes the strict check, and the check refuses a damaged file', () => {
    const ics = invite('2031-10-27T09:30', '2031-10-27T10:15');
    const { events } = readIcs(ics);
    expect(events[0]?.summary).toBe(
      'Mesotherapy session at Clinique Lumière; a long, long title with commas, to fold',
    );
    expect(events[0]?.description).toBe('Line one\nLine two');
    // After the October change Paris is UTC+1 again.
    expect(events[0]?.startInstant.toISOString()).toBe('2031-10-27T08:30:00.000Z');
    expect(() => readIcs(ics.replace(/\r\n/g, '\n'))).toThrow(/CRLF/);
    expect(() => readIcs(ics.replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, ''))).toThrow(
      /no VTIMEZONE/,
    );
    expect(() => readIcs(ics.replace('END:VEVENT\r\n', ''))).toThrow(/does not close/);
    expect(() => readIcs(ics.replace(/DTSTAMP:\d{8}T\d{6}Z/, 'DTSTAMP:2031'))).toThrow(/DTSTAMP/);
  });

  it('names the right instant for any wall-clock time in zones with and without summer time', () => {
    const zones = ['Europe/Paris', 'Europe/Istanbul', 'America/New_York', 'Australia/Sydney'];
    const instantIn = (zone: string, wall: string) => {
      // What the zone's clock reads at an instant, to compare with the file's own VTIMEZONE.
      const f = new Intl.DateTimeFormat('sv-SE', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      return (d: Date) => f.format(d).replace(' ', 'T') === wall;
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({
          min: new Date('2030-01-01T00:00:00Z'),
          max: new Date('2034-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 8, max: 19 }),
        fc.constantFrom(0, 15, 30, 45),
        (zone, day, hour, minute) => {
          const date = day.toISOString().slice(0, 10);
          const wall = `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const end = `${date}T${String(hour + 1).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const { events } = readIcs(invite(wall, end, zone));
          // Opening hours never fall in a skipped hour in these zones: the instant reads back.
          expect(instantIn(zone, wall)(events[0]?.startInstant as Date)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

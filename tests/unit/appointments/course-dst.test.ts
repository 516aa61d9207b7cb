import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, CourseProposal } from '../../../shared/api/appointments';
import type { Course } from '../../../shared/api/courses';
import { addDaysToDate, clockTime } from '../../../shared/appointments/diary-time';
import { calendarInvite } from '../../../electron/services/reminders/calendar-invite';
import { readIcs } from '../../support/ics-check';
import { startDiary, type Diary } from './fixtures';

/**
 * Zones with summer time north and south of the equator, and zones that dropped it (Istanbul
 * since 2016, São Paulo since 2019) as controls.
 */
const ZONES = [
  'Europe/Paris',
  'Europe/Istanbul',
  'America/New_York',
  'America/Los_Angeles',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/Havana',
  'Australia/Sydney',
] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** What a zone's clock reads at an instant, straight from Intl: the test's own oracle. */
function clockIn(zone: string, instant: number): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f.format(instant).replace(' ', 'T');
}

/** Every instant at which the zone's clock reads `wall`, found by trying each quarter-hour offset. */
function instantsReading(zone: string, wall: string): number[] {
  const [date, time] = wall.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, mi);
  const found: number[] = [];
  for (let q = -14 * 4; q <= 14 * 4; q++) {
    const candidate = asUtc - q * 15 * 60_000;
    if (clockIn(zone, candidate) === wall) found.push(candidate);
  }
  return found.sort((a, b) => a - b);
}

let d: Diary;
beforeAll(async () => {
  d = await startDiary();
  // Open every day from 08:00 to 20:00, so the interval alone decides each session's day.
  const day = { open: '08:00', close: '20:00', breaks: [] };
  await d.app.ok('appointments.updateSettings', { week: Array(7).fill(day) });
  await d.app.ok('auth.signOut');
  await d.app.ok('auth.signIn', { username: 'ines.prac', password: 'practitioner pass phrase' });
}, 60_000);
afterAll(async () => {
  await d.app.close();
});

describe('booking a course across summer-time changes', () => {
  it('books every session at the interval on the clinic’s clock, and each invitation names that hour in the clinic’s zone', async () => {
    // Runs whose course spans a change of the clock: the property must meet some.
    let crossed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ZONES),
        // Any day over four years: courses of up to 6 × 28 days cross the changes often.
        fc.integer({ min: 0, max: 4 * 365 }),
        fc.integer({ min: 7, max: 28 }),
        fc.integer({ min: 3, max: 6 }),
        // 08:00 to 19:15 in quarter hours: a 45-minute visit inside opening hours.
        fc.integer({ min: 32, max: 77 }),
        async (zone, dayOffset, interval, planned, quarter) => {
          const first = addDaysToDate('2031-01-01', dayOffset);
          const time = clockTime(quarter * 15);
          const course = await d.app.ok<Course>('courses.create', {
            patientId: d.anna,
            indication: 'skin-ageing',
            indicationNote: '',
            areas: ['cheeks'],
            plannedSessions: planned,
            intervalDays: interval,
            protocol: {
              productIds: [],
              technique: null,
              depthMm: null,
              needleGauge: null,
              needleLengthMm: null,
            },
          });
          const proposal = await d.app.ok<CourseProposal>('appointments.proposeCourse', {
            courseId: course.id,
            practitionerId: d.ines,
            treatmentTypeId: 'mesotherapy',
            firstOn: first,
            time,
          });
          const expected = Array.from(
            { length: planned },
            (_, k) => `${addDaysToDate(first, k * interval)}T${time}`,
          );
          expect(proposal.unplaced).toEqual([]);
          expect(proposal.slots.map((s) => s.startsAt)).toEqual(expected);
          const booked = await d.app.ok<Appointment[]>('appointments.bookCourse', {
            courseId: course.id,
            practitionerId: d.ines,
            treatmentTypeId: 'mesotherapy',
            slots: proposal.slots.map(({ startsAt, endsAt, roomId }) => ({
              startsAt,
              endsAt,
              roomId,
            })),
          });
          expect(booked.map((a) => a.startsAt)).toEqual(expected);

          // The patient's calendar file for each session names the instant at which the
          // clinic's clock reads the booked hour (the first, where an autumn hour repeats).
          const instants = booked.map((a) => {
            const { events } = readIcs(
              calendarInvite({
                uid: `${a.id}@mesochart`,
                zone,
                startsAt: a.startsAt,
                endsAt: a.endsAt,
                summary: 'Mesotherapy session',
                description: '',
                location: 'Clinique Lumière',
                organizer: null,
                now: new Date('2031-01-01T00:00:00Z'),
              }),
            );
            const instant = events[0]?.startInstant.getTime() ?? NaN;
            const readings = instantsReading(zone, a.startsAt);
            // Opening hours never fall in a skipped hour in these zones.
            expect(readings.length).toBeGreaterThan(0);
            expect(instant).toBe(readings[0]);
            return instant;
          });
          // Between two sessions, interval × 24 h pass, give or take the change of the clock.
          for (let k = 1; k < instants.length; k++) {
            const elapsedHours = ((instants[k] ?? 0) - (instants[k - 1] ?? 0)) / 3_600_000;
            const before = instantsReading(zone, booked[k - 1]?.startsAt ?? '')[0] ?? 0;
            const after = instantsReading(zone, booked[k]?.startsAt ?? '')[0] ?? 0;
            expect(elapsedHours).toBe((after - before) / 3_600_000);
            expect(Math.abs(elapsedHours - interval * 24)).toBeLessThanOrEqual(1);
            if (elapsedHours !== interval * 24) crossed += 1;
          }

          // Taken out again, so the next run finds the practitioner and the patient free.
          for (const a of booked) {
            await d.app.ok('appointments.setStatus', {
              id: a.id,
              status: 'cancelled',
              reason: 'property test run',
            });
          }
        },
      ),
      { numRuns: 60, seed: 20261202 },
    );
    expect(crossed).toBeGreaterThan(10);
  }, 300_000);
});

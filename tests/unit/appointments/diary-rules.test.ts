import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findConflicts, overlaps, outsideHours } from '../../../shared/appointments/diary-rules';
import {
  addDaysToDate,
  addMinutes,
  clockTime,
  minutesBetween,
  weekdayIndex,
} from '../../../shared/appointments/diary-time';

const DAY = '2031-03-03';
/** A span on one day, on a 5-minute grid, at least 5 minutes long. */
const span = fc
  .tuple(fc.integer({ min: 0, max: 286 }), fc.integer({ min: 1, max: 40 }))
  .map(([start, length]) => {
    const from = start * 5;
    const to = Math.min(from + length * 5, 1439);
    return { startsAt: `${DAY}T${clockTime(from)}`, endsAt: `${DAY}T${clockTime(to)}`, from, to };
  })
  .filter((s) => s.to > s.from);

/** The model: two spans clash exactly when some minute belongs to both. */
const sharesAMinute = (a: { from: number; to: number }, b: { from: number; to: number }) => {
  for (let m = a.from; m < a.to; m++) if (m >= b.from && m < b.to) return true;
  return false;
};

describe('overlap detection', () => {
  it('agrees with minute-by-minute occupancy and is symmetric', () => {
    fc.assert(
      fc.property(span, span, (a, b) => {
        expect(overlaps(a, b)).toBe(sharesAMinute(a, b));
        expect(overlaps(a, b)).toBe(overlaps(b, a));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a clash per resource exactly when a booking of that resource shares a minute', () => {
    const who = fc.constantFrom('p1', 'p2');
    const booking = fc.record({
      s: span,
      practitionerId: who,
      roomId: fc.constantFrom('r1', 'r2'),
      patientId: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(booking, fc.array(booking, { maxLength: 8 }), (cand, existing) => {
        const booked = existing.map((e, i) => ({ id: `x${i}`, ...e, ...e.s }));
        const hits = findConflicts({ ...cand, ...cand.s }, booked);
        for (const resource of ['practitioner', 'room', 'patient'] as const) {
          const key = `${resource}Id` as const;
          const expected = booked.some((b) => b[key] === cand[key] && sharesAMinute(b.s, cand.s));
          expect(hits.some((h) => h.resource === resource)).toBe(expected);
        }
        // A booking never clashes with itself when it is the one being moved.
        const self = { id: 'self', ...cand, ...cand.s };
        expect(findConflicts(self, [self], 'self')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('diary time', () => {
  it('keeps the wall-clock hour when adding whole days, across DST changes', () => {
    // 2031-03-30 and 2031-10-26 are the EU's summer-time changes; day arithmetic ignores them.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 730 }),
        fc.integer({ min: 1, max: 60 }),
        (offset, days) => {
          const date = addDaysToDate('2030-12-01', offset);
          const later = addDaysToDate(date, days);
          expect(minutesBetween(`${date}T10:00`, `${later}T10:00`)).toBe(days * 1440);
          expect(weekdayIndex(later)).toBe((weekdayIndex(date) + days) % 7);
        },
      ),
    );
    expect(addDaysToDate('2031-03-23', 14)).toBe('2031-04-06');
    expect(addMinutes('2031-03-30T23:30', 45)).toBe('2031-03-31T00:15');
  });

  it('reads opening hours by weekday, Monday first', () => {
    const day = { open: '09:00', close: '12:00', breaks: [{ start: '10:00', end: '10:30' }] };
    const week = [day, null, null, null, null, null, null];
    expect(outsideHours(week, { startsAt: `${DAY}T09:00`, endsAt: `${DAY}T10:00` })).toBeNull();
    expect(outsideHours(week, { startsAt: `${DAY}T09:45`, endsAt: `${DAY}T10:15` })).toBe('break');
    expect(outsideHours(week, { startsAt: `${DAY}T11:30`, endsAt: `${DAY}T12:15` })).toBe(
      'after-closing',
    );
    expect(outsideHours(week, { startsAt: '2031-03-04T09:00', endsAt: '2031-03-04T09:30' })).toBe(
      'closed',
    );
  });
});

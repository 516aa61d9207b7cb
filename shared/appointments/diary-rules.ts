/**
 * The diary's rules, shared so the booking form can say what the service will refuse. Times are
 * wall-clock strings (see diary-time.ts); intervals are half-open [start, end), so one
 * appointment may end at 10:00 and the next start at 10:00.
 */
import { clockMinutes, dateOf, timeOf, weekdayIndex } from './diary-time';

export interface Span {
  startsAt: string;
  endsAt: string;
}

/** Half-open overlap; the fixed-width format compares correctly as strings. */
export function overlaps(a: Span, b: Span): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

export type ConflictResource = 'practitioner' | 'room' | 'patient';

export interface Booked extends Span {
  id: string;
  patientId: string;
  practitionerId: string;
  roomId: string;
}

export interface ConflictHit {
  resource: ConflictResource;
  with: Booked;
}

/**
 * Every clash of a candidate with existing bookings, per resource, first clash only. `ignoreId`
 * is the appointment being moved, which cannot clash with itself.
 */
export function findConflicts(
  candidate: Omit<Booked, 'id'>,
  existing: readonly Booked[],
  ignoreId: string | null = null,
): ConflictHit[] {
  const hits: ConflictHit[] = [];
  const check = (resource: ConflictResource, same: (b: Booked) => boolean) => {
    const hit = existing.find((b) => b.id !== ignoreId && same(b) && overlaps(candidate, b));
    if (hit) hits.push({ resource, with: hit });
  };
  check('practitioner', (b) => b.practitionerId === candidate.practitionerId);
  check('room', (b) => b.roomId === candidate.roomId);
  check('patient', (b) => b.patientId === candidate.patientId);
  return hits;
}

export interface DayHours {
  open: string;
  close: string;
  breaks: readonly { start: string; end: string }[];
}

/** Why a span is outside the clinic's hours, or null when it fits. Monday is index 0. */
export function outsideHours(
  week: readonly (DayHours | null)[],
  span: Span,
): 'closed' | 'before-opening' | 'after-closing' | 'break' | 'spans-days' | null {
  if (dateOf(span.startsAt) !== dateOf(span.endsAt)) return 'spans-days';
  const day = week[weekdayIndex(dateOf(span.startsAt))];
  if (!day) return 'closed';
  const start = clockMinutes(timeOf(span.startsAt));
  const end = clockMinutes(timeOf(span.endsAt));
  if (start < clockMinutes(day.open)) return 'before-opening';
  if (end > clockMinutes(day.close)) return 'after-closing';
  const inBreak = day.breaks.some(
    (b) => start < clockMinutes(b.end) && clockMinutes(b.start) < end,
  );
  return inBreak ? 'break' : null;
}

export const appointmentStatuses = [
  'booked',
  'arrived',
  'in-treatment',
  'done',
  'cancelled',
  'no-show',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/**
 * The visit's path: booked → arrived → in treatment → done. A booking may be cancelled before
 * treatment starts, and a patient who never came is a no-show; done, cancelled and no-show are
 * final, so the record of what happened is not rewritten.
 */
const nextStatuses: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['arrived', 'cancelled', 'no-show'],
  arrived: ['in-treatment', 'cancelled'],
  'in-treatment': ['done'],
  done: [],
  cancelled: [],
  'no-show': [],
};

export function mayMoveTo(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return nextStatuses[from].includes(to);
}

/** Cancelled and no-show bookings free their slot; they stay in the diary's history. */
export const occupying = (status: AppointmentStatus): boolean =>
  status !== 'cancelled' && status !== 'no-show';

export const needsReason = (status: AppointmentStatus): boolean =>
  status === 'cancelled' || status === 'no-show';

/**
 * Course timing rules, shared so the chart and the session form flag the same sessions the
 * service reports. Dates are clinic calendar days (YYYY-MM-DD).
 */

export type Timing = 'first' | 'on-time' | 'too-early' | 'too-late';

function dayNumber(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  const ms = (dayNumber(date) + days) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * How far from the interval a session may fall before it is flagged: a fifth of the interval,
 * at least one day, so weekly protocols tolerate a day and fortnightly ones three.
 */
export function toleranceDays(intervalDays: number): number {
  return Math.max(1, Math.round(intervalDays * 0.2));
}

export function timingOf(previous: string | null, current: string, intervalDays: number): Timing {
  if (previous === null) return 'first';
  const gap = daysBetween(previous, current);
  const tolerance = toleranceDays(intervalDays);
  if (gap < intervalDays - tolerance) return 'too-early';
  if (gap > intervalDays + tolerance) return 'too-late';
  return 'on-time';
}

export interface CourseProgress {
  /** Sessions logged in the course (signed or still draft), abandoned drafts excluded. */
  logged: number;
  signed: number;
  planned: number;
  /** The number the next session will carry, or null once the course is complete. */
  nextNumber: number | null;
  /** The last session's date plus the interval; null before the first session. */
  nextDueOn: string | null;
  /** The next due date has passed by more than the tolerance. */
  overdue: boolean;
}

export function courseProgress(
  sessions: readonly { performedOn: string; signed: boolean }[],
  planned: number,
  intervalDays: number,
  today: string,
): CourseProgress {
  const dates = sessions.map((s) => s.performedOn).sort();
  const last = dates.at(-1) ?? null;
  const logged = dates.length;
  const complete = logged >= planned;
  const nextDueOn = last && !complete ? addDays(last, intervalDays) : null;
  return {
    logged,
    signed: sessions.filter((s) => s.signed).length,
    planned,
    nextNumber: complete ? null : logged + 1,
    nextDueOn,
    overdue: nextDueOn !== null && daysBetween(nextDueOn, today) > toleranceDays(intervalDays),
  };
}

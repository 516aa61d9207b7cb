/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD). Screening reasons in whole days in the clinic's
 * calendar, so times of day and time zones are deliberately left out.
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid ISO date, else undefined. */
export function dayNumber(isoDate: string): number | undefined {
  const m = isoDatePattern.exec(isoDate);
  if (m === null) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March; such a date is refused rather than guessed.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return undefined;
  if (check.getUTCDate() !== day) return undefined;
  return Math.round(ms / 86_400_000);
}

/** Whole days from `from` to `to` (positive when `from` is earlier), or undefined if invalid. */
export function daysBetween(from: string, to: string): number | undefined {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

export function addDays(isoDate: string, days: number): string {
  const n = dayNumber(isoDate);
  if (n === undefined) throw new Error(`Not an ISO date: ${isoDate}`);
  return new Date((n + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Diary times are the clinic's wall clock, 'YYYY-MM-DDTHH:MM', not instants. A clinic books
 * "Tuesday 10:00" and means 10:00 on its own clock whether or not summer time began in between,
 * so a course booked every 14 days keeps its hour across a DST change, and opening hours compare
 * as plain clock times. The fixed format also orders correctly as a string, which the store's
 * range queries rely on.
 */

export const localDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isLocalDateTime(value: string): boolean {
  const m = localDateTimePattern.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return false;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

export const dateOf = (at: string): string => at.slice(0, 10);
export const timeOf = (at: string): string => at.slice(11, 16);
export const at = (date: string, time: string): string => `${date}T${time}`;

/** Minutes since midnight of an 'HH:MM' clock time. */
export function clockMinutes(time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
}

export function clockTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function dayNumber(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Calendar arithmetic on days: no instant is involved, so a DST change cannot shift the date. */
export function addDaysToDate(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

export function daysFrom(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Monday ... 6 = Sunday, the order of the clinic's week setting. */
export function weekdayIndex(date: string): number {
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

/** A wall-clock time plus minutes; may roll over into the next day. */
export function addMinutes(value: string, minutes: number): string {
  const total = clockMinutes(timeOf(value)) + minutes;
  const days = Math.floor(total / 1440);
  return at(addDaysToDate(dateOf(value), days), clockTime(total - days * 1440));
}

/** Wall-clock minutes from `from` to `to`, counting whole days as 1440 minutes. */
export function minutesBetween(from: string, to: string): number {
  return (
    daysFrom(dateOf(from), dateOf(to)) * 1440 +
    clockMinutes(timeOf(to)) -
    clockMinutes(timeOf(from))
  );
}

/** The local wall-clock time of an instant, for "now" on the clinic's clock. */
export function wallClockOf(instant: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${p(instant.getMonth() + 1)}-${p(instant.getDate())}T${p(
    instant.getHours(),
  )}:${p(instant.getMinutes())}`;
}

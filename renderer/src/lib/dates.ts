// Made once: building a formatter costs far more than using one, and lists format every row.
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const instantFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** A calendar day (YYYY-MM-DD) in the clinic's locale, without a time-zone shift. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return dayFormat.format(new Date(y, m - 1, d));
}

/** An instant in the clinic's locale and the computer's time zone. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  return instantFormat.format(new Date(iso));
}

/** A local date, with its time of day when asked. */
export function formatLocal(date: Date, withTime = false): string {
  return (withTime ? instantFormat : dayFormat).format(date);
}

/** The local calendar day of an instant. */
export function formatDayOfInstant(iso: string): string {
  return dayFormat.format(new Date(iso));
}

/** Today as YYYY-MM-DD in the computer's time zone. */
export function todayLocal(): string {
  const now = new Date();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

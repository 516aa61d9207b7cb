/** A calendar day (YYYY-MM-DD) in the clinic's locale, without a time-zone shift. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

/** An instant in the clinic's locale and the computer's time zone. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** Today as YYYY-MM-DD in the computer's time zone. */
export function todayLocal(): string {
  const now = new Date();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

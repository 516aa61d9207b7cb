/**
 * The clinic's calendar day for an instant, as YYYY-MM-DD in the computer's time zone: "the same
 * day" for a pre-procedure check means the clinic's day, not UTC's.
 */
export function localDate(instant: Date): string {
  const y = instant.getFullYear();
  const m = String(instant.getMonth() + 1).padStart(2, '0');
  const d = String(instant.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

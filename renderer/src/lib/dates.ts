import { uiLocale } from './ui-language';

// Made once per language: building a formatter costs far more than using one, and lists format
// every row. Read at each call, so a language switch shows at the next render.
const formatters = new Map<string, { day: Intl.DateTimeFormat; instant: Intl.DateTimeFormat }>();

function formats() {
  const locale = uiLocale();
  let f = formatters.get(locale);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
      instant: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    };
    formatters.set(locale, f);
  }
  return f;
}

// Intl's Arabic numeric dates carry right-to-left marks between their parts ("14‏/03‏/2027"), so
// an Arabic screen draws them year first while the date fields, where nobody can type a mark,
// draw the same day "14/03/2027". One convention on every Arabic screen: day, month, year in
// Latin digits, read as typed (the fields' order), so the marks are left out.
const directionMarks = /[\u200E\u200F\u061C]/g;

function unmarked(text: string): string {
  return text.replace(directionMarks, '');
}

/** A calendar day (YYYY-MM-DD) in the screens' language, without a time-zone shift. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return unmarked(formats().day.format(new Date(y, m - 1, d)));
}

/** An instant in the screens' language and the computer's time zone. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  return unmarked(formats().instant.format(new Date(iso)));
}

/**
 * The time of day of a wall-clock date and time (YYYY-MM-DDTHH:MM, as an appointment is booked:
 * no zone) in the screens' language, read on this computer's clock so no zone shift moves it.
 * Its day is formatDay's.
 */
export function formatWallClockTime(wall: string | null | undefined): string {
  const [h, mi] = (wall?.split('T')[1] ?? '').split(':').map(Number);
  if (h === undefined || mi === undefined || Number.isNaN(h + mi)) return '';
  return formatWith(new Date(2000, 0, 1, h, mi), { timeStyle: 'short' });
}

/** A local date, with its time of day when asked. */
export function formatLocal(date: Date, withTime = false): string {
  return unmarked((withTime ? formats().instant : formats().day).format(date));
}

/** The local calendar day of an instant. */
export function formatDayOfInstant(iso: string): string {
  return unmarked(formats().day.format(new Date(iso)));
}

/** A date or time with other options (a full weekday, a time alone), in the screens' language. */
export function formatWith(date: Date, options: Intl.DateTimeFormatOptions): string {
  return unmarked(new Intl.DateTimeFormat(uiLocale(), options).format(date));
}

/** A number (a volume, a size) in the screens' language. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(uiLocale(), options).format(value);
}
/** Today as YYYY-MM-DD in the computer's time zone. */
export function todayLocal(): string {
  const now = new Date();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

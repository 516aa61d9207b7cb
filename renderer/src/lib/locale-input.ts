import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import localeData from 'dayjs/plugin/localeData';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import 'dayjs/locale/ar';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/fr';
import 'dayjs/locale/tr';
import i18n from 'i18next';
import { uiLocale } from './ui-language';

dayjs.extend(customParseFormat);
dayjs.extend(localeData);
dayjs.extend(localizedFormat);

/**
 * dayjs's locale for the screens' language: day names and the short date format of the date
 * fields. English reads day-first (en-gb), as the printed documents of an A4 clinic do. Arabic
 * keeps dayjs's Arabic month names; its digits are rewritten to Latin ones by `latinDigits`.
 */
export function dayjsLocale(language: string = i18n.language): string {
  return language === 'en' ? 'en-gb' : language;
}

const arabicIndic = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Arabic screens keep Latin digits (ui-language.ts): dates are typed with them, and the same
 * figure in two digit sets on one screen invites a misreading. dayjs's Arabic locale writes
 * Arabic-Indic digits, so they are mapped back; typed Arabic-Indic digits are read as well.
 */
export function latinDigits(text: string): string {
  return text.replace(arabicIndic, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

/**
 * The short date format of the language ("DD/MM/YYYY", "DD.MM.YYYY"). Arabic's (dayjs's
 * "D/‏M/‏YYYY") carries right-to-left marks nobody can type and drops leading zeros, so Arabic
 * uses the day, month, year with zeros that its screens display (dates.ts), and a field and the
 * list beside it write the same day the same way.
 */
export function dayFormat(language: string = i18n.language): string {
  if (language === 'ar') return 'DD/MM/YYYY';
  const data = dayjs().locale(dayjsLocale(language)).localeData();
  return data.longDateFormat('L').replace(/[\u200E\u200F]/g, '');
}

/**
 * The language's short format with and without leading zeros: the strict parse would otherwise
 * refuse "3/11/1979" where the format writes "03/11/1979".
 */
function dayFormats(language: string): string[] {
  const loose = dayFormat(language)
    .replace(/D{1,2}/, 'D')
    .replace(/M{1,2}/, 'M');
  return [
    loose,
    loose.replace('D', 'DD'),
    loose.replace('M', 'MM'),
    loose.replace('D', 'DD').replace('M', 'MM'),
  ];
}

/**
 * A typed date: in the language's short format, or as an ISO day (what a paste or a test types).
 * Returns YYYY-MM-DD, or null for something that is not a day.
 */
export function parseDay(text: string, language: string = i18n.language): string | null {
  const typed = latinDigits(text.trim());
  if (typed === '') return null;
  for (const format of ['YYYY-MM-DD', ...dayFormats(language)]) {
    const day = dayjs(typed, format, dayjsLocale(language), true);
    if (day.isValid()) return day.format('YYYY-MM-DD');
  }
  return null;
}

/** A held day (YYYY-MM-DD), as forms and the services keep it. */
export function isIsoDay(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** A day (YYYY-MM-DD) as it is typed in the language ("14/03/1988", "14.03.1988"). */
export function typedDay(day: string, language: string = i18n.language): string {
  return latinDigits(dayjs(day).locale(dayjsLocale(language)).format(dayFormat(language)));
}

/**
 * A typed time of day, 24-hour as the four languages' short time format writes it ("09:30"):
 * "9:30", "9.30", "9h30", "0930", "930" and a bare hour ("9") are read too, in either digit set
 * (seconds of a pasted value are left out).
 * Returns HH:mm, or null for something that is not a time of day.
 */
export function parseTime(text: string): string | null {
  const typed = latinDigits(text.trim());
  const m = /^(\d{1,2})(?:[:.h]?(\d{2})(?::\d{2})?)?$/.exec(typed);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * A typed date and time ("14/03/2024 10:30" in the language, or "2024-03-14T10:30" as a paste
 * or a test types it). Returns the local date-time YYYY-MM-DDTHH:mm, or null.
 */
export function parseDayTime(text: string, language: string = i18n.language): string | null {
  const parts = latinDigits(text.trim()).split(/[\sT]+/);
  if (parts.length !== 2) return null;
  const day = parseDay(parts[0]!, language);
  const time = parseTime(parts[1]!);
  return day && time ? `${day}T${time}` : null;
}

/** A held local date-time (YYYY-MM-DDTHH:mm, seconds left out) as it is typed in the language. */
export function typedDayTime(value: string, language: string = i18n.language): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return m ? `${typedDay(m[1]!, language)} ${m[2]!}` : null;
}

/**
 * How decimals are typed in the screens' language: "1,5" in French and Turkish, "1.5" in English
 * and Arabic (Latin digits). The other mark is accepted too, so "1.5" typed on French screens is
 * still one and a half, never fifteen.
 */
export function decimalInputProps(): {
  decimalSeparator: string;
  allowedDecimalSeparators: string[];
  thousandSeparator: false;
} {
  const parts = new Intl.NumberFormat(uiLocale()).formatToParts(1.5);
  const decimalSeparator = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  return { decimalSeparator, allowedDecimalSeparators: ['.', ','], thousandSeparator: false };
}

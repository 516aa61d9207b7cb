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
 * The short date format of the language ("DD/MM/YYYY", "DD.MM.YYYY"). Arabic's carries
 * right-to-left marks between its parts, which nobody can type; they are left out.
 */
export function dayFormat(language: string = i18n.language): string {
  const data = dayjs().locale(dayjsLocale(language)).localeData();
  return data.longDateFormat('L').replace(/[\u200E\u200F]/g, '');
}

/**
 * A typed date: in the language's short format, or as an ISO day (what a paste or a test types).
 * Returns YYYY-MM-DD, or null for something that is not a day.
 */
export function parseDay(text: string, language: string = i18n.language): string | null {
  const typed = latinDigits(text.trim());
  if (typed === '') return null;
  for (const format of ['YYYY-MM-DD', dayFormat(language)]) {
    const day = dayjs(typed, format, dayjsLocale(language), true);
    if (day.isValid()) return day.format('YYYY-MM-DD');
  }
  return null;
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

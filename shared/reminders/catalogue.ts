/**
 * Reminder wording, one catalogue per language. A catalogue is plain text with `{{name}}`
 * placeholders, so a translator adds `catalogue-fr.ts` (or tr, ar) with the same keys and one
 * line in `catalogues` below; the compiler refuses a catalogue with a key missing.
 */
import { reminderCatalogueAr } from './catalogue-ar';
import { reminderCatalogueEn } from './catalogue-en';
import { reminderCatalogueFr } from './catalogue-fr';
import { reminderCatalogueTr } from './catalogue-tr';
import type { ReminderCatalogue } from './catalogue-types';

export type { ReminderCatalogue };

export const catalogues = {
  en: reminderCatalogueEn,
  fr: reminderCatalogueFr,
  tr: reminderCatalogueTr,
  ar: reminderCatalogueAr,
} as const satisfies Record<string, ReminderCatalogue>;

export type ReminderLanguage = keyof typeof catalogues;

/**
 * The patient's preferred language is a code from the clinic's list ('tr'; an older record may
 * hold 'tr-TR'): a language we have a catalogue for is used, anything else falls back to English.
 */
export function reminderLanguage(preferred: string): ReminderLanguage {
  const tag = preferred.trim().toLowerCase().slice(0, 2);
  return tag in catalogues ? (tag as ReminderLanguage) : 'en';
}

/** Fills `{{name}}` placeholders; an unknown name stays visible rather than vanishing. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

import { wordingAr } from './ar';
import { wordingEn } from './en';
import { wordingFr } from './fr';
import { wordingTr } from './tr';
import type { DocumentWording, PluralForms } from './types';

export type { DocumentWording, PluralForms };

const wordings: Record<string, DocumentWording> = {
  en: wordingEn,
  fr: wordingFr,
  tr: wordingTr,
  ar: wordingAr,
};

/**
 * The fixed words for a document in `language` ("tr", "tr-TR"). A template a clinic wrote in a
 * language Mesochart does not ship keeps English labels around its own text.
 */
export function wordingFor(language: string): DocumentWording {
  const base = language.toLowerCase().split('-')[0] ?? 'en';
  return wordings[base] ?? wordingEn;
}

/** Fills `{name}` slots; an unknown slot stays visible rather than vanishing from paper. */
export function fillWords(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

function pluralForm(forms: PluralForms, n: number, language: string): string {
  let rule: Intl.LDMLPluralRule = 'other';
  try {
    rule = new Intl.PluralRules(language).select(n);
  } catch {
    // An unusual tag has no plural rules; `other` is always given.
  }
  return forms[rule] ?? forms.other;
}

/** "3 sessions", "3 séances", "3 seans", "3 جلسات". */
export function countOf(forms: PluralForms, n: number, language: string): string {
  return fillWords(pluralForm(forms, n, language), { n });
}

/** The unit as said after a number, for the end of a range ("8–12 hours"). */
export function unitAfter(forms: PluralForms, n: number, language: string): string {
  const form = pluralForm(forms, n, language);
  // Arabic says one and two without the number; a range takes the counted form instead.
  const counted = form.includes('{n}') ? form : (forms.few ?? forms.other);
  return counted.replace('{n}', '').trim();
}

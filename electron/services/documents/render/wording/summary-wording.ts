import { shippedLanguages, type ShippedLanguage } from '../../../../../shared/documents/languages';
import { summaryAr } from './summary-ar';
import { summaryEn } from './summary-en';
import { summaryFr } from './summary-fr';
import { summaryTr } from './summary-tr';
import type { SummaryWording } from './summary-types';
import { recoveryWordings } from './recovery-wording';

export type { SummaryWording };
export { recoveryWordings };

const summaries: Record<ShippedLanguage, SummaryWording> = {
  en: summaryEn,
  fr: summaryFr,
  tr: summaryTr,
  ar: summaryAr,
};

/** A shipped language from a stored tag ("tr-TR", "TR"), else English. */
export function shippedLanguageOf(tag: string | null | undefined): ShippedLanguage {
  const base = (tag ?? '').trim().toLowerCase().split('-')[0] ?? '';
  return (shippedLanguages as readonly string[]).includes(base) ? (base as ShippedLanguage) : 'en';
}

export function summaryWordingFor(language: string): SummaryWording {
  return summaries[shippedLanguageOf(language)];
}

/** Every string of a wording object by its path ("alertTexts.allergy", "steps.2"). */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(path, value);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      for (const [p, s] of leaves(inner, path ? `${path}.${key}` : key)) out.set(p, s);
    }
  }
  return out;
}

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/**
 * The template check of the fixed-wording documents: each translation has every entry of the
 * English (plural forms aside: each language has its own), none empty, with the same
 * placeholders, so nothing prints blank or as a raw `{slot}`.
 */
export function checkFixedWording(english: unknown, translation: unknown): string[] {
  const problems: string[] = [];
  const theirs = leaves(translation);
  for (const [path, text] of leaves(english)) {
    if (/\.(zero|one|two|few|many)$/.test(path)) continue;
    const their = theirs.get(path);
    if (their === undefined || their.trim() === '') {
      problems.push(`${path}: missing`);
    } else if (slots(their).join() !== slots(text).join()) {
      problems.push(`${path}: placeholders ${slots(their).join()} ≠ ${slots(text).join()}`);
    }
  }
  return problems;
}

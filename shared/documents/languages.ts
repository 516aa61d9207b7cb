/**
 * The languages Mesochart's screens and built-in documents are written in. A clinic offers its
 * patients a list of these (a clinic setting); a patient's preferred language is one of them, so
 * the consent and aftercare sheet can be printed in it.
 */
export const shippedLanguages = ['en', 'fr', 'tr', 'ar'] as const;
export type ShippedLanguage = (typeof shippedLanguages)[number];

/** A language code as stored: a BCP 47 primary subtag, optionally with a region ("pt-BR"). */
export const languageCodePattern = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/**
 * The language's own name ("Français", "Türkçe", "العربية"), for a list a patient can read too.
 * Capitalised by the rules of the language it is written in: French and Turkish write their
 * language names in lower case mid-sentence, but a name standing alone in a list starts with a
 * capital (Turkish "İngilizce", with its dotted capital İ).
 */
export function languageName(code: string, inLanguage: string = code): string {
  let name: string;
  try {
    name = new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
  const first = String.fromCodePoint(name.codePointAt(0) ?? 0);
  try {
    return first.toLocaleUpperCase(inLanguage) + name.slice(first.length);
  } catch {
    return first.toUpperCase() + name.slice(first.length);
  }
}

export function isRightToLeftLanguage(code: string): boolean {
  return /^(ar|he|fa|ur)(-|$)/i.test(code);
}

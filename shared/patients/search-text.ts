/**
 * Folding of names and contact details for search and duplicate checks. SQLite's unicode61
 * tokenizer removes most diacritics, but not Turkish dotless ı, ß, ø, æ or Greek final sigma, so
 * both the indexed text and the query are folded here first, the same way.
 */
const SPECIAL: Record<string, string> = {
  ı: 'i',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
  ς: 'σ',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'gu');

export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

/** Words of folded text: letters and digits only, in order. */
export function searchTokens(value: string): string[] {
  return foldText(value).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}

/**
 * The part of a phone number that identifies it whatever prefix was typed (+33 6…, 06…, 0033 6…):
 * the last nine digits. Short numbers are not compared at all.
 */
export function phoneKey(value: string): string | null {
  const digits = phoneDigits(value);
  return digits.length >= 6 ? digits.slice(-9) : null;
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** Whether two people's names are close enough to ask "is this the same person?". */
export function similarNames(
  a: { givenName: string; familyName: string },
  b: { givenName: string; familyName: string },
): boolean {
  const ga = searchTokens(a.givenName).join(' ');
  const fa = searchTokens(a.familyName).join(' ');
  const gb = searchTokens(b.givenName).join(' ');
  const fb = searchTokens(b.familyName).join(' ');
  if (fa === fb || ga === gb) return true;
  // Names entered the wrong way round, or with a typo or two.
  if (fa === gb && ga === fb) return true;
  return editDistance(`${ga} ${fa}`, `${gb} ${fb}`, 2) <= 2;
}

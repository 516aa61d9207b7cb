/** 0 (too short) to 4 (strong): length first, then the kinds of characters and words. */
export function passphraseStrength(value: string): 0 | 1 | 2 | 3 | 4 {
  if (value.length < 12) return 0;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d\s]/].filter((r) => r.test(value)).length;
  const words = value.trim().split(/\s+/).length;
  const distinct = new Set(value.toLowerCase()).size;
  if (distinct < 6) return 1;
  let score = value.length >= 20 ? 2 : 1;
  if (kinds >= 3 || words >= 4) score += 1;
  if (value.length >= 28 && (kinds >= 2 || words >= 4)) score += 1;
  return Math.min(4, score) as 1 | 2 | 3 | 4;
}

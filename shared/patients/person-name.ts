/**
 * Names as people write them. In Vietnamese, Chinese, Japanese, Korean and Hungarian the family
 * name comes first: "Nguyễn Thị Ánh" is Ms Ánh of the Nguyễn family, and printing her as
 * "Thị Ánh Nguyễn" is a name she would not recognise. Each patient has an order; when none was
 * chosen, the usual one for the name's script or the patient's language is used. Search does not
 * depend on it: it matches given and family names separately.
 */
export const nameOrders = ['given-first', 'family-first'] as const;
export type NameOrder = (typeof nameOrders)[number];

export interface PersonNameParts {
  givenName: string;
  familyName: string;
  /** Chosen for this person; null or missing means "the usual order for this name". */
  nameOrder?: NameOrder | null;
  preferredLanguage?: string;
}

/** Han, Hangul and kana: scripts whose names are written family name first. */
const familyFirstScripts =
  /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Letters only Vietnamese uses among Latin scripts: ơ, ư, đ and the stacked tone marks. */
const vietnameseLetters = /[ơưđƠƯĐ\u1EA0-\u1EF9]/u;

/** Languages whose speakers write the family name first. */
const familyFirstLanguages = new Set(['vi', 'zh', 'ja', 'ko', 'hu']);

export function usualNameOrder(person: PersonNameParts): NameOrder {
  const name = `${person.familyName} ${person.givenName}`;
  if (familyFirstScripts.test(name) || vietnameseLetters.test(name)) return 'family-first';
  const language = (person.preferredLanguage ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return familyFirstLanguages.has(language) ? 'family-first' : 'given-first';
}

export function nameOrderOf(person: PersonNameParts): NameOrder {
  return person.nameOrder ?? usualNameOrder(person);
}

/** The name as the person writes it, for screens and printed documents. */
export function personName(person: PersonNameParts): string {
  const given = person.givenName.trim();
  const family = person.familyName.trim();
  const parts = nameOrderOf(person) === 'family-first' ? [family, given] : [given, family];
  return parts.filter((p) => p !== '').join(' ');
}

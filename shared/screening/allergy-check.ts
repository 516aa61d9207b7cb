import type { AllergenGroupId } from './allergen-groups';
import {
  allergenGroups,
  allergyNoteWords,
  anyLocalAnaestheticTerms,
  genericIngredientWords,
  groupsForTag,
} from './allergen-groups';
import { damerauLevenshtein } from './edit-distance';
import type { FindingParams, FindingValue } from './finding-wording';
import { phrase } from './finding-wording';
import { allowedEdits } from './medicine-matcher';
import type { ScreeningSettings } from './screening-settings';
import type { HistoryFacts, PlannedProduct, ScreeningFinding } from './screening-types';
import { normaliseName } from './text-normalise';

/**
 * The allergy cross-check: the patient's allergies and intolerances (ticked and free text) against
 * each planned product's ingredients and allergen flags. A product containing something the
 * patient reacts to is do-not-treat for that product; debated cross-reactions are flagged with
 * the clinic's chosen severity.
 */

interface PatientAllergy {
  /** As the patient or the form said it, for the explanation. */
  readonly source: string;
  /** The same, for the catalogue's wording: a ticked box is worded in the reader's language. */
  readonly sourceValue: FindingValue;
  readonly groups: ReadonlySet<AllergenGroupId>;
  /** Free-text words that name the allergen, for matching ingredients directly. */
  readonly core: readonly string[];
}

const tokenised = allergenGroups.map((g) => ({ group: g, terms: g.terms.map(normaliseName) }));
const anyAnaesthetic = anyLocalAnaestheticTerms.map(normaliseName);

export function containsPhrase(haystack: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > haystack.length) return false;
  for (let i = 0; i + phrase.length <= haystack.length; i++) {
    if (phrase.every((word, k) => haystack[i + k] === word)) return true;
  }
  return false;
}

/**
 * Exact phrase, or (for what a patient wrote) a single long word one slip away ("lignocain").
 * Only one edit: the -caine names differ from each other by two or three letters.
 */
export function mentions(
  tokens: readonly string[],
  term: readonly string[],
  fuzzy: boolean,
): boolean {
  if (containsPhrase(tokens, term)) return true;
  const [word] = term;
  if (!fuzzy || term.length !== 1 || word === undefined) return false;
  const limit = Math.min(allowedEdits(word.length), 1);
  return limit > 0 && tokens.some((t) => damerauLevenshtein(t, word, limit) <= limit);
}

/**
 * Allergen groups named in a text. Ingredient lists come from the catalogue and are matched
 * exactly; a patient's own words tolerate one typing slip.
 */
export function allergenGroupsIn(text: string, fuzzy = false): Set<AllergenGroupId> {
  const tokens = normaliseName(text);
  const groups = new Set<AllergenGroupId>();
  for (const { group, terms } of tokenised) {
    if (terms.some((term) => mentions(tokens, term, fuzzy))) groups.add(group.id);
  }
  if (anyAnaesthetic.some((term) => containsPhrase(tokens, term))) {
    groups.add('amide-anaesthetic');
    groups.add('ester-anaesthetic');
  }
  // "Soy lecithin" and "egg lecithin" say where the lecithin comes from.
  if (groups.has('soy') || groups.has('egg')) groups.delete('lecithin-unspecified');
  return groups;
}

function patientAllergies(allergies: HistoryFacts['allergies']): PatientAllergy[] {
  const ticked = allergies.ticked.map((tag) => ({
    source: tag.replace(/-/g, ' '),
    sourceValue: phrase(`allergenTag.${tag}`),
    groups: new Set(groupsForTag[tag]),
    core: [],
  }));
  const written = allergies.freeText
    .filter((text) => text.trim() !== '')
    .map((text) => ({
      source: text.trim(),
      sourceValue: text.trim(),
      groups: allergenGroupsIn(text, true),
      core: normaliseName(text).filter((t) => !allergyNoteWords.has(t)),
    }));
  return [...ticked, ...written];
}

/** The allergy's own words appear in the ingredient, or the ingredient's in the allergy. */
function directlyNamed(core: readonly string[], ingredient: readonly string[]): boolean {
  const specific = (words: readonly string[]): boolean =>
    words.some((w) => !genericIngredientWords.has(w)) && words.join('').length >= 3;
  if (specific(core) && mentions(ingredient, core, true)) return true;
  const named = ingredient.filter((w) => !allergyNoteWords.has(w));
  return specific(named) && containsPhrase(core, named);
}

interface Hit {
  readonly ruleId: string;
  readonly severity: ScreeningFinding['severity'];
  readonly explanation: string;
  readonly params: FindingParams;
  readonly patientMessage: string;
}

function productHits(
  allergy: PatientAllergy,
  product: PlannedProduct,
  settings: ScreeningSettings,
): Hit[] {
  const hits: Hit[] = [];
  const flagged = new Set(product.allergenFlags.flatMap((tag) => groupsForTag[tag]));
  const sources: Array<{
    label: string;
    labelValue: FindingValue;
    groups: Set<AllergenGroupId>;
    tokens: string[];
  }> = [
    ...product.ingredients.map((ing) => ({
      label: ing,
      labelValue: ing,
      groups: allergenGroupsIn(ing),
      tokens: normaliseName(ing),
    })),
    {
      label: 'its allergen flags',
      labelValue: phrase('allergenFlags'),
      groups: flagged,
      tokens: [],
    },
  ];
  const { sourceValue } = allergy;
  const refuse = (what: string, whatValue: FindingValue): Hit => ({
    ruleId: 'allergy.component',
    severity: 'do-not-treat',
    explanation:
      `Allergy or intolerance "${allergy.source}" matches ${what} in ${product.name}. ` +
      'Do not use this product.',
    params: { source: sourceValue, what: whatValue, product: product.name },
    patientMessage: `${product.name} contains something you told us you react to, so it will not be used.`,
  });

  for (const source of sources) {
    const shared = [...allergy.groups].filter((g) => source.groups.has(g));
    if (shared.length > 0) {
      hits.push(refuse(`"${source.label}"`, phrase('quoted', { text: source.labelValue })));
      continue;
    }
    if (allergy.core.length > 0 && directlyNamed(allergy.core, source.tokens)) {
      hits.push(
        refuse(
          `the ingredient "${source.label}"`,
          phrase('ingredient', { text: source.labelValue }),
        ),
      );
      continue;
    }
    const has = (g: AllergenGroupId): boolean => source.groups.has(g);
    const patient = (g: AllergenGroupId): boolean => allergy.groups.has(g);
    if (patient('bee-wasp-venom') && has('hyaluronidase')) {
      hits.push({
        ruleId: 'allergy.venom-hyaluronidase',
        severity: settings.severities.venomHyaluronidase,
        explanation:
          `Bee or wasp venom allergy ("${allergy.source}") and ${product.name} contains ` +
          `hyaluronidase ("${source.label}"). Venom contains hyaluronidase; cross-reaction is ` +
          'debated. Consider a test or another product.',
        params: { source: sourceValue, product: product.name, label: source.labelValue },
        patientMessage:
          'Because of your bee or wasp sting allergy, the practitioner will check one ingredient with you before using it.',
      });
    }
    const lecithinSource = patient('soy') || patient('egg');
    if (lecithinSource && has('lecithin-unspecified')) {
      hits.push({
        ruleId: 'allergy.lecithin-source',
        severity: 'caution',
        explanation:
          `${product.name} lists "${source.label}" without saying whether it comes from soy or egg; ` +
          `the patient reports "${allergy.source}". Check the manufacturer's information.`,
        params: { product: product.name, label: source.labelValue, source: sourceValue },
        patientMessage:
          'The practitioner will check where one ingredient comes from before using this product.',
      });
    }
    const otherFamily =
      (patient('amide-anaesthetic') && !patient('ester-anaesthetic') && has('ester-anaesthetic')) ||
      (patient('ester-anaesthetic') && !patient('amide-anaesthetic') && has('amide-anaesthetic'));
    if (otherFamily) {
      hits.push({
        ruleId: 'allergy.anaesthetic-other-family',
        severity: 'caution',
        explanation:
          `Local anaesthetic allergy ("${allergy.source}") and ${product.name} contains ` +
          `"${source.label}" from the other chemical family (amide vs ester). Cross-reaction is ` +
          'uncommon but confirm which anaesthetic caused the reaction.',
        params: { source: sourceValue, product: product.name, label: source.labelValue },
        patientMessage:
          'Because of your reaction to a numbing medicine, the practitioner will confirm which one it was before using this product.',
      });
    }
  }
  return hits;
}

export function checkAllergies(
  allergies: HistoryFacts['allergies'],
  products: readonly PlannedProduct[],
  settings: ScreeningSettings,
): ScreeningFinding[] {
  const findings: ScreeningFinding[] = [];
  const patient = patientAllergies(allergies);
  for (const product of products) {
    const seen = new Set<string>();
    for (const allergy of patient) {
      for (const hit of productHits(allergy, product, settings)) {
        const key = `${hit.ruleId}|${allergy.source}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push({ ...hit, productId: product.id });
      }
    }
  }
  return findings;
}

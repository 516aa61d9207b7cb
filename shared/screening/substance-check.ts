import type {
  AnaestheticAgent,
  AnaestheticFamily,
  AnaestheticPreparation,
  SubstanceSettings,
} from './anaesthetic-reference';
import { allergenGroups, anyLocalAnaestheticTerms } from './allergen-groups';
import { allergenGroupsIn, checkAllergies, containsPhrase, mentions } from './allergy-check';
import type { FindingValue } from './finding-wording';
import { phrase } from './finding-wording';
import { isNumberLike } from './medicine-line-words';
import { anaestheticHit } from './substance-findings';
import type {
  AnaestheticAllergy,
  SubstanceLine,
  SubstanceReading,
  SubstanceSource,
} from './substance-types';
import type { ScreeningSettings } from './screening-settings';
export {
  substanceSources,
  type AnaestheticAllergy,
  type SubstanceLine,
  type SubstanceReading,
  type SubstanceSource,
} from './substance-types';
import type { HistoryFacts, PlannedProduct, ScreeningFinding } from './screening-types';
import type { Severity } from './severity';
import { severityRank, worstSeverity } from './severity';
import { normaliseName } from './text-normalise';

/**
 * Every substance that enters the patient at a session, against her allergies and intolerances:
 * catalogue products, the anaesthesia (an injected agent or a numbing cream, read through the
 * clinic's list of preparations and their ingredients) and anything added during the session.
 *
 * What is not an anaesthetic is judged by the pre-procedure check's own allergy rules
 * (checkAllergies): soy, egg, hyaluronic acid, venom and hyaluronidase, latex, an ingredient named
 * directly. Anaesthetics are judged here, by agent and chemical family, so that a clinic's own
 * brands and creams count and the family severities are the clinic's settings.
 *
 */

export interface SubstanceLineResult {
  readonly key: string;
  readonly source: SubstanceSource;
  readonly name: string;
  /** The clinic preparation the line was read as, for the field's hint ("EMLA: lidocaine + prilocaine"). */
  readonly preparation: { readonly id: string; readonly name: string } | null;
  /** Anaesthetic agents recognised in the line, by generic name. */
  readonly agents: readonly string[];
  /** The worst severity of the line's findings; "clear" when there are none. */
  readonly severity: Severity;
  /** Worst first; `productId` carries the line's key, as the check's findings carry a product id. */
  readonly findings: readonly ScreeningFinding[];
}

export interface SubstanceCheckSettings {
  readonly screening: ScreeningSettings;
  readonly substances: SubstanceSettings;
}

/** A key that stays the same while the line means the same substance. */
export function substanceKey(line: {
  source: SubstanceSource;
  name: string;
  productId?: string;
  preparationId?: string | null;
}): string {
  if (line.source === 'product' && line.productId) return `product:${line.productId}`;
  if (line.preparationId) return `${line.source}:${line.preparationId}`;
  return `${line.source}:${normaliseName(line.name).join('-')}`;
}

/** Words that say "a local anaesthetic" without naming one. */
const anyAnaestheticPhrases = anyLocalAnaestheticTerms.map(normaliseName);
const anyAnaestheticWords = new Set(anyAnaestheticPhrases.flat());
/** Para-aminobenzoic acid: esters are metabolised to it, so a PABA allergy reaches every ester. */
const pabaPhrases = ['paba', 'para aminobenzoic', 'p aminobenzoic', 'aminobenzoic'].map(
  normaliseName,
);

interface Compiled {
  readonly agents: ReadonlyArray<{ agent: AnaestheticAgent; terms: string[][] }>;
  readonly agentsById: ReadonlyMap<string, AnaestheticAgent>;
  readonly preparations: ReadonlyArray<{
    preparation: AnaestheticPreparation;
    /** Names as written, and those without a strength, to match text that adds one. */
    exact: string[][];
    loose: string[][];
  }>;
  readonly preparationsById: ReadonlyMap<string, AnaestheticPreparation>;
  /** Tokens that name an anaesthetic: removed before the general allergy rules see a text. */
  readonly anaestheticWords: ReadonlySet<string>;
}

const compiledCache = new WeakMap<SubstanceSettings, Compiled>();

function compile(settings: SubstanceSettings): Compiled {
  const cached = compiledCache.get(settings);
  if (cached) return cached;
  const agents = settings.agents.map((agent) => ({
    agent,
    terms: [agent.name, ...agent.synonyms].map(normaliseName).filter((t) => t.length > 0),
  }));
  const preparations = settings.preparations.map((preparation) => {
    const exact = [preparation.name, ...preparation.synonyms]
      .map(normaliseName)
      .filter((t) => t.length > 0);
    // A name without a strength ("EMLA") also matches text that gives one ("EMLA 5%"); a name
    // with one ("Lidocaine 1%") never matches another strength, nor plain "lidocaine".
    const loose = exact.filter((t) => !t.some(isNumberLike));
    return { preparation, exact, loose };
  });
  const anaestheticWords = new Set<string>([
    ...anyAnaestheticWords,
    'caine',
    ...agents.flatMap((a) => a.terms.flat()),
    ...allergenGroups
      .filter((g) => g.id === 'amide-anaesthetic' || g.id === 'ester-anaesthetic')
      .flatMap((g) => g.terms.flatMap(normaliseName)),
    // Single-word brands of preparations (EMLA, Pliaglis); never words such as "cream".
    ...preparations.flatMap((p) => p.loose.filter((t) => t.length === 1).flat()),
  ]);
  for (const word of [...anaestheticWords]) if (isNumberLike(word)) anaestheticWords.delete(word);
  const result: Compiled = {
    agents,
    agentsById: new Map(settings.agents.map((a) => [a.id, a])),
    preparations,
    preparationsById: new Map(settings.preparations.map((p) => [p.id, p])),
    anaestheticWords,
  };
  compiledCache.set(settings, result);
  return result;
}

function familiesIn(text: string, fuzzy: boolean): Set<AnaestheticFamily> {
  // Only named anaesthetics count here; "local anaesthetic" on its own is read separately.
  const named = normaliseName(text).filter((t) => !anyAnaestheticWords.has(t));
  const groups = allergenGroupsIn(named.join(' '), fuzzy);
  const families = new Set<AnaestheticFamily>();
  if (groups.has('amide-anaesthetic')) families.add('amide');
  if (groups.has('ester-anaesthetic')) families.add('ester');
  return families;
}

function agentsIn(
  tokens: readonly string[],
  compiled: Compiled,
  fuzzy: boolean,
): AnaestheticAgent[] {
  return compiled.agents
    .filter(({ terms }) => terms.some((term) => mentions(tokens, term, fuzzy)))
    .map(({ agent }) => agent);
}

/** The preparation a name stands for: the longest name matched, strengths first. */
function preparationIn(
  tokens: readonly string[],
  compiled: Compiled,
): AnaestheticPreparation | null {
  const loose = tokens.filter((t) => !isNumberLike(t));
  let best: { preparation: AnaestheticPreparation; score: number } | null = null;
  for (const { preparation, exact, loose: looseTerms } of compiled.preparations) {
    for (const term of exact) {
      if (containsPhrase(tokens, term) && (best === null || term.length * 2 > best.score)) {
        best = { preparation, score: term.length * 2 };
      }
    }
    for (const term of looseTerms) {
      if (containsPhrase(loose, term) && (best === null || term.length * 2 - 1 > best.score)) {
        best = { preparation, score: term.length * 2 - 1 };
      }
    }
  }
  return best?.preparation ?? null;
}

function isUnknownCaine(token: string, compiled: Compiled): boolean {
  if (token === 'caine') return true;
  return token.endsWith('caine') && !compiled.anaestheticWords.has(token);
}

function readAllergyText(text: string, compiled: Compiled): AnaestheticAllergy | null {
  const tokens = normaliseName(text);
  const agents = new Map(agentsIn(tokens, compiled, true).map((a) => [a.id, a]));
  const preparation = preparationIn(tokens, compiled);
  for (const id of preparation?.agents ?? []) {
    const agent = compiled.agentsById.get(id);
    if (agent) agents.set(agent.id, agent);
  }
  const families = familiesIn(text, true);
  for (const agent of agents.values()) families.add(agent.family);
  const saysAmide = tokens.includes('amide');
  const saysEster = tokens.includes('ester');
  const paba = pabaPhrases.some((p) => containsPhrase(tokens, p));
  const general =
    anyAnaestheticPhrases.some((p) => containsPhrase(tokens, p)) ||
    tokens.some((t) => isUnknownCaine(t, compiled));
  let any = false;
  if (general && (saysAmide || saysEster) && agents.size === 0) {
    // "Allergic to ester local anaesthetics": the family, not every anaesthetic.
    if (saysAmide) families.add('amide');
    if (saysEster) families.add('ester');
  } else if (general) {
    any = true;
  }
  if (paba) families.add('ester');
  if (!any && agents.size === 0 && families.size === 0) return null;
  return { source: text.trim(), sourceValue: text.trim(), agents, families, any };
}

function anaestheticAllergies(
  allergies: HistoryFacts['allergies'],
  compiled: Compiled,
): AnaestheticAllergy[] {
  const out: AnaestheticAllergy[] = [];
  for (const tag of allergies.ticked) {
    if (tag === 'local-anaesthetic') {
      out.push({
        source: tag.replace(/-/g, ' '),
        sourceValue: phrase(`allergenTag.${tag}`),
        agents: new Map(),
        families: new Set(),
        any: true,
      });
    }
  }
  for (const text of allergies.freeText) {
    if (text.trim() === '') continue;
    const reading = readAllergyText(text, compiled);
    if (reading) out.push(reading);
  }
  return out;
}

function withoutAnaesthetics(text: string, compiled: Compiled): string | null {
  const kept = normaliseName(text).filter((t) => !compiled.anaestheticWords.has(t));
  return kept.some((t) => !isNumberLike(t)) ? kept.join(' ') : null;
}

function readSubstance(line: SubstanceLine, compiled: Compiled): SubstanceReading {
  // Catalogue text is matched exactly; what a practitioner types tolerates one slip.
  const fuzzy = line.source !== 'product';
  const chosen =
    line.preparationId == null ? null : (compiled.preparationsById.get(line.preparationId) ?? null);
  const preparation = chosen ?? preparationIn(normaliseName(line.name), compiled);
  const agents = new Map<string, AnaestheticAgent>();
  for (const id of preparation?.agents ?? []) {
    const agent = compiled.agentsById.get(id);
    if (agent) agents.set(agent.id, agent);
  }
  const unnamedFamilies = new Map<AnaestheticFamily, string>();
  let unspecified: string | null = null;
  let unspecifiedValue: FindingValue | null = null;
  // The name counts too: "Lidocaine 2%" typed in the anaesthesia field is its own ingredient list.
  for (const text of [line.name, ...line.ingredients]) {
    const tokens = normaliseName(text);
    const named = agentsIn(tokens, compiled, fuzzy);
    for (const agent of named) agents.set(agent.id, agent);
    for (const family of familiesIn(text, fuzzy)) {
      if (!named.some((a) => a.family === family) && !unnamedFamilies.has(family)) {
        unnamedFamilies.set(family, text.trim());
      }
    }
    const general = anyAnaestheticPhrases.some((p) => containsPhrase(tokens, p));
    if (general && named.length === 0 && unspecified === null) {
      unspecified = `"${text.trim()}"`;
      unspecifiedValue = phrase('quoted', { text: text.trim() });
    }
  }
  // A brand the clinic's list lacks only matters for a family no named agent stands for.
  for (const agent of agents.values()) unnamedFamilies.delete(agent.family);
  if (line.allergenFlags?.includes('local-anaesthetic') && unspecified === null) {
    unspecified = 'flagged in the catalogue as containing a local anaesthetic';
    unspecifiedValue = phrase('flaggedInCatalogue');
  }
  if (agents.size > 0 || unnamedFamilies.size > 0) {
    unspecified = null;
    unspecifiedValue = null;
  }
  const texts =
    line.source === 'product' || line.ingredients.length > 0 || preparation !== null
      ? [...line.ingredients]
      : [line.name];
  const otherIngredients = [
    ...texts.flatMap((t) => {
      const kept = withoutAnaesthetics(t, compiled);
      return kept === null ? [] : [kept];
    }),
    ...(preparation?.otherIngredients ?? []),
  ];
  return {
    line,
    preparation,
    agents,
    unnamedFamilies,
    unspecified,
    unspecifiedValue,
    otherIngredients,
  };
}

/**
 * Per line, what the patient's allergies and intolerances say about it. A substance containing
 * something she reacts to is do-not-treat for that line; the session cannot be signed with it
 * unless the practitioner records an override with a reason.
 */
export function checkSubstances(
  allergies: HistoryFacts['allergies'],
  lines: readonly SubstanceLine[],
  settings: SubstanceCheckSettings,
): SubstanceLineResult[] {
  const compiled = compile(settings.substances);
  const anaesthetic = anaestheticAllergies(allergies, compiled);
  return lines.map((line) => {
    const substance = readSubstance(line, compiled);
    const findings: ScreeningFinding[] = [];
    const seen = new Set<string>();
    const add = (f: ScreeningFinding, source: string) => {
      const key = `${f.ruleId}|${source}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push(f);
    };
    for (const allergy of anaesthetic) {
      const hit = anaestheticHit(allergy, substance, settings.substances);
      if (hit) add(hit, allergy.source);
    }
    const rest: PlannedProduct = {
      id: line.key,
      name: line.name,
      ingredients: [...substance.otherIngredients],
      allergenFlags: (line.allergenFlags ?? []).filter((t) => t !== 'local-anaesthetic'),
    };
    // The general rules never see this line's anaesthetics (removed above), so nothing is judged
    // twice and the family severities stay the clinic's.
    for (const f of checkAllergies(allergies, [rest], settings.screening)) add(f, f.explanation);
    findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    return {
      key: line.key,
      source: line.source,
      name: line.name,
      preparation: substance.preparation
        ? { id: substance.preparation.id, name: substance.preparation.name }
        : null,
      agents: [
        ...[...substance.agents.values()].map((a) => a.name),
        ...substance.unnamedFamilies.values(),
      ],
      severity: worstSeverity(findings.map((f) => f.severity)),
      findings,
    };
  });
}

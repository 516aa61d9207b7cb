import { z } from 'zod';

/**
 * How a check finding is worded in its reader's language. A rule gives its English explanation
 * (the reference, stored with the check) and beside it the catalogue key of its wording and the
 * values it names. A value is a number, text as entered (a medicine line, a product name, an
 * allergy as the patient said it), a phrase worded from the catalogue as well (a drug class, who
 * supplies a medicine, a treatment area), or a list of these.
 *
 * The catalogue is the renderer's (`renderer/src/i18n/<language>-findings.json`: `findingRules`
 * and `findingPhrases`); the screens read it through i18next and the session summary from the
 * same files, both through wordFinding so they say the same.
 */

export interface FindingPhrase {
  /** Key under `findingPhrases`. */
  readonly phrase: string;
  readonly params?: FindingParams;
}
export interface FindingList {
  readonly list: readonly FindingValue[];
  /** `findingPhrases.join.<join>` between the items (", " by default). */
  readonly join?: 'comma' | 'and';
}
export type FindingValue = string | number | FindingPhrase | FindingList;
export type FindingParams = Readonly<Record<string, FindingValue>>;

export const findingValueSchema: z.ZodType<FindingValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.object({ phrase: z.string(), params: z.record(z.string(), findingValueSchema).optional() }),
    z.object({ list: z.array(findingValueSchema), join: z.enum(['comma', 'and']).optional() }),
  ]),
);
export const findingPhraseSchema = z.object({
  phrase: z.string(),
  params: z.record(z.string(), findingValueSchema).optional(),
});

export function phrase(key: string, params?: FindingParams): FindingPhrase {
  return params ? { phrase: key, params } : { phrase: key };
}

export function list(items: readonly FindingValue[], join: 'comma' | 'and' = 'comma'): FindingList {
  return { list: items, join };
}

/** A catalogue text by its dotted key; undefined where the catalogue has none. */
export type CatalogueLookup = (key: string) => string | undefined;

/** What wording needs of a finding. */
export interface WordableFinding {
  readonly ruleId: string;
  /** Key under `findingRules` where a rule has more than one wording; else the rule id. */
  readonly wording?: string;
  readonly explanation: string;
  readonly params?: FindingParams;
  /** What the service added: an assumption it made reading the intake, said after the rule. */
  readonly note?: FindingPhrase;
}

const placeholder = /\{\{\s*(\w+)\s*\}\}/g;

function fill(template: string, params: FindingParams, lookup: CatalogueLookup) {
  let complete = true;
  const text = template.replace(placeholder, (_whole, name: string) => {
    const value = params[name];
    const worded = value === undefined ? undefined : word(value, lookup);
    if (worded === undefined) complete = false;
    return worded ?? '';
  });
  return complete ? text : undefined;
}

function word(value: FindingValue, lookup: CatalogueLookup): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('list' in value) {
    const items = value.list.map((item) => word(item, lookup));
    const join = lookup(`findingPhrases.join.${value.join ?? 'comma'}`);
    if (join === undefined || items.some((item) => item === undefined)) return undefined;
    return items.join(join);
  }
  const template = lookup(`findingPhrases.${value.phrase}`);
  return template === undefined ? undefined : fill(template, value.params ?? {}, lookup);
}

/** The finding as one catalogue words it; undefined where it cannot word all of it. */
export function wordFromCatalogue(f: WordableFinding, lookup: CatalogueLookup): string | undefined {
  const template = lookup(`findingRules.${f.wording ?? f.ruleId}`);
  if (template === undefined) return undefined;
  const text = fill(template, f.params ?? {}, lookup);
  if (text === undefined || f.note === undefined) return text;
  const note = word(f.note, lookup);
  return note === undefined ? undefined : `${text} ${note}`;
}

/**
 * The finding in the reader's language. The English catalogue must give back exactly the
 * explanation stored with the finding; where it does not (a check recorded before its rule was
 * worded from the catalogue, or worded differently then), the stored English is shown, so a
 * translation never stands for a text it was not made from and never drops part of it.
 */
export function wordFinding(
  f: WordableFinding,
  own: CatalogueLookup,
  english: CatalogueLookup,
): string {
  if (wordFromCatalogue(f, english) !== f.explanation) return f.explanation;
  return wordFromCatalogue(f, own) ?? f.explanation;
}

/** A lookup into a catalogue object as the JSON files hold it (nested by the key's dots). */
export function catalogueLookup(catalogue: unknown): CatalogueLookup {
  return (key) => {
    let node: unknown = catalogue;
    for (const part of key.split('.')) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string' ? node : undefined;
  };
}

/**
 * What to tell the patient, in the reader's language. The rules store it in English only; the
 * catalogue's English texts (`findingPatient.*`) are read as patterns over it, their values
 * (a medicine's name, a product, a number of days) taken from the English, and the same message
 * is worded in the reader's language. A message no English text matches whole is shown as it is.
 */
export interface PatientTemplate {
  readonly key: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function patientTemplates(english: unknown): PatientTemplate[] {
  if (typeof english !== 'object' || english === null) return [];
  const templates = Object.entries(english as Record<string, unknown>).flatMap(([key, text]) => {
    if (typeof text !== 'string') return [];
    const names: string[] = [];
    let source = '';
    let last = 0;
    for (const m of text.matchAll(placeholder)) {
      source += `${escapeRegExp(text.slice(last, m.index))}(.+?)`;
      names.push(m[1]!);
      last = m.index + m[0].length;
    }
    source += escapeRegExp(text.slice(last));
    return [{ key, pattern: new RegExp(`^${source}$`, 's'), names }];
  });
  // A message said in full ("…when you last took isotretinoin.") before one with values.
  return templates.sort((a, b) => a.names.length - b.names.length);
}

/** The English text a patient message is, with its values; null when none matches it whole. */
export function matchPatientMessage(
  message: string,
  templates: readonly PatientTemplate[],
): { key: string; params: Record<string, string> } | null {
  for (const t of templates) {
    const m = t.pattern.exec(message);
    if (!m) continue;
    const params: Record<string, string> = {};
    const same = t.names.every((name, i) => {
      const value = m[i + 1]!;
      if (params[name] !== undefined && params[name] !== value) return false;
      params[name] = value;
      return true;
    });
    if (same) return { key: t.key, params };
  }
  return null;
}

export function wordPatientMessage(
  message: string,
  templates: readonly PatientTemplate[],
  own: CatalogueLookup,
): string {
  const match = matchPatientMessage(message, templates);
  const template = match ? own(`findingPatient.${match.key}`) : undefined;
  if (!match || template === undefined) return message;
  return fill(template, match.params, own) ?? message;
}

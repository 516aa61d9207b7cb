import { bloodThinnerReference } from './drug-reference';
import type { DrugEntry } from './drug-types';
import { isRiskClass } from './drug-types';
import { damerauLevenshtein } from './edit-distance';
import { everydayReference } from './everyday-medicines';
import { isNumberLike, noiseWords, supplementCues } from './medicine-line-words';
import type { Token } from './text-normalise';
import { normaliseName, tokenise } from './text-normalise';

/**
 * Recognises blood thinners, supplements and everyday medicines in a free-text medicine line.
 *
 * Exact names win; misspellings are found by Damerau-Levenshtein distance on tokens and on short
 * runs of tokens joined together ("ibu profen", "alkaseltzer"). Short tokens (under 5 letters)
 * must match exactly, so "asa" or "epa" never match by accident and "vitamin e" never matches
 * "vitamin d". The indexes are built once at module load; a line costs well under a millisecond.
 */

export type MedicineLineStatus = 'risk' | 'safe' | 'not-recognised';

export interface MedicineMatch {
  readonly entry: DrugEntry;
  /** The part of the original line that matched, as written. */
  readonly matchedText: string;
  /** 1 for an exact name; lower the more edits a misspelling needed. */
  readonly confidence: number;
  readonly exact: boolean;
  readonly start: number;
  readonly end: number;
}

export interface MedicineLineMatch {
  readonly line: string;
  /** risk: a blood thinner or supplement; safe: only everyday medicines; else not recognised. */
  readonly status: MedicineLineStatus;
  /** Risk matches first, then safe ones, each in line order. */
  readonly matches: readonly MedicineMatch[];
  /** Words that looked like a name but matched nothing, so a partial match is never silent. */
  readonly unrecognisedWords: readonly string[];
}

/** Fuzzy matching starts at this token length; shorter tokens must be spelt exactly. */
export const minFuzzyLength = 5;
const maxNameTokens = 4;

/** Edits allowed for a token (or joined run) of this length. */
export function allowedEdits(length: number): number {
  if (length < minFuzzyLength) return 0;
  if (length <= 6) return 1;
  if (length <= 10) return 2;
  return 3;
}

/** Runs of tokens compared as one string must be this long, so two short words never merge. */
const minJoinedLength = 8;

interface IndexedName {
  readonly entry: DrugEntry;
  readonly tokens: readonly string[];
  readonly joined: string;
  /** Joining is unsafe when a token is short ("vitamin e" joined is the French "vitamine"). */
  readonly joinable: boolean;
}

export const medicineReference: readonly DrugEntry[] = [
  ...bloodThinnerReference,
  ...everydayReference,
];

const entriesById = new Map(medicineReference.map((entry) => [entry.id, entry]));

export function findReferenceEntry(id: string): DrugEntry | undefined {
  return entriesById.get(id);
}

/** Names grouped by the length of their joined form, so fuzzy search skips hopeless lengths. */
type LengthBuckets = IndexedName[][];

function addToBucket(buckets: LengthBuckets, name: IndexedName): void {
  const bucket = buckets[name.joined.length] ?? [];
  bucket.push(name);
  buckets[name.joined.length] = bucket;
}

function* namesNear(
  buckets: LengthBuckets | undefined,
  length: number,
  slack: number,
): Generator<IndexedName> {
  if (buckets === undefined) return;
  for (let l = Math.max(0, length - slack); l <= length + slack; l++) {
    yield* buckets[l] ?? [];
  }
}

function buildIndex(): {
  byPhrase: Map<string, IndexedName[]>;
  byJoined: Map<string, IndexedName[]>;
  byTokenCount: LengthBuckets[];
  joinable: LengthBuckets;
  vocabulary: Set<string>;
} {
  const byPhrase = new Map<string, IndexedName[]>();
  const byJoined = new Map<string, IndexedName[]>();
  const byTokenCount: LengthBuckets[] = [];
  const joinable: LengthBuckets = [];
  const vocabulary = new Set<string>();
  const push = (map: Map<string, IndexedName[]>, key: string, value: IndexedName): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else if (!list.some((n) => n.entry === value.entry)) list.push(value);
  };
  for (const entry of medicineReference) {
    const seen = new Set<string>();
    for (const name of entry.names) {
      const tokens = normaliseName(name).filter((t) => !isNumberLike(t));
      const phrase = tokens.join(' ');
      if (tokens.length === 0 || tokens.length > maxNameTokens || seen.has(phrase)) continue;
      seen.add(phrase);
      const indexed: IndexedName = {
        entry,
        tokens,
        joined: tokens.join(''),
        joinable: tokens.every((t) => t.length >= 3),
      };
      tokens.forEach((t) => vocabulary.add(t));
      push(byPhrase, phrase, indexed);
      if (indexed.joinable) {
        push(byJoined, indexed.joined, indexed);
        addToBucket(joinable, indexed);
      }
      const buckets = byTokenCount[tokens.length] ?? [];
      addToBucket(buckets, indexed);
      byTokenCount[tokens.length] = buckets;
    }
  }
  return { byPhrase, byJoined, byTokenCount, joinable, vocabulary };
}

const index = buildIndex();

interface LineToken extends Token {
  /** A known non-name word kept only because some reference name uses it: exact matches only. */
  readonly noise: boolean;
}

interface Candidate {
  readonly entry: DrugEntry;
  readonly from: number;
  readonly to: number;
  readonly confidence: number;
  readonly exact: boolean;
}

function confidenceFor(edits: number, length: number): number {
  if (edits === 0) return 1;
  const value = 1 - (1.5 * edits) / Math.max(length, 1);
  return Math.round(Math.min(0.95, Math.max(0.3, value)) * 100) / 100;
}

/**
 * Token-by-token edits against a name of the same length. In a multi-word name anchored by a word
 * spelt exactly, one slip is also allowed in a 3-4 letter word ("St John's wart", "fish oyl");
 * one- and two-letter words (vitamin e / vitamin d) must always be exact.
 */
function alignedEdits(line: readonly LineToken[], name: IndexedName): number | undefined {
  let total = 0;
  let shortSlips = 0;
  let anchored = false;
  for (let k = 0; k < name.tokens.length; k++) {
    const a = line[k];
    const b = name.tokens[k];
    if (a === undefined || b === undefined) return undefined;
    if (a.norm === b) {
      if (b.length >= 3) anchored = true;
      continue;
    }
    if (a.noise) return undefined;
    const shortest = Math.min(a.norm.length, b.length);
    let limit = allowedEdits(shortest);
    if (limit === 0 && shortest >= 3 && name.tokens.length > 1) {
      limit = 1;
      shortSlips++;
    }
    if (limit === 0) return undefined;
    const d = damerauLevenshtein(a.norm, b, limit);
    if (d > limit) return undefined;
    total += d;
  }
  if (shortSlips > 1 || (shortSlips === 1 && !anchored)) return undefined;
  return total;
}

function candidatesAt(tokens: readonly LineToken[], from: number): Candidate[] {
  const found: Candidate[] = [];
  const add = (entry: DrugEntry, to: number, confidence: number): void => {
    found.push({ entry, from, to, confidence, exact: confidence === 1 });
  };
  for (let n = 1; n <= maxNameTokens && from + n <= tokens.length; n++) {
    const span = tokens.slice(from, from + n);
    const phrase = span.map((t) => t.norm).join(' ');
    const joined = span.map((t) => t.norm).join('');
    const exact = index.byPhrase.get(phrase) ?? [];
    exact.forEach((name) => add(name.entry, from + n, 1));
    const joinedExact = n > 1 || exact.length === 0 ? (index.byJoined.get(joined) ?? []) : [];
    // Same letters, different spacing ("alkaseltzer", "ibu profen"): nearly certain.
    joinedExact.forEach((name) => {
      if (name.tokens.length !== n) add(name.entry, from + n, 0.97);
    });
    if (exact.length > 0 || joinedExact.length > 0) continue;

    for (const name of namesNear(index.byTokenCount[n], joined.length, 3 * n)) {
      const edits = alignedEdits(span, name);
      if (edits !== undefined && edits > 0)
        add(name.entry, from + n, confidenceFor(edits, joined.length));
    }
    const spanJoinable = span.every((t) => !t.noise && t.norm.length >= 3);
    if (n > 1 && spanJoinable && joined.length >= minJoinedLength) {
      for (const name of namesNear(index.joinable, joined.length, 2)) {
        if (name.tokens.length === n) continue;
        const limit = Math.min(allowedEdits(Math.min(joined.length, name.joined.length)), 2);
        if (Math.abs(name.joined.length - joined.length) > limit) continue;
        const d = damerauLevenshtein(joined, name.joined, limit);
        if (d <= limit) add(name.entry, from + n, confidenceFor(d + 1, joined.length));
      }
    }
    // A single long token may be two name words run together and misspelt ("fishoyl").
    if (n === 1 && spanJoinable && joined.length >= minJoinedLength) {
      for (const name of namesNear(index.joinable, joined.length, 2)) {
        if (name.tokens.length === 1) continue;
        const limit = Math.min(allowedEdits(Math.min(joined.length, name.joined.length)), 2);
        if (Math.abs(name.joined.length - joined.length) > limit) continue;
        const d = damerauLevenshtein(joined, name.joined, limit);
        if (d > 0 && d <= limit) add(name.entry, from + n, confidenceFor(d + 1, joined.length));
      }
    }
  }
  return found;
}

/**
 * Best non-overlapping set: higher confidence first, then the longer name (so "anadin extra"
 * beats "anadin" and "excedrin tension headache" beats "excedrin"). Equally good readings of the
 * same words are all kept, so a tie between a blood thinner and a safe medicine still flags.
 */
function selectCandidates(candidates: Candidate[]): Candidate[] {
  // Exact and re-spaced names (confidence >= 0.95) form one tier in which the longer name wins.
  const tier = (c: Candidate): number => (c.confidence >= 0.95 ? 0 : 1);
  const sorted = [...candidates].sort(
    (a, b) =>
      tier(a) - tier(b) ||
      b.to - b.from - (a.to - a.from) ||
      b.confidence - a.confidence ||
      Number(isRiskClass(b.entry.drugClass)) - Number(isRiskClass(a.entry.drugClass)),
  );
  const chosen: Candidate[] = [];
  for (const c of sorted) {
    const overlapping = chosen.filter((k) => c.from < k.to && k.from < c.to);
    const tie = overlapping.every(
      (k) => k.from === c.from && k.to === c.to && Math.abs(k.confidence - c.confidence) < 1e-9,
    );
    if (overlapping.length === 0 || (tie && !overlapping.some((k) => k.entry === c.entry))) {
      chosen.push(c);
    }
  }
  // A misspelt second word should not orphan it: "Gingko bilobba" is one ginkgo match, not
  // "Gingko" plus an unrecognised word.
  return chosen.map((c) => {
    const wider = candidates
      .filter(
        (w) =>
          w.entry === c.entry &&
          w.from <= c.from &&
          w.to >= c.to &&
          w.to - w.from > c.to - c.from &&
          !chosen.some((k) => k !== c && w.from < k.to && k.from < w.to),
      )
      .sort((a, b) => b.to - b.from - (a.to - a.from))[0];
    return wider === undefined ? c : { ...wider, confidence: c.confidence, exact: c.exact };
  });
}

function lineTokens(line: string): { tokens: LineToken[]; all: Token[] } {
  const all = tokenise(line);
  const tokens: LineToken[] = [];
  for (const t of all) {
    if (isNumberLike(t.norm)) continue;
    const noise = noiseWords.has(t.norm);
    if (noise && !index.vocabulary.has(t.norm)) continue;
    tokens.push({ ...t, noise });
  }
  return { tokens, all };
}

/** Food and drink forms count as the supplement only when the line reads like a supplement. */
function resolveFood(candidate: Candidate, hasSupplementCue: boolean): Candidate {
  const supplementId = candidate.entry.supplementId;
  if (supplementId === undefined || !hasSupplementCue) return candidate;
  const supplement = entriesById.get(supplementId);
  if (supplement === undefined) return candidate;
  const confidence = Math.round(candidate.confidence * 0.9 * 100) / 100;
  return { ...candidate, entry: supplement, confidence, exact: false };
}

function toSpan(tokens: readonly LineToken[], c: Candidate): { start: number; end: number } {
  const start = tokens[c.from]?.start ?? 0;
  return { start, end: tokens[c.to - 1]?.end ?? start };
}

export function matchMedicineLine(line: string): MedicineLineMatch {
  const { tokens, all } = lineTokens(line);
  const hasSupplementCue = all.some((t) => supplementCues.has(t.norm));
  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) candidates.push(...candidatesAt(tokens, i));

  let chosen = selectCandidates(candidates).map((c) => resolveFood(c, hasSupplementCue));
  // "Excedrin aspirin-free": the label's own statement beats the brand's usual formula, and the
  // brand word counts as understood rather than unrecognised.
  const excluded: Candidate[] = [];
  if (chosen.some((c) => c.entry.excludesAspirin === true)) {
    excluded.push(...chosen.filter((c) => c.entry.containsAspirin === true));
    chosen = chosen.filter((c) => c.entry.containsAspirin !== true);
  }

  const matches: MedicineMatch[] = chosen
    .map((c) => {
      const { start, end } = toSpan(tokens, c);
      return {
        entry: c.entry,
        matchedText: line.slice(start, end),
        confidence: c.confidence,
        exact: c.exact,
        start,
        end,
      };
    })
    .sort(
      (a, b) =>
        Number(isRiskClass(b.entry.drugClass)) - Number(isRiskClass(a.entry.drugClass)) ||
        a.start - b.start,
    );

  const spans = [...matches, ...excluded.map((c) => toSpan(tokens, c))];
  const covered = (t: Token): boolean => spans.some((m) => t.start >= m.start && t.end <= m.end);
  const unrecognisedWords = all
    .filter(
      (t) => !covered(t) && !isNumberLike(t.norm) && !noiseWords.has(t.norm) && t.norm.length >= 3,
    )
    .map((t) => line.slice(t.start, t.end));

  const status: MedicineLineStatus = matches.some((m) => isRiskClass(m.entry.drugClass))
    ? 'risk'
    : matches.length > 0
      ? 'safe'
      : 'not-recognised';
  return { line, status, matches, unrecognisedWords };
}

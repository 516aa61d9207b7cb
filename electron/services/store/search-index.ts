import { sql, type RawBuilder } from 'kysely';
import type { Db, Queryable } from './db';
import { dialectOf } from './dialect';

/**
 * The patient search index on both stores, fed by one normalisation in code (searchTokens:
 * accents, Turkish ı/İ, ş, ğ folded the same way for the words stored and the words typed).
 * SQLite keeps the words in an FTS5 table (rowid = patient.seq); PostgreSQL keeps one row per
 * word in patient_search_word, whose "C"-collated btree answers each typed word as a prefix.
 */
export interface WordMatch {
  /** Every one of these must start some word of the patient. */
  words: string[];
  /** Or, instead, this one prefix (a phone number's digits run together). */
  alternative: string | null;
}

/** Replaces a patient's words (`terms`: folded words separated by spaces). */
export async function indexSearchWords(db: Queryable, seq: number, terms: string): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`DELETE FROM patient_search_word WHERE patient_seq = ${seq}`.execute(db as Db);
    const words = [...new Set(terms.split(' ').filter((w) => w !== ''))];
    if (words.length === 0) return;
    await sql`INSERT INTO patient_search_word (word, patient_seq)
      SELECT w, ${seq} FROM unnest(${words}::text[]) AS w`.execute(db as Db);
    return;
  }
  await sql`DELETE FROM patient_search WHERE rowid = ${seq}`.execute(db as Db);
  await sql`INSERT INTO patient_search (rowid, terms) VALUES (${seq}, ${terms})`.execute(db as Db);
}

/** FTS5's query: every word a prefix, all required, or the alternative prefix alone. */
export function ftsQuery(match: WordMatch): string {
  const all = match.words.map((t) => `"${t}"*`).join(' ');
  return match.alternative ? `(${all}) OR "${match.alternative}"*` : all;
}

// Words are letters and digits only (searchTokens), so none holds a LIKE wildcard.
const prefixOf = (word: string) =>
  sql`SELECT patient_seq FROM patient_search_word WHERE word LIKE ${`${word}%`}`;

function pgSeqs(match: WordMatch): RawBuilder<number> {
  const [only, ...more] = match.words;
  // A patient has several words a prefix may start ('maria', 'martin'): INTERSECT and UNION
  // keep each patient once, and a lone word needs DISTINCT to do the same (FTS5 counts rows).
  const all =
    only !== undefined && more.length === 0 && !match.alternative
      ? sql<number>`SELECT DISTINCT patient_seq FROM patient_search_word WHERE word LIKE ${`${only}%`}`
      : sql.join<number>(
          match.words.map((w) => prefixOf(w)),
          sql` INTERSECT `,
        );
  return match.alternative ? sql<number>`(${all}) UNION ${prefixOf(match.alternative)}` : all;
}

/** A subquery of the seqs of the patients matching, for `p.seq IN (…)`. */
export function matchingSeqs(db: Queryable, match: WordMatch): RawBuilder<number> {
  if (dialectOf(db) === 'postgres') return pgSeqs(match);
  return sql`SELECT rowid FROM patient_search WHERE patient_search MATCH ${ftsQuery(match)}`;
}

/**
 * FROM and WHERE parts reading the matching patients as `p`, for a narrow match: on SQLite from
 * the index's side (its few rows first, then the patients by seq).
 */
export function matchingPatients(
  db: Queryable,
  match: WordMatch,
): { source: RawBuilder<unknown>; condition: RawBuilder<boolean> } {
  if (dialectOf(db) === 'postgres') {
    return { source: sql`patient p`, condition: sql`p.seq IN (${pgSeqs(match)})` };
  }
  return {
    source: sql`patient_search s JOIN patient p ON p.seq = s.rowid`,
    condition: sql`patient_search MATCH ${ftsQuery(match)}`,
  };
}

type Counts = { matching: number | string; everyone: number | string };

/**
 * In one statement (one round trip to a clinic server, where each is several milliseconds on a
 * busy network): how many patients match, and how many patients there are, archived ones left
 * out of both unless included. Matches are counted from the index alone; archived ones (few) from
 * the patients' side, each looked up in the index, and taken off.
 */
export async function matchCounts(
  db: Queryable,
  match: WordMatch | null,
  includeArchived: boolean,
): Promise<{ matching: number; everyone: number }> {
  const everyone = includeArchived
    ? sql`SELECT count(*) FROM patient`
    : sql`SELECT count(*) FROM patient WHERE archived = 0`;
  let query = sql<Counts>`SELECT (${everyone}) AS matching, (${everyone}) AS everyone`;
  if (match && dialectOf(db) === 'postgres') {
    // The prefix scan once (a large clinic's one-letter prefix reads thousands of index rows),
    // counted whole and, for the few archived patients, looked up.
    const all = sql`SELECT count(*) FROM m`;
    const archived = sql`SELECT count(*) FROM patient p JOIN m ON m.patient_seq = p.seq
      WHERE p.archived = 1`;
    const matching = includeArchived ? all : sql`(${all}) - (${archived})`;
    query = sql<Counts>`WITH m AS MATERIALIZED (${pgSeqs(match)})
      SELECT (${matching}) AS matching, (${everyone}) AS everyone`;
  } else if (match) {
    const all = sql`SELECT count(*) FROM patient_search WHERE patient_search MATCH ${ftsQuery(match)}`;
    const archived = sql`SELECT count(*) FROM patient p CROSS JOIN patient_search s
      ON s.rowid = p.seq WHERE p.archived = 1 AND patient_search MATCH ${ftsQuery(match)}`;
    const matching = includeArchived ? all : sql`(${all}) - (${archived})`;
    query = sql<Counts>`SELECT (${matching}) AS matching, (${everyone}) AS everyone`;
  }
  const row = (await query.execute(db as Db)).rows[0];
  return { matching: Number(row?.matching ?? 0), everyone: Number(row?.everyone ?? 0) };
}

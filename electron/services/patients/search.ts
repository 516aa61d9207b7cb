import type { NameOrder } from '../../../shared/patients/person-name';
import { sql } from 'kysely';
import type { Queryable } from '../store/db';
import type { Db } from '../store/db';
import { wholeNumber } from '../store/prepared';
import {
  ftsQuery as ftsText,
  matchCounts,
  indexSearchWords,
  matchingPatients,
  matchingSeqs,
  type WordMatch,
} from '../store/search-index';
import type { Selectable } from 'kysely';
import type { PatientRow as PatientTable } from '../store/schema';

type PatientRow = Selectable<PatientTable>;
import type { DuplicateCandidate, PatientSummary } from '../../../shared/api/patients';
import {
  phoneDigits,
  phoneKey,
  searchTokens,
  similarNames,
} from '../../../shared/patients/search-text';

type SummaryRow = Pick<
  PatientRow,
  | 'id'
  | 'clinic_number'
  | 'given_name'
  | 'family_name'
  | 'name_order'
  | 'date_of_birth'
  | 'phone'
  | 'email'
  | 'archived'
>;

const summaryColumns = [
  'id',
  'clinic_number',
  'given_name',
  'family_name',
  'name_order',
  'date_of_birth',
  'phone',
  'email',
  'archived',
] as const;

export function toSummary(row: SummaryRow): PatientSummary {
  return {
    id: row.id,
    clinicNumber: row.clinic_number,
    givenName: row.given_name,
    familyName: row.family_name,
    nameOrder: (row.name_order as NameOrder | null) ?? null,
    dateOfBirth: row.date_of_birth,
    phone: row.phone,
    email: row.email,
    archived: row.archived === 1,
  };
}

function stripZeros(digits: string): string {
  return digits.replace(/^0+/, '');
}

function phoneTails(digits: string): string {
  const tails: string[] = [];
  for (let i = 0; i <= digits.length - 4; i += 1) tails.push(digits.slice(i));
  return tails.join(' ');
}

/** The words a patient can be found by, folded the same way as queries are. */
export function searchTerms(row: Omit<PatientRow, 'seq'>): string {
  const [y = '', m = '', d = ''] = row.date_of_birth.split('-');
  const digits = phoneDigits(row.phone);
  const words = [
    row.given_name,
    row.family_name,
    row.clinic_number,
    row.email,
    row.date_of_birth,
    // Dates are typed in many orders and with or without leading zeros.
    `${y}${m}${d} ${d}${m}${y} ${m}${d}${y} ${Number(m)} ${Number(d)}`,
    row.phone,
    // Phone numbers are typed with or without the country code or the trunk zero, so every
    // tail of the digits is a word and a typed number matches as a prefix of one of them.
    phoneTails(digits),
  ];
  return [...new Set(words.flatMap(searchTokens))].join(' ');
}

/** Keeps the search index in step with the patient row; `seq` is the index's key. */
export async function indexPatient(db: Queryable, seq: number, row: Omit<PatientRow, 'seq'>) {
  await indexSearchWords(db, seq, searchTerms(row));
}

/**
 * What a typed query matches: every typed word as a prefix, all of them; a query that looks like
 * a phone number also matches its digits run together, whatever prefix was stored.
 */
export function wordMatch(query: string): WordMatch | null {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return null;
  const digits = stripZeros(phoneDigits(query));
  const phoneLike = /^[+()\d\s./-]+$/.test(query.trim()) && digits.length >= 3;
  return { words: tokens, alternative: phoneLike && digits !== tokens.join('') ? digits : null };
}

/** The FTS5 query text of `query` (the SQLite index's own syntax; the bench sends it raw). */
export function ftsQuery(query: string): string | null {
  const match = wordMatch(query);
  return match ? ftsText(match) : null;
}

/** Above this many matches, walking the name index beats sorting the matches. */
const BROAD_MATCH = 300;

/**
 * One page of patients in name order. The count comes from the index alone (cheap); the page is
 * then read either by sorting the few matches, or, for a broad prefix such as one letter, by
 * walking the name-ordered index and keeping the rows that match.
 */
export async function searchPatients(
  db: Queryable,
  input: { query: string; includeArchived: boolean; offset: number; limit: number },
): Promise<{ total: number; results: PatientSummary[] }> {
  let match = wordMatch(input.query);
  const { matching: total, everyone } = await matchCounts(db, match, input.includeArchived);
  // A prefix everyone shares (the clinic number's) needs no index lookup at all.
  if (match && total === everyone) match = null;
  const archived = input.includeArchived ? sql.raw('') : sql.raw('AND p.archived = 0');
  if (total === 0 || input.offset >= total) return { total, results: [] };
  // Written into the SQL rather than bound: SQLite stops a sorted scan sooner when it knows the
  // limit, and both are integers the contract has checked.
  const page = sql.raw(`LIMIT ${wholeNumber(input.limit)} OFFSET ${wholeNumber(input.offset)}`);
  const columns = sql.raw(
    'p.id, p.clinic_number, p.given_name, p.family_name, p.date_of_birth, p.phone, p.email, p.archived',
  );
  const order = sql.raw('ORDER BY p.archived, p.sort_key, p.seq');
  let query;
  if (!match) {
    query = sql<SummaryRow>`SELECT ${columns} FROM patient p WHERE 1 = 1 ${archived} ${order} ${page}`;
  } else if (total > BROAD_MATCH) {
    query = sql<SummaryRow>`SELECT ${columns} FROM patient p
      WHERE p.seq IN (${matchingSeqs(db, match)}) ${archived} ${order} ${page}`;
  } else {
    const { source, condition } = matchingPatients(db, match);
    query = sql<SummaryRow>`SELECT ${columns} FROM ${source}
      WHERE ${condition} ${archived} ${order} ${page}`;
  }
  const rows = await query.execute(db as Db);
  return { total, results: rows.rows.map(toSummary) };
}

export interface DuplicateProbe {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  excludeId?: string | undefined;
}

export function emailKey(email: string): string | null {
  const key = email.trim().toLowerCase();
  return key === '' ? null : key;
}

/** Patients who may be the same person: same birth date and a similar name, or same phone or email. */
export async function findDuplicates(
  db: Queryable,
  probe: DuplicateProbe,
): Promise<DuplicateCandidate[]> {
  const found = new Map<string, DuplicateCandidate>();
  const add = (row: SummaryRow, reason: DuplicateCandidate['reasons'][number]) => {
    if (row.id === probe.excludeId) return;
    const entry = found.get(row.id) ?? { ...toSummary(row), reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    found.set(row.id, entry);
  };
  const named = probe.givenName.trim() !== '' || probe.familyName.trim() !== '';
  if (named && /^\d{4}-\d{2}-\d{2}$/.test(probe.dateOfBirth)) {
    const rows = await db
      .selectFrom('patient')
      .select(summaryColumns)
      .where('date_of_birth', '=', probe.dateOfBirth)
      .limit(500)
      .execute();
    for (const row of rows) {
      if (similarNames(probe, { givenName: row.given_name, familyName: row.family_name }))
        add(row, 'name-and-birth-date');
    }
  }
  const phone = phoneKey(probe.phone);
  if (phone) {
    const rows = await db
      .selectFrom('patient')
      .select(summaryColumns)
      .where('phone_key', '=', phone)
      .limit(20)
      .execute();
    for (const row of rows) add(row, 'phone');
  }
  const email = emailKey(probe.email);
  if (email) {
    const rows = await db
      .selectFrom('patient')
      .select(summaryColumns)
      .where('email_key', '=', email)
      .limit(20)
      .execute();
    for (const row of rows) add(row, 'email');
  }
  return [...found.values()].slice(0, 20);
}

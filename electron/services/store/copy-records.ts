import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import pg from 'pg';

/**
 * The record copied whole between the two stores, row for row, at the same schema version:
 * a single-computer clinic moved onto a server, and a server's records written into the SQLite
 * file a backup carries (and back, on a restore). Both schemas hold the same tables, columns and
 * values (integers, ISO text, JSON text, bytes), so a row is copied as it is; only the search
 * index differs (SQLite's FTS5 table, PostgreSQL's word table) and is carried as the words.
 * Every table's rows are fingerprinted on both sides afterwards: counts and hashes must match.
 */

/** bigint and numeric as numbers, as the store's own pool reads them. */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return Number;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export async function pgClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: pgTypes });
  await client.connect();
  return client;
}

/** Tables only a server has: its files (copied as files, not rows) and its search words. */
const SERVER_ONLY = new Set(['file_blob', 'patient_search_word', 'schema_version']);

export interface TableFingerprint {
  table: string;
  rows: number;
  /** Order-free: the sum of every row's SHA-256, so both stores can be read in any order. */
  hash: string;
}

type Row = Record<string, unknown>;

/** A row as canonical text: the same values read from SQLite and PostgreSQL give the same text. */
function rowText(columns: string[], row: Row): string {
  return JSON.stringify(
    columns.map((c) => {
      const v = row[c];
      if (Buffer.isBuffer(v)) return { b: v.toString('hex') };
      if (typeof v === 'bigint') return Number(v);
      return v ?? null;
    }),
  );
}

const MOD = 1n << 256n;

class Fingerprint {
  private sum = 0n;
  rows = 0;
  add(text: string): void {
    this.sum = (this.sum + BigInt(`0x${createHash('sha256').update(text).digest('hex')}`)) % MOD;
    this.rows += 1;
  }
  get hash(): string {
    return this.sum.toString(16).padStart(64, '0');
  }
}

/**
 * The server's tables, parents before children (foreign keys), each with its columns in order.
 * Self-references and cycles do not occur in the schema; a table left over is put last.
 */
export async function serverTables(client: pg.ClientBase): Promise<Map<string, string[]>> {
  const columns = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name IN (SELECT table_name FROM
       information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
     ORDER BY table_name, ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name: t, column_name: c } of columns.rows) {
    if (SERVER_ONLY.has(t)) continue;
    byTable.set(t, [...(byTable.get(t) ?? []), c]);
  }
  const refs = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of refs.rows) {
    if (child !== parent) parents.set(child, (parents.get(child) ?? new Set()).add(parent));
  }
  const ordered = new Map<string, string[]>();
  const visit = (table: string, path: Set<string>) => {
    if (ordered.has(table) || path.has(table) || !byTable.has(table)) return;
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    ordered.set(table, byTable.get(table) ?? []);
  };
  for (const table of [...byTable.keys()].sort()) visit(table, new Set());
  return ordered;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function sqliteTables(sqlite: Database.Database): Set<string> {
  const rows = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' " +
        "AND name NOT LIKE 'patient_search%'",
    )
    .all() as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

/** The tables both stores hold, in the server's order; refuses a schema that differs. */
export async function commonTables(
  client: pg.ClientBase,
  sqlite: Database.Database,
): Promise<Map<string, string[]>> {
  const server = await serverTables(client);
  const local = sqliteTables(sqlite);
  const missing = [...server.keys()].filter((t) => !local.has(t));
  const extra = [...local].filter((t) => !server.has(t));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `The two databases do not hold the same tables (${[...missing, ...extra].join(', ')}); ` +
        'both must be at the same data version.',
    );
  }
  return server;
}

/** Fingerprints of every shared table of a SQLite record. */
export function fingerprintSqlite(
  sqlite: Database.Database,
  tables: Map<string, string[]>,
): TableFingerprint[] {
  return [...tables].map(([table, columns]) => {
    const print = new Fingerprint();
    const select = sqlite.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}`);
    for (const row of select.iterate() as Iterable<Row>) print.add(rowText(columns, row));
    return { table, rows: print.rows, hash: print.hash };
  });
}

/** Reads a table through a cursor in pages, inside the caller's transaction. */
async function* serverRows(client: pg.ClientBase, table: string, columns: string[]) {
  const cursor = `copy_${table}`;
  await client.query(
    `DECLARE ${quote(cursor)} NO SCROLL CURSOR FOR SELECT ${columns.map(quote).join(', ')} ` +
      `FROM ${quote(table)}`,
  );
  try {
    for (;;) {
      const page = await client.query<Row>(`FETCH 2000 FROM ${quote(cursor)}`);
      for (const row of page.rows) yield row;
      if (page.rows.length < 2000) break;
    }
  } finally {
    await client.query(`CLOSE ${quote(cursor)}`);
  }
}

/** Fingerprints of every shared table of a server record (call inside one snapshot). */
export async function fingerprintServer(
  client: pg.ClientBase,
  tables: Map<string, string[]>,
): Promise<TableFingerprint[]> {
  const out: TableFingerprint[] = [];
  for (const [table, columns] of tables) {
    const print = new Fingerprint();
    for await (const row of serverRows(client, table, columns)) print.add(rowText(columns, row));
    out.push({ table, rows: print.rows, hash: print.hash });
  }
  return out;
}

/** The tables whose fingerprints differ (count or hash), by name. */
export function differingTables(a: TableFingerprint[], b: TableFingerprint[]): string[] {
  const other = new Map(b.map((f) => [f.table, f]));
  return a
    .filter((f) => {
      const g = other.get(f.table);
      return !g || g.rows !== f.rows || g.hash !== f.hash;
    })
    .map((f) => f.table);
}

const BATCH_PARAMS = 30_000;

/**
 * Copies every shared table of a SQLite record into an empty server database, in the caller's
 * transaction on the schema owner's connection. The rules that refuse writes to signed records
 * would refuse their rows too (a signed session's lines), so the owner switches the tables' own
 * triggers off for the copy and on again before COMMIT; foreign keys stay checked throughout.
 */
export async function copySqliteToServer(
  sqlite: Database.Database,
  client: pg.ClientBase,
  tables: Map<string, string[]>,
): Promise<void> {
  for (const table of tables.keys()) {
    await client.query(`ALTER TABLE ${quote(table)} DISABLE TRIGGER USER`);
  }
  for (const [table, columns] of tables) {
    const select = sqlite.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}`);
    const perBatch = Math.max(1, Math.floor(BATCH_PARAMS / columns.length));
    let batch: unknown[][] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const values = batch
        .map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
        .join(', ');
      await client.query(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${values}`,
        batch.flat(),
      );
      batch = [];
    };
    for (const row of select.iterate() as Iterable<Row>) {
      batch.push(columns.map((c) => row[c] ?? null));
      if (batch.length >= perBatch) await flush();
    }
    await flush();
  }
  // The search index, as the words each patient's terms hold.
  const terms = sqlite
    .prepare('SELECT rowid AS seq, terms FROM patient_search')
    .iterate() as Iterable<{ seq: number; terms: string }>;
  let words: [string, number][] = [];
  const flushWords = async () => {
    if (words.length === 0) return;
    await client.query(
      `INSERT INTO patient_search_word (word, patient_seq)
       SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT DO NOTHING`,
      [words.map((w) => w[0]), words.map((w) => w[1])],
    );
    words = [];
  };
  for (const { seq, terms: text } of terms) {
    for (const word of new Set(text.split(' ').filter((w) => w !== ''))) words.push([word, seq]);
    if (words.length >= 10_000) await flushWords();
  }
  await flushWords();
  for (const table of tables.keys()) {
    await client.query(`ALTER TABLE ${quote(table)} ENABLE TRIGGER USER`);
  }
  // Identity columns continue after the copied rows, not at 1.
  const identities = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND is_identity = 'YES'`,
  );
  for (const { table_name: t, column_name: c } of identities.rows) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quote(c)}), 0) + 1, false)
       FROM ${quote(t)}`,
      [quote(t), c],
    );
  }
}

/**
 * Copies a server record into a new SQLite file of the same schema version (opened and migrated
 * by the caller), inside one read-only snapshot of the server. Triggers of the SQLite file are
 * dropped for the copy and made again, in the same transaction.
 */
export async function copyServerToSqlite(
  client: pg.ClientBase,
  sqlite: Database.Database,
  tables: Map<string, string[]>,
): Promise<void> {
  const triggers = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    for (const t of triggers) sqlite.exec(`DROP TRIGGER ${quote(t.name)}`);
    for (const [table, columns] of tables) {
      const insert = sqlite.prepare(
        `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) ` +
          `VALUES (${columns.map(() => '?').join(', ')})`,
      );
      for await (const row of serverRows(client, table, columns)) {
        insert.run(...columns.map((c) => normalise(row[c])));
      }
    }
    const words = new Map<number, string[]>();
    for await (const row of serverRows(client, 'patient_search_word', ['patient_seq', 'word'])) {
      const seq = Number(row.patient_seq);
      words.set(seq, [...(words.get(seq) ?? []), String(row.word)]);
    }
    const index = sqlite.prepare('INSERT INTO patient_search (rowid, terms) VALUES (?, ?)');
    for (const [seq, list] of words) index.run(seq, list.join(' '));
    for (const t of triggers) sqlite.exec(t.sql);
    sqlite.exec('COMMIT');
  } catch (error) {
    sqlite.exec('ROLLBACK');
    throw error;
  }
}

/** SQLite binds numbers, text, bytes and null; booleans never occur in the schema. */
function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

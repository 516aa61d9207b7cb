import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { OWNER_ROLE, RUNTIME_ROLE, TEMPLATE_DATABASE, postgresBinDir } from './postgres-cluster';

/** Which store the unit tests run on: SQLite unless the PostgreSQL run set it. */
export function testStore(): 'sqlite' | 'postgres' {
  return process.env.MESOCHART_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestDatabase {
  /** The runtime role's URL (rows only), as a workstation connects. */
  url: string;
  /** The schema owner's URL, as the admin tool migrates. */
  ownerUrl: string;
  drop(): Promise<void>;
}

function superUrl(): string {
  const url = process.env.MESOCHART_TEST_PG_SUPER_URL;
  if (!url) {
    throw new Error(
      'MESOCHART_TEST_STORE=postgres needs the cluster of tests/support/postgres-setup.ts: run ' +
        'the PostgreSQL suites with `npm run test:unit:postgres`.',
    );
  }
  return url;
}

async function asSuperuser<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: superUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database copied from the run's template. */
export async function freshDatabase(): Promise<TestDatabase> {
  const name = `mesochart_t_${randomBytes(6).toString('hex')}`;
  await asSuperuser((c) =>
    c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE} OWNER ${OWNER_ROLE}`),
  );
  const at = (role: string) => {
    const url = new URL(superUrl());
    url.username = role;
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    url: at(RUNTIME_ROLE),
    ownerUrl: at(OWNER_ROLE),
    drop: async () => {
      await asSuperuser((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * Rows of a query, read synchronously (psql in a child process): for tests that compare the
 * whole record before and after a call with a synchronous helper. Slow; tests only.
 */
export function queryRowsSync(url: string, sql: string): Record<string, unknown>[] {
  const out = execFileSync(
    path.join(postgresBinDir(), 'psql'),
    [
      '-X',
      '-q',
      '-A',
      '-t',
      '-v',
      'ON_ERROR_STOP=1',
      '-d',
      url,
      '-c',
      `SELECT coalesce(json_agg(q), '[]') FROM (${sql}) q`,
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  return JSON.parse(out) as Record<string, unknown>[];
}

/**
 * Runs one statement as the test clinic's runtime role, for tests of what the database itself
 * refuses; resolves to the rows, rejects with the database's error.
 */
export async function runAsWorkstation(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

// Audit events of reads are written by the audit queue on its own timer (and psql is slow enough
// for it to fire between two snapshots): they and the head they move are no change of the call
// under test.
const SNAPSHOT_FILTER: Record<string, string> = {
  audit_event: "WHERE action <> 'read'",
  audit_head: 'WHERE false',
};

/** Every row of every table of a PostgreSQL test database, as `snapshot` compares them. */
export function snapshotDatabase(url: string): string {
  const tables = queryRowsSync(
    url,
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' " +
      "AND table_type = 'BASE TABLE' ORDER BY table_name",
  ).map((r) => String(r.name));
  // One psql for all the tables: a child process each made a snapshot take seconds.
  const all = tables
    .map(
      (name, i) =>
        `SELECT ${i} AS i, '${name}' AS name, (SELECT coalesce(json_agg(q), '[]') FROM ` +
        `(SELECT * FROM "${name}" ${SNAPSHOT_FILTER[name] ?? ''} ORDER BY 1) q) AS rows`,
    )
    .join(' UNION ALL ');
  const rows = queryRowsSync(url, `SELECT * FROM (${all}) t ORDER BY i`);
  return JSON.stringify(rows.map((r) => [r.name, r.rows]));
}

type SqlValue = string | number | bigint | boolean | null | undefined | Buffer;

function literal(value: SqlValue): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Buffer.isBuffer(value)) return `'\\x${value.toString('hex')}'::bytea`;
  return `'${value.replace(/'/g, "''")}'`;
}

/** SQLite's `?` placeholders filled in as PostgreSQL literals (outside quoted text only). */
function inline(sql: string, params: SqlValue[]): string {
  let i = 0;
  let quoted = false;
  let out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? literal(params[i++]) : ch;
  }
  return out;
}

/**
 * What tests read and write directly on a PostgreSQL test database, in the shape of the
 * better-sqlite3 statements they use on SQLite (prepare → get / all / run, `?` placeholders), so a
 * test that arranges a row or reads one back runs on both stores. Synchronous through psql; slow,
 * tests only.
 */
export function postgresStatements(url: string) {
  return {
    prepare(sql: string) {
      const reads = /^\s*(SELECT|WITH)\b/i.test(sql);
      return {
        all: (...params: SqlValue[]) => queryRowsSync(url, inline(sql, params)),
        get: (...params: SqlValue[]) => queryRowsSync(url, inline(sql, params))[0],
        run: (...params: SqlValue[]) => {
          if (reads) return { changes: queryRowsSync(url, inline(sql, params)).length };
          // The rows a write touched, counted as better-sqlite3's `changes`.
          // (A data-modifying WITH must be the statement itself, not inside queryRowsSync's.)
          const write = inline(sql, params).replace(/;\s*$/, '');
          const out = execFileSync(
            path.join(postgresBinDir(), 'psql'),
            [
              '-X',
              '-q',
              '-A',
              '-t',
              '-v',
              'ON_ERROR_STOP=1',
              '-d',
              url,
              '-c',
              `WITH changed AS (${write} RETURNING 1) SELECT count(*) FROM changed`,
            ],
            { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
          );
          return { changes: Number(out.trim()) };
        },
      };
    },
  };
}

/**
 * Mesochart's own triggers switched off on every table, as the schema owner can: what someone
 * holding the server's owner role could do to edit a row behind the audit chain's back.
 */
export function disableTriggers(ownerUrl: string): void {
  execFileSync(
    path.join(postgresBinDir(), 'psql'),
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-d',
      ownerUrl,
      '-c',
      `DO $$ DECLARE t record; BEGIN
         FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
           EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', t.tablename);
         END LOOP;
       END $$`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

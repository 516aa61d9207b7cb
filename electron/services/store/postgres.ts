import pg from 'pg';
import { Kysely } from 'kysely';
import type Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations/index';
import { postgresSql } from './migrations/postgres';
import { DatabaseTooNewError, type Store } from './database';
import type { StoreSchema } from './schema';
import {
  guardedDialect,
  isUnreachable,
  ServerUnreachableError,
  type ServerHealth,
} from './server-guard';
import { postgresRelay } from './change-relay';

/** The server's schema is older than this version and the role connecting may not upgrade it. */
export class ServerSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerSchemaError';
  }
}

export interface PostgresOptions {
  /** The role the app runs as: reads and writes rows, never changes the schema. */
  url: string;
  /**
   * The schema owner's connection, used only to migrate (and to grant the runtime role its
   * rows). Without it the runtime connection must find the schema already up to date.
   */
  ownerUrl?: string | undefined;
  /** Connections per service instance. */
  poolSize?: number;
}

/**
 * bigint (count(*), sums) and numeric come back as numbers, as SQLite gives them: every integer
 * the record holds is far below 2^53.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return Number;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** How long connecting may take before the server counts as out of reach. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** A connected client, or ServerUnreachableError when the server cannot be reached. */
async function connectClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // Errors after connecting reach the query that is waiting; this keeps them from ending the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw isUnreachable(error) ? new ServerUnreachableError(error) : error;
  }
  return client;
}

// Taken inside the migrating transaction: two workstations starting at once migrate one by one.
const MIGRATION_LOCK = 0x4d455343;

async function readVersion(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ t: string | null }>(
    "SELECT to_regclass('schema_version')::text AS t",
  );
  if (!table.rows[0]?.t) return 0;
  const row = await client.query<{ version: number }>('SELECT version FROM schema_version');
  return row.rows[0]?.version ?? 0;
}

function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** Brings the schema to the latest version in one transaction; returns the version found. */
export async function migratePostgres(ownerUrl: string, runtimeRole?: string): Promise<number> {
  const client = await connectClient(ownerUrl);
  try {
    const found = await readVersion(client);
    if (found > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(found, LATEST_SCHEMA_VERSION);
    if (found === LATEST_SCHEMA_VERSION) return found;
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), ' +
          'version INTEGER NOT NULL)',
      );
      const from = await readVersion(client);
      const pending = migrations
        .filter((m) => m.version > from)
        .sort((a, b) => a.version - b.version);
      for (const step of pending) {
        const sql = postgresSql(step);
        if (sql === undefined) {
          throw new Error(`Migration ${step.version} (${step.name}) has no PostgreSQL variant`);
        }
        await client.query(sql);
        await client.query(
          'INSERT INTO schema_version (id, version) VALUES (1, $1) ' +
            'ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version',
          [step.version],
        );
      }
      if (runtimeRole && runtimeRole !== roleOf(ownerUrl)) {
        // Rows only: no TRUNCATE, no DDL, no triggers to switch off (only the owner can).
        const role = client.escapeIdentifier(runtimeRole);
        await client.query(
          `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
        );
        await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
        await client.query(`REVOKE INSERT, UPDATE, DELETE ON schema_version FROM ${role}`);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    return found;
  } finally {
    await client.end();
  }
}

function notHere(): never {
  throw new Error('This clinic keeps its record on a PostgreSQL server, not in a SQLite file');
}

/**
 * The clinic server's store: Kysely's PostgreSQL dialect over a pg pool, with the same schema
 * types and the same `Store` shape as the embedded one. Each transaction holds one pooled
 * connection from BEGIN to COMMIT; concurrent writers are serialised where the record needs it
 * (see `serialise`), everything else runs side by side.
 */
export async function openPostgresStore(options: PostgresOptions): Promise<Store> {
  let migratedFrom: number;
  if (options.ownerUrl) {
    migratedFrom = await migratePostgres(options.ownerUrl, roleOf(options.url));
  } else {
    const client = await connectClient(options.url);
    try {
      migratedFrom = await readVersion(client);
    } finally {
      await client.end();
    }
    if (migratedFrom > LATEST_SCHEMA_VERSION) {
      throw new DatabaseTooNewError(migratedFrom, LATEST_SCHEMA_VERSION);
    }
    if (migratedFrom < LATEST_SCHEMA_VERSION) {
      throw new ServerSchemaError(
        `The clinic server's database is at data version ${migratedFrom}; this version of ` +
          `Mesochart needs ${LATEST_SCHEMA_VERSION}. Upgrade it with the owner role ` +
          '(npm run admin -- migrate-server); the data has not been changed.',
      );
    }
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 8,
    types,
    // A server switched off mid-connect must not hang a call: it fails as unreachable instead.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  // An idle pooled connection the server ended (a restart) is dropped by the pool; unheard, the
  // error would end the process.
  pool.on('error', () => undefined);
  // A checked-out connection the server ended between two queries of a transaction reports it
  // here as well as to the next query (which fails as unreachable); unheard, it would end the
  // process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const server: ServerHealth = { reachable: true };
  const db = new Kysely<StoreSchema>({ dialect: guardedDialect(pool, server) });
  return {
    dialect: 'postgres',
    get sqlite(): Database.Database {
      return notHere();
    },
    migratedFrom,
    db,
    transaction: (fn) => db.transaction().execute(fn),
    snapshotTo: () => Promise.reject(new Error('Backups of a clinic server are not built yet')),
    close: () => db.destroy(),
    server,
    relay: postgresRelay(pool, options.url),
  };
}

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { verifyAudit } from '../audit/audit-log';
import type { Refusal } from '../core/errors';
import { directoryBlobStore, type BlobStore } from '../vault/blob-store';
import { looksSealed } from '../vault/file-cipher';
import { plainVault, sealedVault } from '../vault/file-vault';
import { connectStore } from './connection';
import { applyKey, DatabaseKeyError, openOptions, Sqlite } from './encryption';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { migratePostgres } from './postgres';
import type { StoreSchema } from './schema';
import { withStatementCache } from './statement-cache';
import {
  commonTables,
  copySqliteToServer,
  differingTables,
  fingerprintServer,
  fingerprintSqlite,
  pgClient,
  pgTypes,
  type TableFingerprint,
} from './copy-records';

/** A move that was refused or did not verify; the server's database is left as it was. */
export class ServerMoveError extends Error {
  /**
   * The message is English, for the log and the command line; `text` names it in the catalogue
   * so the move screen says it in its reader's language.
   */
  constructor(
    message: string,
    readonly text: Refusal,
  ) {
    super(message);
    this.name = 'ServerMoveError';
  }
}

export interface ServerMoveOptions {
  /** The single-computer clinic's data folder (its mesochart.sqlite, photos and documents). */
  dataDir: string;
  /** The clinic's data key (opens its database and its sealed files); none for a plain one. */
  dataKey?: Buffer | undefined;
  /** The audit chain's key: the server clinic keeps the same chain under the same key. */
  auditKey: Buffer;
  /** The server's schema owner (migrates, copies). */
  ownerUrl: string;
  /** The role the workstations use, granted its rows; defaults to the owner. */
  runtimeRole?: string | undefined;
  nativeBinding?: string | undefined;
  /** Told as each stage begins, for a screen's progress. */
  onStep?: ((step: ServerMoveStep) => void) | undefined;
}

/** The move's stages: the original's audit chain, the copy, its checks, the server's chain. */
export type ServerMoveStep = 'source' | 'copy' | 'verify' | 'audit';

export interface ServerMoveReport {
  tables: TableFingerprint[];
  files: number;
  fileBytes: number;
  auditEvents: number;
}

const DATABASE_FILE = 'mesochart.sqlite';

/** The source record read-only: nothing in the folder is written, its schema already current. */
function openSource(options: ServerMoveOptions): Database.Database {
  const file = path.join(options.dataDir, DATABASE_FILE);
  if (!existsSync(file))
    throw new ServerMoveError(`No Mesochart data in ${options.dataDir}.`, {
      key: 'errors.clinic.move.noData',
      params: { folder: options.dataDir },
    });
  const sqlite = new Sqlite(file, {
    ...openOptions(options.nativeBinding),
    readonly: true,
    fileMustExist: true,
  });
  try {
    if (options.dataKey) applyKey(sqlite, options.dataKey);
    let version: number;
    try {
      version = sqlite.pragma('user_version', { simple: true }) as number;
    } catch {
      throw new DatabaseKeyError();
    }
    if (version !== LATEST_SCHEMA_VERSION) {
      throw new ServerMoveError(
        `This clinic's data is at version ${version}; this Mesochart moves version ` +
          `${LATEST_SCHEMA_VERSION}. Open the clinic once with this version first (it upgrades ` +
          'the data), then move it.',
        {
          key: 'errors.clinic.move.oldVersion',
          params: { version, latest: LATEST_SCHEMA_VERSION },
        },
      );
    }
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return sqlite;
}

/** The stored files the record names: each photo's three and each archived PDF. */
function namedFiles(sqlite: Database.Database): { key: string; sha256: string | null }[] {
  const photos = sqlite
    .prepare('SELECT DISTINCT sha256, original_path, thumbnail_path, preview_path FROM photo')
    .all() as Record<string, string>[];
  const documents = sqlite.prepare('SELECT DISTINCT file_path, sha256 FROM document').all() as {
    file_path: string;
    sha256: string;
  }[];
  const out = new Map<string, string | null>();
  for (const p of photos) {
    out.set(`photos/${p.original_path}`, p.sha256 ?? null);
    out.set(`photos/${p.thumbnail_path}`, out.get(`photos/${p.thumbnail_path}`) ?? null);
    out.set(`photos/${p.preview_path}`, out.get(`photos/${p.preview_path}`) ?? null);
  }
  for (const d of documents) out.set(`documents/${d.file_path}`, d.sha256);
  return [...out].map(([key, sha256]) => ({ key, sha256 }));
}

/** Blobs read through the copying transaction, so the files are checked before COMMIT. */
function blobsIn(client: pg.ClientBase): BlobStore {
  const get = async (key: string) =>
    (await client.query<{ bytes: Buffer }>('SELECT bytes FROM file_blob WHERE key = $1', [key]))
      .rows[0]?.bytes ?? null;
  return {
    get,
    has: async (key) => (await get(key)) !== null,
    put: () => Promise.reject(new Error('read only')),
    remove: () => Promise.reject(new Error('read only')),
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function auditOf(db: Kysely<StoreSchema>, key: Buffer, where: string): Promise<number> {
  const result = await verifyAudit(db, key);
  if (!result.ok) {
    throw new ServerMoveError(
      `The audit chain of ${where} does not verify (event ${result.firstBroken ?? '?'}: ` +
        `${result.reason ?? 'broken'}).`,
      { key: 'errors.clinic.move.auditBroken', params: { event: result.firstBroken ?? '?' } },
    );
  }
  return result.checked;
}

async function serverIsEmpty(client: pg.ClientBase, tables: Iterable<string>): Promise<boolean> {
  for (const table of [...tables, 'file_blob', 'patient_search_word']) {
    const found = await client.query(`SELECT 1 FROM "${table}" LIMIT 1`);
    if (found.rows.length > 0) return false;
  }
  return true;
}

/**
 * Copies a single-computer clinic into an empty server database: every table's rows, the search
 * words, and the stored files as the same sealed bytes under the same keys. Checked before the
 * copy is committed: every table's row count and content hash against the original, every file
 * opened under the clinic's key (originals and PDFs against the hash their record holds); and
 * after: the audit chain walked on the server. The original folder is opened read-only.
 */
export async function moveToServer(options: ServerMoveOptions): Promise<ServerMoveReport> {
  const step = options.onStep ?? (() => undefined);
  step('source');
  const sqlite = openSource(options);
  try {
    const local = connectStore(sqlite, withStatementCache(sqlite)).db;
    const sourceEvents = await auditOf(local, options.auditKey, 'this clinic');
    await migratePostgres(options.ownerUrl, options.runtimeRole);
    const client = await pgClient(options.ownerUrl);
    let report: ServerMoveReport;
    try {
      await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      try {
        const tables = await commonTables(client, sqlite);
        if (!(await serverIsEmpty(client, tables.keys()))) {
          throw new ServerMoveError(
            'The server database already holds records; a clinic is moved into an empty one.',
            { key: 'errors.clinic.move.serverNotEmpty' },
          );
        }
        // One read of the original for the rows, the fingerprints and the files.
        sqlite.exec('BEGIN');
        step('copy');
        const before = fingerprintSqlite(sqlite, tables);
        await copySqliteToServer(sqlite, client, tables);
        step('verify');
        const files = await copyFiles(sqlite, client, options);
        sqlite.exec('COMMIT');
        const after = await fingerprintServer(client, tables);
        const differing = differingTables(before, after);
        if (differing.length > 0) {
          throw new ServerMoveError(
            `The copy does not match the original (${differing.join(', ')}); nothing was kept.`,
            { key: 'errors.clinic.move.copyDiffers', params: { tables: differing.join(', ') } },
          );
        }
        await client.query('COMMIT');
        // Planner statistics for what was just loaded in bulk: until autovacuum comes round, a
        // large clinic's first searches would be planned on an empty table's guesses.
        await client.query('ANALYZE');
        report = { tables: after, ...files, auditEvents: 0 };
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await client.end();
    }
    step('audit');
    const pool = new pg.Pool({ connectionString: options.ownerUrl, max: 1, types: pgTypes });
    const server = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
    try {
      report.auditEvents = await auditOf(server, options.auditKey, 'the server copy');
    } finally {
      await server.destroy();
    }
    if (report.auditEvents !== sourceEvents) {
      throw new ServerMoveError(
        `The server holds ${report.auditEvents} audit events; the clinic ${sourceEvents}.`,
        {
          key: 'errors.clinic.move.auditCount',
          params: { server: report.auditEvents, clinic: sourceEvents },
        },
      );
    }
    return report;
  } finally {
    sqlite.close();
  }
}

async function copyFiles(
  sqlite: Database.Database,
  client: pg.ClientBase,
  options: ServerMoveOptions,
): Promise<{ files: number; fileBytes: number }> {
  const folder = directoryBlobStore(options.dataDir);
  const named = namedFiles(sqlite);
  const missing: string[] = [];
  let fileBytes = 0;
  const now = new Date().toISOString();
  for (const { key } of named) {
    const bytes = await folder.get(key);
    if (!bytes) {
      missing.push(key);
      continue;
    }
    await client.query(
      'INSERT INTO file_blob (key, bytes, size, stored_at) VALUES ($1, $2, $3, $4)',
      [key, bytes, bytes.length, now],
    );
    fileBytes += bytes.length;
  }
  if (missing.length > 0) {
    throw new ServerMoveError(
      `${missing.length} stored files the record names are missing from the data folder; ` +
        'restore them (or the folder from a backup) before moving the clinic.',
      { key: 'errors.clinic.move.filesMissing', params: { missing: missing.length } },
    );
  }
  // Read back through the server: each file opens under the clinic's key, and each original
  // and PDF is the content its record was saved with.
  const server = blobsIn(client);
  const vault = options.dataKey
    ? sealedVault(options.dataDir, options.dataKey, server)
    : plainVault(options.dataDir, server);
  for (const { key, sha256: expected } of named) {
    const stored = await server.get(key);
    const plain =
      stored && !looksSealed(stored) && vault.sealed
        ? stored
        : await vault.read(key).catch(() => null);
    if (!plain || (expected !== null && sha256(plain) !== expected)) {
      throw new ServerMoveError(
        'A stored file does not read back as the record saved it; nothing was kept.',
        { key: 'errors.clinic.move.fileUnreadable' },
      );
    }
  }
  return { files: named.length, fileBytes };
}

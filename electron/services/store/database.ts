import type Database from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations/index';
import { connectStore } from './connection';
import { withStatementCache } from './statement-cache';
import type { Db } from './db';
import type { StoreDialect } from './dialect';
import type { ChangeRelay } from './change-relay';
import type { ServerHealth } from './server-guard';
import {
  DatabaseKeyError,
  Sqlite,
  applyKey,
  decryptCopy,
  encryptInPlace,
  isPlainDatabase,
  openOptions,
  protectFile,
} from './encryption';

/** A database written by a newer Mesochart: we must not touch it, or we could corrupt it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This data was written by a newer version of Mesochart (data version ${found}; this ` +
        `version understands up to ${supported}). Install the newer version to open it; the ` +
        `data has not been changed.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export { DatabaseKeyError } from './encryption';

export class SqliteTooOldError extends Error {
  constructor(readonly found: string) {
    super(`SQLite ${found} is too old for Mesochart; 3.37 or newer is needed.`);
    this.name = 'SqliteTooOldError';
  }
}

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string;
  /**
   * The 256-bit data key: the file is encrypted with it (an unencrypted file is encrypted in
   * place first). Without one the file stays unencrypted (tools, older tests).
   */
  key?: Buffer;
}

export interface Store {
  /** Which database the record is on; the store layer's helpers choose their SQL by it. */
  dialect: StoreDialect;
  /** The embedded file's connection (SQLite only: a server store throws on reading it). */
  sqlite: Database.Database;
  /** The schema version found on opening, before pending migrations ran (0 for a new file). */
  migratedFrom: number;
  db: Db;
  /** Runs `fn` in one transaction, holding the connection throughout; rolls back if it throws. */
  transaction<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  /** Writes an unencrypted, consistent copy of the database to a new file (for a backup). */
  snapshotTo(file: string): Promise<void>;
  close(): Promise<void>;
  /** A clinic server's: whether the last round trip reached it (absent for the SQLite file). */
  server?: ServerHealth;
  /** A clinic server's: the other workstations' changes, heard and told (see change-relay). */
  relay?: ChangeRelay;
}

/** The first read: where a wrong key (or none, for an encrypted file) shows. */
function readVersion(sqlite: Database.Database): number {
  try {
    return sqlite.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseKeyError();
    throw error;
  }
}

function versionAtLeast(found: string, want: [number, number]): boolean {
  const [major = 0, minor = 0] = found.split('.').map(Number);
  return major > want[0] || (major === want[0] && minor >= want[1]);
}

/** Opens (creating if needed) and migrates the store. The only place the database is opened. */
export function openStore(file: string, options: OpenOptions = {}): Store {
  const { key, nativeBinding } = options;
  protectFile(file);
  if (key && isPlainDatabase(file)) encryptInPlace(file, key, nativeBinding);
  const sqlite = new Sqlite(file, openOptions(nativeBinding));
  let migratedFrom = 0;
  try {
    if (key) applyKey(sqlite, key);
    // Read the version before any pragma that writes, so a newer database stays byte-identical.
    const version = readVersion(sqlite);
    if (version > LATEST_SCHEMA_VERSION)
      throw new DatabaseTooNewError(version, LATEST_SCHEMA_VERSION);
    const sqliteVersion = (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    // STRICT tables need 3.37.
    if (!versionAtLeast(sqliteVersion, [3, 37])) throw new SqliteTooOldError(sqliteVersion);

    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    migrate(sqlite, version);
    migratedFrom = version;
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const { db, transaction, exclusive } = connectStore(sqlite, withStatementCache(sqlite));
  return {
    dialect: 'sqlite',
    sqlite,
    migratedFrom,
    db,
    transaction,
    snapshotTo: async (target) => {
      // Created 0600 and empty first: SQLite writes into it with that protection.
      closeSync(openSync(target, 'wx', 0o600));
      if (!key) {
        await sqlite.backup(target);
        return;
      }
      // The backup API cannot copy between an encrypted and a plain file; VACUUM INTO can, as a
      // copy under the same key, but not inside a transaction: it waits for the connection.
      await exclusive(() => sqlite.prepare('VACUUM INTO ?').run(target));
      decryptCopy(target, key, nativeBinding);
    },
    close: async () => {
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}

/** Applies every pending step in one transaction: a failure leaves the old schema intact. */
function migrate(sqlite: Database.Database, from: number): void {
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  sqlite
    .transaction(() => {
      for (const step of pending) {
        sqlite.exec(step.sql);
        sqlite.pragma(`user_version = ${step.version}`);
      }
    })
    .immediate();
}

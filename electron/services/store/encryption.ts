import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { chmodSync, fsyncSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import MultipleCiphers from 'better-sqlite3-multiple-ciphers';

/**
 * SQLCipher-compatible encryption of the embedded store (better-sqlite3-multiple-ciphers keeps
 * better-sqlite3's API, so Kysely and the statement cache run on it unchanged). The data key is a
 * random 256-bit key given as raw bytes: no passphrase derivation on each open.
 */
export const Sqlite = MultipleCiphers as unknown as typeof Database;

export const DATA_KEY_BYTES = 32;
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The database could not be opened with the key given (wrong key, or none for an encrypted file). */
export class DatabaseKeyError extends Error {
  constructor() {
    super(
      'The clinic database could not be opened: the key is not the one it was encrypted with. ' +
        'Nothing has been changed.',
    );
    this.name = 'DatabaseKeyError';
  }
}

export function openOptions(nativeBinding?: string): Database.Options {
  return nativeBinding ? { nativeBinding } : {};
}

/** Sets the key on a connection just opened, before its first read. */
export function applyKey(sqlite: Database.Database, key: Buffer): void {
  if (key.length !== DATA_KEY_BYTES) throw new Error('The database key must be 32 bytes');
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** True for a file that holds an unencrypted SQLite database (its plain header). */
export function isPlainDatabase(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < PLAIN_HEADER.length) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length);
    readSync(fd, head, 0, head.length, 0);
    return head.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Creates the database file readable by its owner only (SQLite gives its WAL the same mode). */
export function protectFile(file: string): void {
  if (existsSync(file)) chmodSync(file, 0o600);
  else closeSync(openSync(file, 'wx', 0o600));
}

function tableCounts(sqlite: Database.Database): string {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [
      name,
      (sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
    ]),
  );
}

/**
 * Encrypts an unencrypted database in place: a copy is made beside it and encrypted, then checked
 * (integrity, schema version, rows of every table) against the original, and only then renamed
 * over it. A failure or a crash before the rename leaves the original as it was; the copy is
 * removed on the next attempt.
 */
export function encryptInPlace(file: string, key: Buffer, nativeBinding?: string): void {
  const work = `${file}.encrypting`;
  rmSync(work, { force: true });
  rmSync(`${work}-journal`, { force: true });
  const plain = new Sqlite(file, openOptions(nativeBinding));
  let expected: { version: number; counts: string };
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    expected = {
      version: plain.pragma('user_version', { simple: true }) as number,
      counts: tableCounts(plain),
    };
    closeSync(openSync(work, 'wx', 0o600));
    plain.prepare('VACUUM INTO ?').run(work);
  } finally {
    plain.close();
  }
  try {
    const copy = new Sqlite(work, openOptions(nativeBinding));
    try {
      copy.pragma('journal_mode = DELETE');
      copy.pragma("cipher = 'sqlcipher'");
      copy.pragma('legacy = 4');
      copy.pragma(`rekey = "x'${key.toString('hex')}'"`);
    } finally {
      copy.close();
    }
    if (isPlainDatabase(work)) throw new Error('the copy was not encrypted');
    const check = new Sqlite(work, openOptions(nativeBinding));
    try {
      applyKey(check, key);
      const integrity = check.pragma('integrity_check', { simple: true });
      const version = check.pragma('user_version', { simple: true }) as number;
      if (
        integrity !== 'ok' ||
        version !== expected.version ||
        tableCounts(check) !== expected.counts
      ) {
        throw new Error('the encrypted copy does not match the original');
      }
    } finally {
      check.close();
    }
    // The original's WAL was emptied by the checkpoint; its files go with it.
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    renameSync(work, file);
    const dir = openSync(path.dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch (error) {
    rmSync(work, { force: true });
    throw error;
  }
}

/**
 * A plaintext copy of an encrypted database, for a backup (whose archive is encrypted with the
 * backup passphrase, so it can be restored where this key is lost). `copy` runs VACUUM INTO on
 * the live connection; the copy comes out encrypted with the same key and is then decrypted.
 */
export function decryptCopy(file: string, key: Buffer, nativeBinding?: string): void {
  const copy = new Sqlite(file, openOptions(nativeBinding));
  try {
    applyKey(copy, key);
    copy.pragma('journal_mode = DELETE');
    copy.pragma("rekey = ''");
  } finally {
    copy.close();
  }
}

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Sqlite, applyKey, isPlainDatabase } from '../store/encryption';

/**
 * What a data folder without a key file holds, to decide whether keys may be made for it: none
 * (a new clinic), an unencrypted database from before encryption (encrypted in place once the
 * keys exist), or an encrypted one, whose keys are lost and must never be replaced.
 */
export type DataFolderState = 'none' | 'plain' | 'plain-with-audit-log' | 'encrypted';

export function dataFolderState(
  dataDir: string,
  databaseFile: string,
  nativeBinding?: string,
): DataFolderState {
  const file = path.join(dataDir, databaseFile);
  if (!existsSync(file) || statSync(file).size === 0) return 'none';
  if (!isPlainDatabase(file)) return 'encrypted';
  const sqlite = new Sqlite(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const table = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_head'")
      .get();
    const head = table ? sqlite.prepare('SELECT 1 FROM audit_head LIMIT 1').get() : undefined;
    return head ? 'plain-with-audit-log' : 'plain';
  } finally {
    sqlite.close();
  }
}

/**
 * What this computer's own record holds, read only, for a workstation waiting on its server:
 * none (no database file), empty (never set up: the record made at the first run, before the
 * computer was connected), a set-up clinic (from before it worked on the server), or unknown
 * (it could not be read here). It is never opened for writing.
 */
export function localRecord(
  dataDir: string,
  databaseFile: string,
  key: Buffer,
  nativeBinding?: string,
): 'none' | 'empty' | 'clinic' | 'unknown' {
  const file = path.join(dataDir, databaseFile);
  if (!existsSync(file) || statSync(file).size === 0) return 'none';
  try {
    const sqlite = new Sqlite(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    try {
      if (!isPlainDatabase(file)) applyKey(sqlite, key);
      const table = sqlite
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'setting'")
        .get();
      const clinic = table
        ? sqlite.prepare("SELECT 1 FROM setting WHERE key = 'clinic'").get()
        : undefined;
      return clinic ? 'clinic' : 'empty';
    } finally {
      sqlite.close();
    }
  } catch {
    return 'unknown';
  }
}

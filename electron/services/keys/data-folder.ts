import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Sqlite, isPlainDatabase } from '../store/encryption';

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

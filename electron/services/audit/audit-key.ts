import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sealLegacyHead } from './audit-log';
import type { Store } from '../store/database';

export const AUDIT_KEY_FILE = 'audit.key';
const KEY_BYTES = 32;

/** The audit key is missing or damaged: the app refuses to start rather than guess. */
export class AuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

/** Exactly 64 hex digits (a trailing newline allowed); anything else is refused, never shortened. */
export function parseAuditKey(text: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new AuditKeyError(
      `The audit key (${AUDIT_KEY_FILE} in the data folder) is damaged: it must be ` +
        `${KEY_BYTES * 2} hexadecimal digits. Restore it from a backup; the data has not been changed.`,
    );
  }
  return Buffer.from(hex, 'hex');
}

/**
 * The audit chain's key lives beside the database, never inside it. It is made once, for a new
 * data folder; if it disappears from a folder whose database already holds a chain, a new key
 * would make every earlier event look forged (or let whoever deleted it start a fresh, "intact"
 * chain), so the app refuses to open instead. `hasChain` says whether the database holds one.
 */
export function loadAuditKey(dataDir: string, hasChain: () => boolean): Buffer {
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  if (existsSync(file)) return parseAuditKey(readFileSync(file, 'utf8'));
  if (hasChain()) {
    throw new AuditKeyError(
      `The audit key (${AUDIT_KEY_FILE}) is missing from the data folder, but the database ` +
        `holds an audit log signed with it. Restore the key from a backup; Mesochart will not ` +
        `replace it, because a new key cannot prove the earlier record.`,
    );
  }
  const key = randomBytes(KEY_BYTES);
  // 'wx' fails if another process created it meanwhile, rather than overwriting its key.
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, key.toString('hex'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return key;
}

/**
 * For tools that open a data folder's database outside the app (a restore's check, the admin
 * tool): if opening it ran the step that seals the audit head, seal it with the folder's key now.
 */
export function sealHeadWithFolderKey(
  store: Pick<Store, 'sqlite' | 'migratedFrom'>,
  dataDir: string,
): void {
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  if (existsSync(file)) sealLegacyHead(store, parseAuditKey(readFileSync(file, 'utf8')));
}

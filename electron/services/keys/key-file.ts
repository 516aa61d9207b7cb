import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync } from 'node:fs';
import { rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_KDF,
  deriveKeys,
  kdfWithinBounds,
  type KdfParams,
} from '../backup/archive/encrypted-file';
import type { SecretStore } from '../core/context';
import { AUDIT_KEY_BYTES, DATA_KEY_BYTES, checkKeys, type ClinicKeys } from './clinic-keys';
import { KeyError } from './key-errors';

/**
 * The key file (`mesochart.keys` in the data folder) holds the data key and the audit key, never
 * in clear: each "slot" wraps the same 64 bytes for one way of opening them.
 *   keychain    sealed by the operating system's keychain (Electron safeStorage);
 *   passphrase  AES-256-GCM under scrypt(clinic passphrase), where no keychain exists;
 *   recovery    AES-256-GCM under scrypt(recovery key), for a new computer.
 * A file has the keychain or the passphrase slot, and the recovery slot. `check` (an HMAC under
 * the data key) tells a keychain that returned other bytes from the right keys.
 */
export const KEY_FILE = 'mesochart.keys';
const FORMAT = 1;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEYS_BYTES = DATA_KEY_BYTES + AUDIT_KEY_BYTES;

export interface WrappedSlot {
  kdf: KdfParams;
  salt: string;
  nonce: string;
  box: string;
}

export interface KeyFile {
  format: 1;
  check: string;
  keychain?: string;
  passphrase?: WrappedSlot;
  recovery: WrappedSlot;
}

export type SlotKind = 'passphrase' | 'recovery';

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE);
}

function damaged(what: string): KeyError {
  return new KeyError('damaged', {
    key: 'errors.keys.keyFileDamaged',
    params: { file: KEY_FILE, what },
  });
}

function keyCheck(keys: ClinicKeys): string {
  return createHmac('sha256', keys.dataKey)
    .update('mesochart key check')
    .digest()
    .subarray(0, 16)
    .toString('hex');
}

function joined(keys: ClinicKeys): Buffer {
  return Buffer.concat([checkKeys(keys).dataKey, keys.auditKey]);
}

function split(bytes: Buffer): ClinicKeys {
  if (bytes.length !== KEYS_BYTES) throw damaged('a key has the wrong length');
  return {
    dataKey: Buffer.from(bytes.subarray(0, DATA_KEY_BYTES)),
    auditKey: Buffer.from(bytes.subarray(DATA_KEY_BYTES)),
  };
}

/** Base64 of exactly `bytes` bytes, or the file is damaged. */
function exact(text: unknown, bytes: number, what: string): Buffer {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]+=*$/.test(text)) throw damaged(what);
  const value = Buffer.from(text, 'base64');
  if (value.length !== bytes || value.toString('base64') !== text) throw damaged(what);
  return value;
}

export async function wrapSlot(
  keys: ClinicKeys,
  kind: SlotKind,
  secret: string,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<WrappedSlot> {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const { encryption } = await deriveKeys(secret, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', encryption, nonce);
  cipher.setAAD(Buffer.from(`mesochart-keys/${FORMAT}/${kind}`));
  const box = Buffer.concat([cipher.update(joined(keys)), cipher.final(), cipher.getAuthTag()]);
  return {
    kdf,
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    box: box.toString('base64'),
  };
}

/** The keys in a slot, or null when `secret` is not the one it was wrapped with. */
export async function unwrapSlot(
  slot: WrappedSlot,
  kind: SlotKind,
  secret: string,
): Promise<ClinicKeys | null> {
  const { encryption } = await deriveKeys(secret, Buffer.from(slot.salt, 'base64'), slot.kdf).catch(
    () => {
      throw damaged('its key settings are out of bounds');
    },
  );
  const box = Buffer.from(slot.box, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', encryption, Buffer.from(slot.nonce, 'base64'));
  decipher.setAAD(Buffer.from(`mesochart-keys/${FORMAT}/${kind}`));
  decipher.setAuthTag(box.subarray(KEYS_BYTES));
  try {
    return split(Buffer.concat([decipher.update(box.subarray(0, KEYS_BYTES)), decipher.final()]));
  } catch {
    return null;
  }
}

export function sealForKeychain(keys: ClinicKeys, store: SecretStore): string {
  return store.seal(joined(keys).toString('hex')).toString('base64');
}

/** The keys the keychain gives back, checked against the file; a refusal is typed. */
export function openWithKeychain(file: KeyFile, store: SecretStore): ClinicKeys {
  let text: string;
  try {
    text = store.open(Buffer.from(file.keychain ?? '', 'base64'));
  } catch {
    throw new KeyError('keychain-refused', { key: 'errors.keys.keychainRefused' });
  }
  if (!/^[0-9a-f]{128}$/.test(text))
    throw damaged('the keychain returned a key of the wrong length');
  const keys = split(Buffer.from(text, 'hex'));
  if (keyCheck(keys) !== file.check) throw damaged('the keychain returned other keys');
  return keys;
}

function parseSlot(value: unknown, what: string): WrappedSlot {
  if (typeof value !== 'object' || value === null) throw damaged(what);
  const slot = value as Record<string, unknown>;
  const kdf = slot.kdf as KdfParams | undefined;
  if (
    !kdf ||
    ![kdf.logN, kdf.r, kdf.p].every((n) => Number.isInteger(n)) ||
    !kdfWithinBounds(kdf)
  ) {
    // Capped before any work, as for backups: a crafted file cannot ask for gigabytes.
    throw damaged(`the ${what}'s key settings are out of bounds`);
  }
  exact(slot.salt, SALT_BYTES, what);
  exact(slot.nonce, NONCE_BYTES, what);
  exact(slot.box, KEYS_BYTES + TAG_BYTES, what);
  return {
    kdf: { logN: kdf.logN, r: kdf.r, p: kdf.p },
    salt: slot.salt as string,
    nonce: slot.nonce as string,
    box: slot.box as string,
  };
}

/** Reads and checks the key file's shape and every length; null when there is none. */
export function readKeyFile(dataDir: string): KeyFile | null {
  const file = keyFilePath(dataDir);
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw damaged('it is not readable');
  }
  if (typeof raw !== 'object' || raw === null) throw damaged('it is not readable');
  const value = raw as Record<string, unknown>;
  if (value.format !== FORMAT) throw damaged('an unknown format');
  if (typeof value.check !== 'string' || !/^[0-9a-f]{32}$/.test(value.check)) {
    throw damaged('its check value');
  }
  const hasKeychain = value.keychain !== undefined;
  const hasPassphrase = value.passphrase !== undefined;
  if (hasKeychain === hasPassphrase) throw damaged('it must have one way to open it here');
  if (hasKeychain && (typeof value.keychain !== 'string' || value.keychain === '')) {
    throw damaged('the keychain seal');
  }
  return {
    format: FORMAT,
    check: value.check,
    ...(hasKeychain ? { keychain: value.keychain as string } : {}),
    ...(hasPassphrase ? { passphrase: parseSlot(value.passphrase, 'passphrase slot') } : {}),
    recovery: parseSlot(value.recovery, 'recovery slot'),
  };
}

export function keyFileFor(
  keys: ClinicKeys,
  seal: { keychain: string } | { passphrase: WrappedSlot },
  recovery: WrappedSlot,
): KeyFile {
  return { format: FORMAT, check: keyCheck(keys), ...seal, recovery };
}

/** Whether `keys` are the ones the file holds (after a slot opened them). */
export function matchesFile(file: KeyFile, keys: ClinicKeys): boolean {
  return keyCheck(keys) === file.check;
}

/**
 * Writes the key file: a temp file (0600), synced, then renamed over the old one, so a crash
 * leaves the old file or the new one, never half of either. `replace` false refuses to
 * overwrite one that exists (keys are made once).
 */
export function writeKeyFile(dataDir: string, file: KeyFile, replace: boolean): void {
  const target = keyFilePath(dataDir);
  if (!replace && existsSync(target)) {
    throw new KeyError('exists', { key: 'errors.keys.folderHasKeys' });
  }
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, target);
  const dir = openSync(dataDir, 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

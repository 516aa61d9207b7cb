import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_KDF, type KdfParams } from '../backup/archive/encrypted-file';
import { AUDIT_KEY_FILE, parseAuditKey } from '../audit/audit-key';
import type { SecretStore } from '../core/context';
import { MIN_CLINIC_PASSPHRASE } from '../../../shared/api/keys';
import { AUDIT_KEY_BYTES, DATA_KEY_BYTES, type ClinicKeys } from './clinic-keys';
import { KeyError } from './key-errors';
import {
  keyFileFor,
  matchesFile,
  openWithKeychain,
  readKeyFile,
  sealForKeychain,
  unwrapSlot,
  wrapSlot,
  writeKeyFile,
  type KeyFile,
} from './key-file';
import {
  RecoveryCodeError,
  formatRecoveryCode,
  newRecoveryCode,
  parseRecoveryCode,
} from './recovery-code';

/** How the keys are sealed on this computer. */
export type KeySeal =
  { kind: 'keychain'; store: SecretStore } | { kind: 'passphrase'; passphrase: string };

/** How someone opens them. */
export type KeyUnlock = KeySeal | { kind: 'recovery'; recoveryKey: string };

export type KeyMethod = 'keychain' | 'passphrase';

export function keyMethod(file: KeyFile): KeyMethod {
  return file.keychain !== undefined ? 'keychain' : 'passphrase';
}

function checkPassphrase(passphrase: string): void {
  if (passphrase.length < MIN_CLINIC_PASSPHRASE) {
    throw new KeyError(
      'wrong-passphrase',
      { key: 'errors.keys.passphraseTooShort', params: { min: MIN_CLINIC_PASSPHRASE } },
      'passphrase',
    );
  }
}

async function sealSlot(
  keys: ClinicKeys,
  seal: KeySeal,
  kdf: KdfParams,
): Promise<{ keychain: string } | { passphrase: Awaited<ReturnType<typeof wrapSlot>> }> {
  if (seal.kind === 'keychain') return { keychain: sealForKeychain(keys, seal.store) };
  checkPassphrase(seal.passphrase);
  return { passphrase: await wrapSlot(keys, 'passphrase', seal.passphrase, kdf) };
}

/** The audit key of a folder from before the key file (`audit.key` beside the database). */
export function legacyAuditKey(dataDir: string): Buffer | null {
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  return existsSync(file) ? parseAuditKey(readFileSync(file, 'utf8')) : null;
}

/** Removes `audit.key` once the key file holds it and the data opened with the new keys. */
export function removeLegacyAuditKey(dataDir: string): void {
  rmSync(path.join(dataDir, AUDIT_KEY_FILE), { force: true });
}

/**
 * Makes the clinic's keys once, for a folder without a key file: a random data key, the audit
 * key (a folder from before the key file keeps its own, so its chain still verifies), sealed for
 * this computer and wrapped by a new recovery key, which is returned to be shown once.
 */
export async function createKeys(
  dataDir: string,
  seal: KeySeal,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<{ keys: ClinicKeys; recoveryKey: string }> {
  if (readKeyFile(dataDir)) {
    throw new KeyError('exists', { key: 'errors.keys.folderHasKeys' });
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const keys: ClinicKeys = {
    dataKey: randomBytes(DATA_KEY_BYTES),
    auditKey: legacyAuditKey(dataDir) ?? randomBytes(AUDIT_KEY_BYTES),
  };
  return { keys, recoveryKey: await writeNewKeyFile(dataDir, keys, seal, kdf) };
}

/**
 * Writes the key file of keys made elsewhere (a clinic restored from a backup: a new data key,
 * the backup's audit key), sealed for this computer and wrapped by a new recovery key, which is
 * returned to be shown once. Never over an existing key file.
 */
export async function writeNewKeyFile(
  dataDir: string,
  keys: ClinicKeys,
  seal: KeySeal,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<string> {
  const recoveryKey = newRecoveryCode();
  const file = keyFileFor(
    keys,
    await sealSlot(keys, seal, kdf),
    await wrapSlot(keys, 'recovery', recoveryKey, kdf),
  );
  writeKeyFile(dataDir, file, false);
  return recoveryKey;
}

function requireKeyFile(dataDir: string): KeyFile {
  const file = readKeyFile(dataDir);
  if (!file) {
    throw new KeyError('missing-key-file', { key: 'errors.keys.keyFileMissing' });
  }
  return file;
}

/** Opens the keys of a folder's key file; each refusal is a KeyError and changes nothing. */
export async function openKeys(dataDir: string, unlock: KeyUnlock): Promise<ClinicKeys> {
  const file = requireKeyFile(dataDir);
  switch (unlock.kind) {
    case 'keychain':
      if (!file.keychain) {
        throw new KeyError('wrong-passphrase', { key: 'errors.keys.opensWithPassphrase' });
      }
      return openWithKeychain(file, unlock.store);
    case 'passphrase': {
      if (!file.passphrase) {
        throw new KeyError('no-keychain', { key: 'errors.keys.sealedByKeychain' });
      }
      const keys = await unwrapSlot(file.passphrase, 'passphrase', unlock.passphrase);
      if (!keys || !matchesFile(file, keys)) {
        throw new KeyError(
          'wrong-passphrase',
          { key: 'errors.keys.wrongPassphrase' },
          'passphrase',
        );
      }
      return keys;
    }
    case 'recovery': {
      let printed: string;
      try {
        // The slot was wrapped with the printed form: whatever case, spacing or look-alike
        // letters were typed, the checked code is formatted back to it.
        printed = formatRecoveryCode(parseRecoveryCode(unlock.recoveryKey));
      } catch (error) {
        if (error instanceof RecoveryCodeError) {
          throw new KeyError('wrong-recovery-key', error.message, 'recoveryKey');
        }
        throw error;
      }
      const keys = await unwrapSlot(file.recovery, 'recovery', printed);
      if (!keys || !matchesFile(file, keys)) {
        throw new KeyError(
          'wrong-recovery-key',
          { key: 'errors.keys.wrongRecoveryKey' },
          'recoveryKey',
        );
      }
      return keys;
    }
  }
}

/**
 * Seals the same keys for this computer (after a recovery, or a change of passphrase), keeping
 * the recovery slot: the printed sheet still opens them.
 */
export async function resealKeys(
  dataDir: string,
  keys: ClinicKeys,
  seal: KeySeal,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<void> {
  const file = requireKeyFile(dataDir);
  if (!matchesFile(file, keys))
    throw new KeyError('wrong-key', { key: 'errors.keys.notTheseKeys' });
  writeKeyFile(dataDir, keyFileFor(keys, await sealSlot(keys, seal, kdf), file.recovery), true);
}

/** A new recovery key for the same keys; the old sheet stops working. Returned to be shown once. */
export async function replaceRecoveryKey(
  dataDir: string,
  keys: ClinicKeys,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<string> {
  const file = requireKeyFile(dataDir);
  if (!matchesFile(file, keys))
    throw new KeyError('wrong-key', { key: 'errors.keys.notTheseKeys' });
  const recoveryKey = newRecoveryCode();
  const { keychain, passphrase } = file;
  const seal = keychain !== undefined ? { keychain } : { passphrase: passphrase! };
  writeKeyFile(
    dataDir,
    keyFileFor(keys, seal, await wrapSlot(keys, 'recovery', recoveryKey, kdf)),
    true,
  );
  return recoveryKey;
}

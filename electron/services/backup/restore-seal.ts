import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AuditKeyError, parseAuditKey } from '../audit/audit-key';
import { DATA_KEY_BYTES } from '../keys/clinic-keys';
import { writeNewKeyFile, type KeySeal } from '../keys/keyring';
import { openStore } from '../store/database';
import { checkBlobKey } from '../vault/blob-store';
import { sealedVault, type FileVault } from '../vault/file-vault';
import { sealPlainFiles } from '../vault/seal-plain-files';
import { BackupError, damaged } from './archive/backup-error';
import { AUDIT_KEY_ENTRY, DATABASE_ENTRY } from './archive/backup-paths';
import type { KdfParams } from './archive/encrypted-file';
import { MIN_CLINIC_PASSPHRASE } from '../../../shared/api/keys';

/** How the restored clinic's new keys are sealed on this computer. */
export interface RestoreKeys {
  seal: KeySeal;
  /** Key derivation cost of the passphrase and recovery slots; lowered only by tests. */
  kdf?: KdfParams;
}

/** Refused before any work: a clinic passphrase too short to seal the restored clinic's keys. */
export function checkRestoreKeys(keys: RestoreKeys | undefined): void {
  if (keys?.seal.kind === 'passphrase' && keys.seal.passphrase.length < MIN_CLINIC_PASSPHRASE) {
    throw new BackupError(
      'invalid-path',
      `The restored clinic's passphrase must have at least ${MIN_CLINIC_PASSPHRASE} characters.`,
      undefined,
      { key: 'errors.backup.passphraseTooShort', params: { min: MIN_CLINIC_PASSPHRASE } },
    );
  }
}

/**
 * Seals a clinic while it is restored. A backup carries photos and PDFs decrypted inside its
 * passphrase-encrypted archive (so it opens where the old data key is lost); here each one is
 * encrypted under the restored clinic's new data key as it leaves the archive, before it touches
 * the disk, so no plain photo or PDF is ever written. The audit key is kept in memory and goes
 * into the new key file, never into a plain `audit.key`. The database, which SQLite must read
 * from a file to check, is encrypted in the staging folder before the folder takes its place.
 */
export class RestoreSealer {
  private readonly dataKey = randomBytes(DATA_KEY_BYTES);
  private auditKeyText: Buffer | null = null;
  readonly vault: FileVault;

  constructor(
    private readonly staging: string,
    private readonly keys: RestoreKeys,
  ) {
    this.vault = sealedVault(staging, this.dataKey);
  }

  /** Every entry but the database is taken in memory and sealed (or kept) here. */
  takes(entryPath: string): boolean {
    return entryPath !== DATABASE_ENTRY;
  }

  async store(entryPath: string, bytes: Buffer): Promise<void> {
    if (entryPath === AUDIT_KEY_ENTRY) {
      this.auditKeyText = bytes;
      return;
    }
    try {
      checkBlobKey(entryPath);
    } catch {
      throw damaged(`${entryPath} is not a record file`);
    }
    await this.vault.write(entryPath, bytes);
  }

  /** The plain bytes of an entry taken here, read back (decrypted) for the hash check. */
  async plainBytes(entryPath: string): Promise<Buffer> {
    if (entryPath === AUDIT_KEY_ENTRY) {
      if (!this.auditKeyText) throw damaged('its audit key was not read');
      return this.auditKeyText;
    }
    return this.vault.read(entryPath);
  }

  auditKey(): Buffer {
    if (!this.auditKeyText) throw damaged('it holds no audit key, which its audit log needs');
    try {
      return parseAuditKey(this.auditKeyText.toString('utf8'));
    } catch (error) {
      if (error instanceof AuditKeyError) throw damaged('its audit key is not valid');
      throw error;
    }
  }

  /**
   * Encrypts the checked database under the new data key, seals any file still named by a plain
   * hash (a backup of an older clinic) under its keyed name, and writes the key file. Returns the
   * new recovery key, to be shown once.
   */
  async finish(nativeBinding?: string): Promise<string> {
    const auditKey = this.auditKey();
    const store = openStore(path.join(this.staging, DATABASE_ENTRY), {
      key: this.dataKey,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    try {
      // Files left out (missing, or not the bytes their record names) stay sealed as they came.
      await sealPlainFiles(store, this.vault);
    } finally {
      await store.close();
    }
    return writeNewKeyFile(
      this.staging,
      { dataKey: this.dataKey, auditKey },
      this.keys.seal,
      this.keys.kdf,
    );
  }
}

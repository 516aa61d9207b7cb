import { createDecipheriv } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deriveFileKeys } from '../../electron/services/vault/file-keys';

/**
 * Reads a file the app stored in its data folder the way the app does: decrypted with the key
 * derived from the clinic's data key (AES-256-GCM, the storage key as associated data). For
 * tests that look inside photos and PDFs; a file that fails authentication throws.
 */
export function openStoredFile(dataDir: string, databaseKey: Buffer, key: string): Buffer {
  return openSealed(readFileSync(path.join(dataDir, ...key.split('/'))), databaseKey, key);
}

/** Sealed bytes opened as the app opens them: from the data folder or a server's file_blob. */
export function openSealed(sealed: Buffer, databaseKey: Buffer, key: string): Buffer {
  if (!key.endsWith('.enc')) return sealed;
  const header = sealed.subarray(0, 25);
  const decipher = createDecipheriv(
    'aes-256-gcm',
    deriveFileKeys(databaseKey).sealKey,
    header.subarray(13, 25),
  );
  decipher.setAAD(Buffer.concat([header, Buffer.from(key, 'utf8')]));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([
    decipher.update(sealed.subarray(25, sealed.length - 16)),
    decipher.final(),
  ]);
}

let plainDir: string | null = null;

/** A plain copy of a stored file in a temp folder (removed when the test process ends). */
export function plainCopy(dataDir: string, databaseKey: Buffer, key: string): string {
  return writePlain(key, openStoredFile(dataDir, databaseKey, key));
}

/** A plain copy of opened bytes, named after their storage key, in the temp folder. */
export function writePlain(key: string, plain: Buffer): string {
  if (!plainDir) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-plain-'));
    plainDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  const file = path.join(plainDir, `${key.replace(/[^A-Za-z0-9.]+/g, '-')}.plain`);
  writeFileSync(file, plain);
  return file;
}

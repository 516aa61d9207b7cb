import { hkdfSync } from 'node:crypto';

/** Exact sizes: every key read from anywhere is checked against these, never padded or cut. */
export const DATA_KEY_BYTES = 32;
export const AUDIT_KEY_BYTES = 32;

/**
 * The clinic's two secrets, made once per clinic and kept together in the sealed key file.
 * Neither assumes where the records live: the embedded store encrypts its SQLite file with the
 * data key; a clinic server keeps its rows in PostgreSQL and still encrypts its photo and PDF
 * blobs with keys derived from the data key. The audit key signs the audit chain on either.
 */
export interface ClinicKeys {
  dataKey: Buffer;
  auditKey: Buffer;
}

/** Refuses keys of the wrong length, so a damaged source can never become a short key. */
export function checkKeys(keys: ClinicKeys): ClinicKeys {
  if (keys.dataKey.length !== DATA_KEY_BYTES || keys.auditKey.length !== AUDIT_KEY_BYTES) {
    throw new Error('A clinic key has the wrong length');
  }
  return keys;
}

/**
 * A 256-bit key for one purpose, derived from the data key with HKDF-SHA256. Each purpose gets
 * its own key, so a key handed to one engine (file encryption, file names) reveals nothing about
 * the database key or the other purposes. The purpose strings are part of the stored format:
 * changing one makes every file written under it unreadable.
 */
export function deriveKey(dataKey: Buffer, purpose: string): Buffer {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('The data key must be 32 bytes');
  if (purpose === '') throw new Error('A derived key needs a purpose');
  return Buffer.from(
    hkdfSync('sha256', dataKey, Buffer.alloc(0), `mesochart/${purpose}/v1`, DATA_KEY_BYTES),
  );
}

/** The key photos, derived images and archived PDFs are encrypted with (AES-256-GCM). */
export function fileKey(dataKey: Buffer): Buffer {
  return deriveKey(dataKey, 'files/encryption');
}

/** The key files are named with (HMAC-SHA256 of their content), so a name confirms nothing. */
export function fileNameKey(dataKey: Buffer): Buffer {
  return deriveKey(dataKey, 'files/names');
}

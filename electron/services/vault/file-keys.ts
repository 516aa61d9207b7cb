import { createHmac } from 'node:crypto';
import { fileKey, fileNameKey } from '../keys/clinic-keys';

/** The two keys of the clinic's files, both derived from its data key. */
export interface FileKeys {
  /** AES-256-GCM key that seals the bytes of photos, derived images and archived PDFs. */
  sealKey: Buffer;
  /** HMAC-SHA256 key that names stored files, so a name does not confirm a known photo. */
  nameKey: Buffer;
}

/** One HKDF-SHA256 derivation per purpose from the clinic's data key (keys/clinic-keys). */
export function deriveFileKeys(dataKey: Buffer): FileKeys {
  return { sealKey: fileKey(dataKey), nameKey: fileNameKey(dataKey) };
}

/** Eight bytes written in every sealed file's header, to tell a wrong key from a damaged file. */
export function keyCheck(sealKey: Buffer): Buffer {
  return createHmac('sha256', sealKey).update('mesochart key check').digest().subarray(0, 8);
}

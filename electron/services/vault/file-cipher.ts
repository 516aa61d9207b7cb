import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AppError } from '../core/errors';

/**
 * The format of a sealed file (photo, derived image, archived PDF), the same on disk and in a
 * clinic server's blob column:
 *
 *   'MCEF' | version (1 byte) | key check (8 bytes) | nonce (12 bytes) | ciphertext | GCM tag (16)
 *
 * AES-256-GCM with a random nonce per file. The header and the file's storage name are the
 * additional authenticated data, so a changed header, a changed byte or a file moved under
 * another record's name fails authentication. The key check tells a wrong key from tampering.
 */
export const SEALED_MAGIC = Buffer.from('MCEF', 'latin1');
const VERSION = 1;
const HEADER_BYTES = 4 + 1 + 8 + 12;
const TAG_BYTES = 16;
// Sealing runs on the main thread; 1 MiB slices keep a 60 MB photo from freezing the window.
const SLICE = 1024 * 1024;

export type SealedFileRefusal =
  'missing' | 'not-sealed' | 'unsupported-version' | 'wrong-key' | 'tampered';

/** A stored file that cannot be read back as it was written. Nothing is shown from it. */
export class SealedFileError extends AppError {
  readonly reason: SealedFileRefusal;

  constructor(reason: SealedFileRefusal) {
    super(reason === 'missing' ? 'NOT_FOUND' : 'CONFLICT', { key: `errors.sealedFile.${reason}` });
    this.name = 'SealedFileError';
    this.reason = reason;
  }
}

/** True when `bytes` start like a sealed file (any version). */
export function looksSealed(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).equals(SEALED_MAGIC);
}

async function inSlices(bytes: Uint8Array, step: (slice: Uint8Array) => Buffer): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += SLICE) {
    out.push(step(bytes.subarray(at, at + SLICE)));
    if (at + SLICE < bytes.length) await yieldToEventLoop();
  }
  return out;
}

export async function sealBytes(
  key: Buffer,
  check: Buffer,
  name: string,
  plaintext: Uint8Array,
): Promise<Buffer> {
  const nonce = randomBytes(12);
  const header = Buffer.concat([SEALED_MAGIC, Buffer.from([VERSION]), check, nonce]);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.concat([header, Buffer.from(name, 'utf8')]));
  const body = await inSlices(plaintext, (s) => cipher.update(s));
  return Buffer.concat([header, ...body, cipher.final(), cipher.getAuthTag()]);
}

export async function openBytes(
  key: Buffer,
  check: Buffer,
  name: string,
  sealed: Uint8Array,
): Promise<Buffer> {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (!looksSealed(bytes)) throw new SealedFileError('not-sealed');
  if (bytes.length < HEADER_BYTES + TAG_BYTES) throw new SealedFileError('tampered');
  if (bytes[4] !== VERSION) throw new SealedFileError('unsupported-version');
  if (!timingSafeEqual(bytes.subarray(5, 13), check)) throw new SealedFileError('wrong-key');
  const header = bytes.subarray(0, HEADER_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(13, HEADER_BYTES));
  decipher.setAAD(Buffer.concat([header, Buffer.from(name, 'utf8')]));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const body = await inSlices(bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES), (s) =>
    decipher.update(s),
  );
  try {
    body.push(decipher.final());
  } catch {
    // Authentication failed: not one byte of what was decrypted is handed on.
    throw new SealedFileError('tampered');
  }
  return Buffer.concat(body);
}

import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { BackupError, damaged } from './backup-error';

/**
 * Layout of a backup file:
 *   header (56 bytes): magic "MESOBAK\0", format 1, scrypt log2(N), r, p, plaintext chunk size
 *   (u32), salt (16), nonce prefix (8), passphrase check (16: HMAC of the bytes before it)
 *   then chunks: final flag (u8), ciphertext length (u32), ciphertext, GCM tag (16).
 * Each chunk is sealed with AES-256-GCM under nonce = prefix || chunk index; its additional data
 * is the whole header, the index and the final flag, so a reordered, dropped, truncated or
 * extended chunk, or an edited header, fails authentication.
 */
export const MAGIC = Buffer.from('MESOBAK\0', 'latin1');
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 56;
const TAG_BYTES = 16;
const FRAME_BYTES = 5;

export interface KdfParams {
  logN: number;
  r: number;
  p: number;
}

/** ~128 MiB and a few hundred milliseconds per derivation: costly to guess, fine once a day. */
export const DEFAULT_KDF: KdfParams = { logN: 17, r: 8, p: 1 };
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/** Bounds for values read from a file, so a crafted header cannot ask for gigabytes of memory. */
const LIMITS = { logN: [10, 20], r: [1, 32], p: [1, 16], chunk: [4096, 16 * 1024 * 1024] } as const;
/**
 * Each value within its bounds can still multiply into gigabytes and tens of seconds
 * (logN 20, r 32, p 16), so the whole cost is capped too, before any key is derived: scrypt's
 * memory (128·N·r bytes) at twice the default's, its work (N·r·p) at four times.
 */
const MAX_KDF_MEMORY = 2 * 128 * 2 ** DEFAULT_KDF.logN * DEFAULT_KDF.r;
const MAX_KDF_WORK = 4 * 2 ** DEFAULT_KDF.logN * DEFAULT_KDF.r * DEFAULT_KDF.p;

export function kdfWithinBounds(kdf: KdfParams): boolean {
  const N = 2 ** kdf.logN;
  return (
    within(kdf.logN, LIMITS.logN) &&
    within(kdf.r, LIMITS.r) &&
    within(kdf.p, LIMITS.p) &&
    128 * N * kdf.r <= MAX_KDF_MEMORY &&
    N * kdf.r * kdf.p <= MAX_KDF_WORK
  );
}

export interface Keys {
  encryption: Buffer;
  check: Buffer;
}

export function deriveKeys(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Keys> {
  if (!kdfWithinBounds(kdf)) return Promise.reject(damaged('its key settings are out of bounds'));
  const N = 2 ** kdf.logN;
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(passphrase.normalize('NFC'), 'utf8'),
      salt,
      64,
      { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 1024 * 1024 },
      (error, key) => {
        if (error) reject(error);
        else resolve({ encryption: key.subarray(0, 32), check: key.subarray(32, 64) });
      },
    );
  });
}

export interface Header {
  bytes: Buffer;
  kdf: KdfParams;
  chunkBytes: number;
  salt: Buffer;
  noncePrefix: Buffer;
  check: Buffer;
}

function checkValue(keys: Keys, headerStart: Buffer): Buffer {
  return createHmac('sha256', keys.check).update(headerStart).digest().subarray(0, 16);
}

/** A fresh header for a new backup, with its keys. */
export async function newHeader(
  passphrase: string,
  kdf: KdfParams = DEFAULT_KDF,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): Promise<{ header: Header; keys: Keys }> {
  const salt = randomBytes(16);
  const noncePrefix = randomBytes(8);
  const bytes = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt8(FORMAT_VERSION, 8);
  bytes.writeUInt8(kdf.logN, 9);
  bytes.writeUInt8(kdf.r, 10);
  bytes.writeUInt8(kdf.p, 11);
  bytes.writeUInt32BE(chunkBytes, 12);
  salt.copy(bytes, 16);
  noncePrefix.copy(bytes, 32);
  const keys = await deriveKeys(passphrase, salt, kdf);
  const check = checkValue(keys, bytes.subarray(0, 40));
  check.copy(bytes, 40);
  return { header: { bytes, kdf, chunkBytes, salt, noncePrefix, check }, keys };
}

function within(value: number, [min, max]: readonly [number, number]): boolean {
  return value >= min && value <= max;
}

export function parseHeader(bytes: Buffer): Header {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, 8).equals(MAGIC)) {
    throw new BackupError('not-a-backup', 'This file is not a Mesochart backup.');
  }
  const version = bytes.readUInt8(8);
  if (version !== FORMAT_VERSION) {
    throw new BackupError(
      'too-new',
      `This backup uses format ${version}; this version of Mesochart reads format ${FORMAT_VERSION}.`,
    );
  }
  const kdf = { logN: bytes.readUInt8(9), r: bytes.readUInt8(10), p: bytes.readUInt8(11) };
  const chunkBytes = bytes.readUInt32BE(12);
  if (!within(chunkBytes, LIMITS.chunk)) throw damaged('header');
  if (!kdfWithinBounds(kdf)) throw damaged('its key settings are out of bounds');
  const header = Buffer.from(bytes.subarray(0, HEADER_BYTES));
  return {
    bytes: header,
    kdf,
    chunkBytes,
    salt: header.subarray(16, 32),
    noncePrefix: header.subarray(32, 40),
    check: header.subarray(40, 56),
  };
}

/** Derives the keys and checks them against the header before any chunk is read. */
export async function unlockHeader(header: Header, passphrase: string): Promise<Keys> {
  const keys = await deriveKeys(passphrase, header.salt, header.kdf);
  if (!timingSafeEqual(checkValue(keys, header.bytes.subarray(0, 40)), header.check)) {
    throw new BackupError(
      'wrong-passphrase',
      'The passphrase does not open this backup. Nothing was changed.',
    );
  }
  return keys;
}

function nonce(header: Header, index: number): Buffer {
  const n = Buffer.alloc(12);
  header.noncePrefix.copy(n, 0);
  n.writeUInt32BE(index, 8);
  return n;
}

function additionalData(header: Header, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail.writeUInt8(final ? 1 : 0, 4);
  return Buffer.concat([header.bytes, tail]);
}

/** Buffers plaintext and writes it as sealed chunks; the last chunk is marked final. */
export class ChunkWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private position: number;

  constructor(
    private readonly out: FileHandle,
    private readonly header: Header,
    private readonly keys: Keys,
  ) {
    this.position = HEADER_BYTES;
  }

  async start(): Promise<void> {
    await this.out.write(this.header.bytes, 0, HEADER_BYTES, 0);
  }

  async write(data: Buffer): Promise<void> {
    if (data.length === 0) return;
    this.pending.push(data);
    this.pendingBytes += data.length;
    // Strictly more than a chunk: what remains at the end always forms a (final) chunk.
    while (this.pendingBytes > this.header.chunkBytes) {
      const all = Buffer.concat(this.pending);
      await this.seal(all.subarray(0, this.header.chunkBytes), false);
      const rest = all.subarray(this.header.chunkBytes);
      this.pending = [rest];
      this.pendingBytes = rest.length;
    }
  }

  async finish(): Promise<number> {
    await this.seal(Buffer.concat(this.pending), true);
    this.pending = [];
    this.pendingBytes = 0;
    return this.position;
  }

  private async seal(plain: Buffer, final: boolean): Promise<void> {
    if (this.index > 0xffffffff) throw new Error('backup too large');
    const cipher = createCipheriv(
      'aes-256-gcm',
      this.keys.encryption,
      nonce(this.header, this.index),
    );
    cipher.setAAD(additionalData(this.header, this.index, final));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const frame = Buffer.alloc(FRAME_BYTES);
    frame.writeUInt8(final ? 1 : 0, 0);
    frame.writeUInt32BE(body.length, 1);
    const piece = Buffer.concat([frame, body, cipher.getAuthTag()]);
    await this.out.write(piece, 0, piece.length, this.position);
    this.position += piece.length;
    this.index += 1;
  }
}

async function readAt(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

export async function readHeader(handle: FileHandle): Promise<Header> {
  return parseHeader(await readAt(handle, HEADER_BYTES, 0));
}

/** Yields the authenticated plaintext chunks in order; throws on any damage or truncation. */
export async function* decryptChunks(
  handle: FileHandle,
  header: Header,
  keys: Keys,
): AsyncGenerator<Buffer> {
  const size = (await handle.stat()).size;
  let position = HEADER_BYTES;
  for (let index = 0; ; index += 1) {
    const frame = await readAt(handle, FRAME_BYTES, position);
    if (frame.length < FRAME_BYTES) throw damaged('it ends before its last part');
    const flag = frame.readUInt8(0);
    const length = frame.readUInt32BE(1);
    if (flag > 1 || length > header.chunkBytes) throw damaged(`part ${index + 1}`);
    const final = flag === 1;
    const sealed = await readAt(handle, length + TAG_BYTES, position + FRAME_BYTES);
    if (sealed.length < length + TAG_BYTES) throw damaged('it ends before its last part');
    const decipher = createDecipheriv('aes-256-gcm', keys.encryption, nonce(header, index));
    decipher.setAAD(additionalData(header, index, final));
    decipher.setAuthTag(sealed.subarray(length));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(sealed.subarray(0, length)), decipher.final()]);
    } catch {
      throw damaged(`part ${index + 1} fails its check`);
    }
    position += FRAME_BYTES + length + TAG_BYTES;
    if (final && position !== size) throw damaged('unexpected data after its end');
    yield plain;
    if (final) return;
  }
}

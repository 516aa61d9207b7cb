import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { damaged } from './backup-error';

/**
 * The plaintext inside a backup is a sequence of entries:
 *   'F' (u8), path length (u16), path (UTF-8), size (u64), the file's bytes
 *   'E' (u8), manifest length (u32), manifest JSON: always last.
 * The manifest is written last so every file is read once; the reader checks that it lists
 * exactly the files it met, with the same sizes and hashes.
 */
const FILE = 0x46;
const END = 0x45;
const MAX_PATH_BYTES = 1024;
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
const READ_BYTES = 1024 * 1024;

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface Manifest {
  format: 1;
  app: 'mesochart';
  createdAt: string;
  schemaVersion: number;
  files: ManifestFile[];
  /** The audit chain's head in the backed-up database; checked against it on restore. */
  auditHead?: { seq: number; hash: string } | null;
}

export interface Sink {
  write(data: Buffer): Promise<void>;
}

export async function writeFileHeader(sink: Sink, relPath: string, size: number): Promise<void> {
  const name = Buffer.from(relPath, 'utf8');
  const head = Buffer.alloc(1 + 2 + name.length + 8);
  head.writeUInt8(FILE, 0);
  head.writeUInt16BE(name.length, 1);
  name.copy(head, 3);
  head.writeBigUInt64BE(BigInt(size), 3 + name.length);
  await sink.write(head);
}

/** Streams exactly `size` bytes of an open file into the sink, returning their SHA-256. */
export async function copyFileBody(
  sink: Sink,
  handle: FileHandle,
  size: number,
  onBytes: (n: number) => void,
): Promise<string> {
  const hash = createHash('sha256');
  let done = 0;
  while (done < size) {
    const want = Math.min(READ_BYTES, size - done);
    const buffer = Buffer.alloc(want);
    const { bytesRead } = await handle.read(buffer, 0, want, done);
    // A file that shrank while being read: stored files are never rewritten, so this is a fault.
    if (bytesRead === 0) throw new Error('file changed while it was being backed up');
    const piece = buffer.subarray(0, bytesRead);
    hash.update(piece);
    await sink.write(piece);
    done += bytesRead;
    onBytes(bytesRead);
  }
  return hash.digest('hex');
}

export async function writeEnd(sink: Sink, manifest: Manifest): Promise<void> {
  const body = Buffer.from(JSON.stringify(manifest), 'utf8');
  const head = Buffer.alloc(5);
  head.writeUInt8(END, 0);
  head.writeUInt32BE(body.length, 1);
  await sink.write(Buffer.concat([head, body]));
}

/** Pulls exact byte counts out of a stream of decrypted chunks. */
export class ByteSource {
  private buffered: Buffer = Buffer.alloc(0);

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  private async fill(min: number): Promise<void> {
    while (this.buffered.length < min) {
      const next = await this.chunks.next();
      if (next.done) throw damaged('it ends in the middle of its contents');
      this.buffered =
        this.buffered.length === 0 ? next.value : Buffer.concat([this.buffered, next.value]);
    }
  }

  async read(length: number): Promise<Buffer> {
    await this.fill(length);
    const out = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    return out;
  }

  /** Passes `length` bytes on piece by piece, without holding them all in memory. */
  async pipe(length: number, onPiece: (piece: Buffer) => Promise<void>): Promise<void> {
    let left = length;
    while (left > 0) {
      if (this.buffered.length === 0) await this.fill(1);
      const take = Math.min(left, this.buffered.length);
      const piece = this.buffered.subarray(0, take);
      this.buffered = this.buffered.subarray(take);
      await onPiece(piece);
      left -= take;
    }
  }

  /** After the manifest nothing may follow, and the chunk stream must end cleanly. */
  async expectEnd(): Promise<void> {
    if (this.buffered.length > 0) throw damaged('unexpected data after its manifest');
    const next = await this.chunks.next();
    if (!next.done) throw damaged('unexpected data after its manifest');
  }
}

export type Entry =
  { kind: 'file'; path: string; size: number } | { kind: 'end'; manifest: Manifest };

export async function readEntry(source: ByteSource): Promise<Entry> {
  const kind = (await source.read(1)).readUInt8(0);
  if (kind === FILE) {
    const nameLength = (await source.read(2)).readUInt16BE(0);
    if (nameLength === 0 || nameLength > MAX_PATH_BYTES) throw damaged('a file name');
    const name = (await source.read(nameLength)).toString('utf8');
    const size = (await source.read(8)).readBigUInt64BE(0);
    if (size > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('a file size');
    return { kind: 'file', path: name, size: Number(size) };
  }
  if (kind === END) {
    const length = (await source.read(4)).readUInt32BE(0);
    if (length > MAX_MANIFEST_BYTES) throw damaged('its manifest');
    return { kind: 'end', manifest: parseManifest(await source.read(length)) };
  }
  throw damaged('an unknown entry');
}

/** Absent (a backup from before heads were recorded), null (no event yet), or a head. */
function validHead(head: unknown): boolean {
  if (head === undefined || head === null) return true;
  const h = head as { seq?: unknown; hash?: unknown };
  return Number.isInteger(h.seq) && typeof h.hash === 'string' && h.hash.length <= 128;
}

function parseManifest(bytes: Buffer): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged('its manifest');
  }
  const m = value as Partial<Manifest> | null;
  if (
    !m ||
    m.format !== 1 ||
    m.app !== 'mesochart' ||
    typeof m.createdAt !== 'string' ||
    typeof m.schemaVersion !== 'number' ||
    !Array.isArray(m.files) ||
    !m.files.every(
      (f: Partial<ManifestFile>) =>
        typeof f.path === 'string' &&
        typeof f.size === 'number' &&
        typeof f.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(f.sha256),
    ) ||
    !validHead(m.auditHead)
  ) {
    throw damaged('its manifest');
  }
  return m as Manifest;
}

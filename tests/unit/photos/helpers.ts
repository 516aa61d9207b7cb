import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crc32 } from 'node:zlib';

export const FIXTURES = join(import.meta.dirname, '../../../../shared/fixtures/photos');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** A fresh temp directory; call the returned cleanup in afterEach. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `mesochart-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every file under `root`, relative, sorted (hidden temp files included). */
export function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** exiftool's view of a file: every tag, grouped by where it was found. */
export function exiftoolTags(path: string): Record<string, unknown> {
  const out = execFileSync('exiftool', ['-j', '-a', '-G1', '-n', path], { encoding: 'utf8' });
  const parsed = JSON.parse(out) as Record<string, unknown>[];
  return parsed[0] ?? {};
}

/** The compressed pixels of a JPEG: from its first SOS marker to EOI. */
export function jpegScan(bytes: Buffer): Buffer {
  let pos = 2;
  while (pos + 4 <= bytes.length && bytes[pos] === 0xff) {
    if (bytes[pos + 1] === 0xda) {
      const eoi = bytes.indexOf(Buffer.from([0xff, 0xd9]), pos);
      return bytes.subarray(pos, eoi + 2);
    }
    pos += 2 + bytes.readUInt16BE(pos + 2);
  }
  throw new Error('no SOS');
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function pngChunkTypes(bytes: Buffer): string[] {
  const types: string[] = [];
  for (let pos = 8; pos + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(pos);
    types.push(bytes.subarray(pos + 4, pos + 8).toString('latin1'));
    pos += 12 + length;
  }
  return types;
}

import { crc32 } from 'node:zlib';
import { PhotoError } from './photo-error';

/**
 * Lossless metadata rewrite of a PNG: pixel chunks are copied unchanged, text and Exif chunks are
 * dropped. Chunks are allow-listed, because private ancillary chunks can carry anything.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const KEPT_CHUNKS = new Set([
  // Critical chunks: the image itself.
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  // Colour and rendering: they change how the pixels look and hold no location.
  'tRNS',
  'cHRM',
  'gAMA',
  'iCCP',
  'sBIT',
  'sRGB',
  'cICP',
  'mDCV',
  'cLLI',
  'bKGD',
  'pHYs',
  // Animated PNG frames.
  'acTL',
  'fcTL',
  'fdAT',
]);

function corrupt(detail: string): PhotoError {
  return new PhotoError('corrupt', { key: 'errors.photoFiles.pngDamaged', params: { detail } });
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Returns the PNG without text, time or Exif chunks and without anything after IEND; when
 * `exifTiff` is given it is written back as the only eXIf chunk, before the first IDAT.
 */
export function stripPngMetadata(input: Buffer, exifTiff: Buffer | null): Buffer {
  if (input.length < SIGNATURE.length || !input.subarray(0, 8).equals(SIGNATURE)) {
    throw corrupt('no signature');
  }
  const kept: Buffer[] = [SIGNATURE];
  let pos = SIGNATURE.length;
  let exifWritten = exifTiff === null;
  for (;;) {
    if (pos + 12 > input.length) throw corrupt('truncated');
    const length = input.readUInt32BE(pos);
    const type = input.subarray(pos + 4, pos + 8).toString('latin1');
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > input.length) throw corrupt('truncated chunk');
    if (type === 'IDAT' && !exifWritten && exifTiff) {
      kept.push(chunk('eXIf', exifTiff));
      exifWritten = true;
    }
    if (KEPT_CHUNKS.has(type)) kept.push(input.subarray(pos, end));
    pos = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(kept);
}

import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { PhotoError } from './photo-error';

/**
 * Lossless metadata rewrite of a JPEG: the compressed pixels are copied byte for byte, only the
 * marker segments around them change. Re-encoding would cost quality on every import, and the
 * design keeps originals' pixels.
 */

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;
const TEM = 0x01;

// Scanning entropy data visits every 0xFF byte (tens of thousands in a camera photo); yielding
// after each slice keeps a 60 MB file from holding the main process's event loop.
const SLICE = 1024 * 1024;

function corrupt(detail: string): PhotoError {
  return new PhotoError('corrupt', { key: 'errors.photoFiles.jpegDamaged', params: { detail } });
}

function hasPrefix(payload: Buffer, prefix: string): boolean {
  return payload.subarray(0, prefix.length).toString('latin1') === prefix;
}

/**
 * Which segments survive. Allow-listed rather than deny-listed, because any unknown APPn may carry
 * location (Exif in APP1, XMP, IPTC in APP13, maker blocks, MPF pointers to embedded images).
 */
function keepSegment(marker: number, payload: Buffer): boolean {
  if (marker === COM) return false;
  if (marker >= APP0 && marker <= APP15) {
    if (marker === APP0) return hasPrefix(payload, 'JFIF\0');
    // The colour profile changes how the pixels look and holds no location.
    if (marker === APP2) return hasPrefix(payload, 'ICC_PROFILE\0');
    // Tells decoders whether the data is YCbCr or RGB/CMYK; dropping it would change colours.
    if (marker === APP14) return hasPrefix(payload, 'Adobe');
    return false;
  }
  return true;
}

function isStandalone(marker: number): boolean {
  return marker === TEM || (marker >= 0xd0 && marker <= 0xd7);
}

/** Builds an APP1 Exif segment around a TIFF block. */
export function jpegExifSegment(tiff: Buffer): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header[0] = 0xff;
  header[1] = APP1;
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/**
 * Returns the JPEG with every metadata segment removed except JFIF, ICC and Adobe colour
 * segments, with `exifSegment` (if given) placed right after SOI/JFIF, and with anything after
 * EOI dropped (phones append preview images there, each with its own Exif).
 */
export async function stripJpegMetadata(
  input: Buffer,
  exifSegment: Buffer | null,
): Promise<Buffer> {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== SOI) throw corrupt('no start marker');
  const header: Buffer[] = [];
  const body: Buffer[] = [];
  let pos = 2;
  let inBody = false;

  for (;;) {
    // Marker state: one or more 0xFF fill bytes, then the marker code.
    if (pos >= input.length || input[pos] !== 0xff) throw corrupt('bad marker');
    while (pos < input.length && input[pos] === 0xff) pos += 1;
    if (pos >= input.length) throw corrupt('truncated');
    const marker = input[pos] as number;
    const markerStart = pos - 1;
    pos += 1;
    if (marker === EOI) {
      if (!inBody) throw corrupt('no image data');
      body.push(Buffer.from([0xff, EOI]));
      break;
    }
    if (marker === SOI) throw corrupt('unexpected start marker');
    if (isStandalone(marker)) {
      (inBody ? body : header).push(input.subarray(markerStart, pos));
      continue;
    }
    if (pos + 2 > input.length) throw corrupt('truncated');
    const length = input.readUInt16BE(pos);
    if (length < 2 || pos + length > input.length) throw corrupt('truncated segment');
    const payload = input.subarray(pos + 2, pos + length);
    pos += length;
    if (keepSegment(marker, payload)) {
      (inBody ? body : header).push(input.subarray(markerStart, pos));
    }
    if (marker !== SOS) continue;

    // Entropy-coded data runs to the next marker that is neither stuffing (FF00) nor a restart.
    inBody = true;
    const scanStart = pos;
    let sliceEnd = pos + SLICE;
    for (;;) {
      if (pos > sliceEnd) {
        await yieldToEventLoop();
        sliceEnd = pos + SLICE;
      }
      const ff = input.indexOf(0xff, pos);
      if (ff < 0 || ff + 1 >= input.length) throw corrupt('truncated image data');
      const next = input[ff + 1] as number;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
        pos = ff + 2;
      } else if (next === 0xff) {
        pos = ff + 1;
      } else {
        body.push(input.subarray(scanStart, ff));
        pos = ff;
        break;
      }
    }
  }

  // Exif belongs right after SOI, or after JFIF's APP0 when there is one (both readers accept it).
  const firstIsJfif = header[0] !== undefined && header[0][1] === APP0;
  const insertAt = firstIsJfif ? 1 : 0;
  const leading = exifSegment ? [exifSegment] : [];
  return Buffer.concat([
    Buffer.from([0xff, SOI]),
    ...header.slice(0, insertAt),
    ...leading,
    ...header.slice(insertAt),
    ...body,
  ]);
}

/**
 * Length of the part before the first scan: every metadata segment is in it, so Exif readers
 * need not walk megabytes of pixels. Returns the whole length when the structure is odd.
 */
export function jpegHeaderLength(input: Buffer): number {
  let pos = 2;
  while (pos + 4 <= input.length && input[pos] === 0xff) {
    const marker = input[pos + 1] as number;
    if (marker === SOS) return pos;
    if (marker === 0xff) {
      pos += 1;
      continue;
    }
    if (isStandalone(marker)) {
      pos += 2;
      continue;
    }
    pos += 2 + input.readUInt16BE(pos + 2);
  }
  return input.length;
}

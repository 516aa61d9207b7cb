import sharp from 'sharp';

/** The formats the import accepts, recognised from the bytes, never from the file name. */
export type PhotoFormat = 'jpeg' | 'png' | 'tiff' | 'heif';

/** HEIF is a container: the codec inside decides whether this build of libvips can read it. */
export type HeifCodec = 'hevc' | 'av1' | 'unknown';

export type DetectedFormat =
  { format: 'jpeg' | 'png' | 'tiff' } | { format: 'heif'; codec: HeifCodec };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const HEVC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AV1_BRANDS = new Set(['avif', 'avis']);
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1']);

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return Buffer.from(bytes.subarray(start, start + length)).toString('latin1');
}

function detectHeif(bytes: Uint8Array): DetectedFormat | null {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return null;
  const boxSize = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32BE(0);
  const end = Math.min(bytes.length, boxSize >= 16 ? boxSize : 16);
  // The major brand, then the compatible brands after the 4-byte minor version.
  const brands = [ascii(bytes, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, 4));
  if (brands.some((b) => HEVC_BRANDS.has(b))) return { format: 'heif', codec: 'hevc' };
  if (brands.some((b) => AV1_BRANDS.has(b))) return { format: 'heif', codec: 'av1' };
  // Any other ftyp (MP4, QuickTime, JPEG 2000 ...) is not a still photo we accept.
  if (brands.some((b) => GENERIC_HEIF_BRANDS.has(b))) return { format: 'heif', codec: 'unknown' };
  return null;
}

function isCanonRaw(bytes: Uint8Array): boolean {
  // CR2 is TIFF-shaped, but libvips would only show its small embedded preview as the photo.
  return bytes.length >= 10 && bytes[8] === 0x43 && bytes[9] === 0x52;
}

/** Recognises the format from the first bytes (64 are plenty). Returns null for anything else. */
export function detectFormat(bytes: Uint8Array): DetectedFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: 'jpeg' };
  if (startsWith(bytes, PNG_SIGNATURE)) return { format: 'png' };
  // Classic TIFF (42) and BigTIFF (43), both byte orders.
  if (
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])
  ) {
    return isCanonRaw(bytes) ? null : { format: 'tiff' };
  }
  return detectHeif(bytes);
}

/**
 * What this installation's sharp can decode inside HEIF. The prebuilt sharp binaries read AVIF
 * but not HEVC (patent licensing), so iPhone HEIC photos depend on a libvips built with libde265.
 */
export function heifSupport(): { av1: boolean; hevc: boolean } {
  const heif = (sharp.format as Partial<typeof sharp.format>).heif;
  if (!heif || !heif.input.buffer) return { av1: false, hevc: false };
  const suffixes = (heif.input as { fileSuffix?: string[] }).fileSuffix ?? [];
  return { av1: true, hevc: suffixes.includes('.heic') || suffixes.includes('.heif') };
}

export function canDecodeHeif(codec: HeifCodec): boolean {
  const support = heifSupport();
  switch (codec) {
    case 'hevc':
      return support.hevc;
    case 'av1':
      return support.av1;
    case 'unknown':
      // Let the decoder decide; a failure is reported as unsupported HEIF.
      return support.av1 || support.hevc;
  }
}

import type { DetectedFormat } from './detect-format';
import { PhotoError } from './photo-error';
import sharp from 'sharp';

export interface ImageProbe {
  /** Stored width and height, before orientation. */
  width: number;
  height: number;
  /** EXIF orientation 1..8 as the decoder reads it (1 when absent or unreadable). */
  orientation: number;
}

function formatMegapixels(pixels: number): string {
  return `${Math.round(pixels / 1_000_000)} megapixels`;
}

/** The refusal for data the decoder cannot read; for HEIF that usually means a missing codec. */
export function decodeFailure(detected: DetectedFormat, cause: unknown): PhotoError {
  if (detected.format === 'heif') {
    return new PhotoError(
      'heif-unsupported',
      { key: 'errors.photoFiles.heicCannotRead' },
      { cause },
    );
  }
  return new PhotoError(
    'corrupt',
    { key: 'errors.photoFiles.damaged' },
    {
      cause,
    },
  );
}

/**
 * Reads the header only: dimensions and orientation. The pixel count is checked here, before any
 * decode, so a 30000x30000 PNG of a few hundred bytes is refused without allocating anything.
 */
export async function probeImage(
  bytes: Buffer,
  detected: DetectedFormat,
  maxPixels: number,
): Promise<ImageProbe> {
  let meta;
  try {
    // Header only, no pixels decoded, so no limit is needed here: the check below then refuses
    // with the real dimensions instead of a generic decoder error. Every decode keeps the limit.
    meta = await sharp(bytes, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch (error) {
    throw decodeFailure(detected, error);
  }
  const { width, height } = meta;
  if (!width || !height) throw decodeFailure(detected, new Error('no dimensions'));
  // The header must agree with the magic bytes, or one decoder would judge another's data.
  if (meta.format !== detected.format && !(detected.format === 'heif' && meta.format === 'avif')) {
    throw decodeFailure(detected, new Error('format mismatch'));
  }
  const pixels = width * height;
  if (pixels > maxPixels) {
    throw new PhotoError('too-many-pixels', {
      key: 'errors.photoFiles.tooManyPixels',
      params: {
        width,
        height,
        pixels: formatMegapixels(pixels),
        limit: formatMegapixels(maxPixels),
      },
    });
  }
  const orientation =
    meta.orientation && meta.orientation >= 1 && meta.orientation <= 8 ? meta.orientation : 1;
  return { width, height, orientation };
}

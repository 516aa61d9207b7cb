import { assertNever } from '../../../../shared/api/result';
import type { DetectedFormat } from './detect-format';
import type { PhotoExif } from './exif-reader';
import { buildExifTiff } from './exif-writer';
import { decodeFailure } from './image-probe';
import { jpegExifSegment, stripJpegMetadata } from './jpeg-metadata';
import type { StoredExtension } from './photo-store';
import { stripPngMetadata } from './png-metadata';
import { sharpInput } from './sharp-input';

export interface StoredOriginal {
  bytes: Buffer;
  extension: StoredExtension;
  /** 'lossless' keeps the compressed pixels byte for byte; 're-encoded' had to decode them. */
  kind: 'lossless' | 're-encoded';
}

function minimalExifNeeded(orientation: number, exif: PhotoExif): boolean {
  return orientation !== 1 || exif.dateTimeOriginal !== null;
}

/**
 * The bytes kept as "the original": the camera's pixels without location or any other metadata
 * except orientation and capture time.
 */
export async function storedOriginal(
  input: Buffer,
  detected: DetectedFormat,
  orientation: number,
  exif: PhotoExif,
  maxPixels: number,
): Promise<StoredOriginal> {
  const tiff = minimalExifNeeded(orientation, exif)
    ? buildExifTiff({
        orientation,
        dateTimeOriginal: exif.dateTimeOriginal,
        offsetTimeOriginal: exif.offsetTimeOriginal,
      })
    : null;
  switch (detected.format) {
    case 'jpeg':
      return {
        bytes: await stripJpegMetadata(input, tiff ? jpegExifSegment(tiff) : null),
        extension: 'jpg',
        kind: 'lossless',
      };
    case 'png':
      return { bytes: stripPngMetadata(input, tiff), extension: 'png', kind: 'lossless' };
    case 'tiff':
      // TIFF metadata lives in IFDs interleaved with strip offsets; rewriting them safely is a
      // TIFF writer of its own. PNG is lossless (16-bit stays 16-bit), so the pixels are kept
      // exactly, just with the orientation applied and only the colour profile carried over.
      try {
        return {
          bytes: await sharpInput(input, maxPixels)
            .rotate()
            .keepIccProfile()
            .png({ compressionLevel: 6 })
            .toBuffer(),
          extension: 'png',
          kind: 're-encoded',
        };
      } catch (error) {
        throw decodeFailure(detected, error);
      }
    case 'heif':
      // HEIF keeps Exif in an item referenced from the 'meta' box; editing it means rewriting the
      // box offsets. Phones' HEIC is already lossy, so a quality-95 JPEG without chroma
      // subsampling is visually identical and opens everywhere. Orientation is applied to it.
      try {
        return {
          bytes: await sharpInput(input, maxPixels)
            .rotate()
            .keepIccProfile()
            .jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
            .toBuffer(),
          extension: 'jpg',
          kind: 're-encoded',
        };
      } catch (error) {
        throw decodeFailure(detected, error);
      }
    default:
      return assertNever(detected);
  }
}

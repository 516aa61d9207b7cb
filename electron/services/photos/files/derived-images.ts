import type { DetectedFormat } from './detect-format';
import { decodeFailure } from './image-probe';
import { sharpInput } from './sharp-input';

export interface DerivedImages {
  thumbnail: Buffer;
  preview: Buffer;
}

export interface DerivedSizes {
  thumbnailSize: number;
  previewSize: number;
  maxPixels: number;
}

/**
 * Thumbnail and screen preview, upright (EXIF orientation applied), sRGB, no metadata. Making the
 * preview decodes every pixel of the photo, so this is also the check that the image data is
 * whole: a file that fails here is refused before anything is written.
 */
export async function makeDerivedImages(
  input: Buffer,
  detected: DetectedFormat,
  sizes: DerivedSizes,
): Promise<DerivedImages> {
  try {
    const preview = await sharpInput(input, sizes.maxPixels)
      .rotate()
      .resize(sizes.previewSize, sizes.previewSize, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85 })
      .toBuffer();
    // From the preview, not the original: decoding a 24 MP photo twice would double the cost,
    // and at 320 px the second JPEG generation is invisible.
    const thumbnail = await sharpInput(preview, sizes.maxPixels)
      .resize(sizes.thumbnailSize, sizes.thumbnailSize, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
    return { thumbnail, preview };
  } catch (error) {
    throw decodeFailure(detected, error);
  }
}

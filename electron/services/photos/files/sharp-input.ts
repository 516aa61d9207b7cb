import sharp from 'sharp';
import type { Sharp } from 'sharp';

/**
 * Every decode of an imported file goes through here, so the pixel limit (against decompression
 * bombs) and the strictness are the same everywhere. 'error' refuses corrupt and truncated data
 * but, unlike 'warning', not a photo whose only fault is an odd metadata block.
 */
export function sharpInput(bytes: Buffer, maxPixels: number): Sharp {
  return sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' });
}

import { DocumentGenerationError } from '../document-errors';

const dataUrlPattern = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=\s]+)$/;

/**
 * Decodes an inline image. pdfkit would read a plain string as a file path, so only data URLs
 * are turned into bytes here and nothing else reaches it.
 */
export function imageBytes(dataUrl: string, what: string): Buffer {
  const match = dataUrlPattern.exec(dataUrl);
  const bytes = match?.[2] ? Buffer.from(match[2], 'base64') : null;
  if (!bytes || bytes.length === 0) {
    throw new DocumentGenerationError('input', `the ${what} is not a PNG or JPEG data URL`);
  }
  const isPng = bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!isPng && !isJpeg) {
    throw new DocumentGenerationError('input', `the ${what} is not a valid PNG or JPEG image`);
  }
  return bytes;
}

import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PhotoFormat } from './detect-format';
import { canDecodeHeif, detectFormat } from './detect-format';
import { makeDerivedImages } from './derived-images';
import { readPhotoExif } from './exif-reader';
import { sha256Hex } from './hash';
import { probeImage } from './image-probe';
import { jpegHeaderLength } from './jpeg-metadata';
import { PhotoError } from './photo-error';
import type { PhotoImportOptions } from './photo-options';
import { resolvePhotoOptions } from './photo-options';
import type { PhotoFiles } from './photo-store';
import { photoLocation, withKeyLock } from './photo-store';
import { plainPhotoStorage } from './photo-storage';
import { readSourceFile } from './source-file';
import { storedOriginal } from './stored-original';

/** One photo in the store, as the database will record it. */
export interface ImportedPhoto {
  /** The file name the user picked (for the UI only; it may name the patient, so never log it). */
  fileName: string;
  sourcePath: string;
  /** SHA-256 of the stored original: its identity in the record (never a file name). */
  sha256: string;
  /** The name its files are stored under: a keyed hash of the original when encrypted. */
  name: string;
  /** SHA-256 of the file as it was imported, to recognise the same file again. */
  inputSha256: string;
  /** What the file was. */
  sourceFormat: PhotoFormat;
  /** 'lossless' for JPEG and PNG (pixels untouched), 're-encoded' for TIFF and HEIF. */
  storage: 'lossless' | 're-encoded';
  /** Size of the stored original in bytes. */
  byteSize: number;
  /** Upright size, after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** EXIF orientation kept in the stored original (1 when re-encoded upright). */
  orientation: number;
  /** Local capture time, ISO 8601 without zone unless the camera recorded one. */
  takenAt: string | null;
  cameraModel: string | null;
  /** Absolute paths of the stored files, for a store under the photos root. */
  paths: PhotoFiles;
  /** The same paths relative to the photos root ('/' separated), for the database. */
  relativePaths: PhotoFiles;
  /** True when this photo was already in the store; nothing new was written for it. */
  duplicate: boolean;
}

function uprightSize(width: number, height: number, orientation: number) {
  // Orientations 5 to 8 turn the picture a quarter, swapping its sides.
  return orientation >= 5 ? { width: height, height: width } : { width, height };
}

/**
 * Imports one photo: checks it, strips its location, stores it content-addressed with a
 * thumbnail and a preview. Throws PhotoError when the file is refused. When `signal` aborts before
 * the first write, nothing is written and the abort reason is thrown; once writing has started the
 * photo is finished, so an abort never leaves a partial photo.
 */
export async function importPhoto(
  sourcePath: string,
  options: PhotoImportOptions,
  signal?: AbortSignal,
): Promise<ImportedPhoto> {
  const settings = resolvePhotoOptions(options);
  const input = await readSourceFile(sourcePath, settings.maxFileBytes);
  signal?.throwIfAborted();

  const detected = detectFormat(input.subarray(0, 64));
  if (!detected) {
    throw new PhotoError('unsupported-format', { key: 'errors.photoFiles.unsupported' });
  }
  if (detected.format === 'heif' && !canDecodeHeif(detected.codec)) {
    throw new PhotoError('heif-unsupported', { key: 'errors.photoFiles.heifNoDecoder' });
  }

  const probe = await probeImage(input, detected, settings.maxPixels);
  const exif = await readPhotoExif(
    detected.format === 'jpeg' ? input.subarray(0, jpegHeaderLength(input)) : input,
  );
  const original = await storedOriginal(
    input,
    detected,
    probe.orientation,
    exif,
    settings.maxPixels,
  );
  const storage = options.storage ?? plainPhotoStorage(settings.photosRoot);
  const [inputSha256, sha256, name] = await Promise.all([
    sha256Hex(input),
    sha256Hex(original.bytes),
    storage.nameOf(original.bytes),
  ]);
  const location = photoLocation(settings.photosRoot, name, original.extension, storage.suffix);
  const storedOrientation = original.kind === 'lossless' ? probe.orientation : 1;

  const photo = (duplicate: boolean): ImportedPhoto => ({
    fileName: basename(sourcePath),
    sourcePath,
    sha256,
    name,
    inputSha256,
    sourceFormat: detected.format,
    storage: original.kind,
    byteSize: original.bytes.length,
    ...uprightSize(probe.width, probe.height, probe.orientation),
    orientation: storedOrientation,
    takenAt: exif.takenAt,
    cameraModel: exif.cameraModel,
    paths: location.absolute,
    relativePaths: location.relative,
    duplicate,
  });

  return withKeyLock(name, async () => {
    const { absolute, relative } = location;
    const [hasOriginal, hasThumbnail, hasPreview] = await Promise.all([
      storage.has(relative.original),
      storage.has(relative.thumbnail),
      storage.has(relative.preview),
    ]);
    if (hasOriginal && hasThumbnail && hasPreview) return photo(true);

    // Decoding every pixel happens before any write: a corrupt photo leaves nothing behind.
    const derived = await makeDerivedImages(input, detected, settings);
    signal?.throwIfAborted();
    // The original last, so a crash between files leaves a set the check above sees as
    // incomplete and repairs on the next import of the photo.
    const writes: [string, string, Buffer][] = [];
    if (!hasThumbnail) writes.push([relative.thumbnail, absolute.thumbnail, derived.thumbnail]);
    if (!hasPreview) writes.push([relative.preview, absolute.preview, derived.preview]);
    if (!hasOriginal) writes.push([relative.original, absolute.original, original.bytes]);
    const written: string[] = [];
    try {
      for (const [rel, abs, bytes] of writes) {
        await storage.write(rel, bytes);
        written.push(abs);
      }
    } catch (error) {
      // A refused photo leaves nothing: undo this call's files (never ones that were there).
      await Promise.all(written.map((path) => rm(path, { force: true })));
      throw new PhotoError(
        'storage-failed',
        { key: 'errors.photoFiles.notSaved' },
        {
          cause: error,
        },
      );
    }
    return photo(hasOriginal);
  });
}

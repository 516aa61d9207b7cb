import { isAbsolute } from 'node:path';
import type { PhotoStorage } from './photo-storage';

/** Limits and sizes of the import. The limits become clinic settings; these are the defaults. */
export interface PhotoImportOptions {
  /** Directory that holds every stored photo; nothing is ever written outside it. */
  photosRoot: string;
  /** Where the files go; plain files under `photosRoot` when not given. */
  storage?: PhotoStorage;
  /** Largest accepted source file, in bytes. */
  maxFileBytes?: number;
  /** Largest accepted image, in pixels (width x height), against decompression bombs. */
  maxPixels?: number;
  /** Long side of the thumbnail, in pixels. */
  thumbnailSize?: number;
  /** Long side of the screen preview, in pixels. */
  previewSize?: number;
  /** Photos processed at once in a batch. sharp already spreads one photo over its thread pool. */
  concurrency?: number;
}

export interface ResolvedPhotoOptions {
  photosRoot: string;
  maxFileBytes: number;
  maxPixels: number;
  thumbnailSize: number;
  previewSize: number;
  concurrency: number;
}

export const DEFAULT_MAX_FILE_BYTES = 60 * 1024 * 1024;
export const DEFAULT_MAX_PIXELS = 100_000_000;
export const DEFAULT_THUMBNAIL_SIZE = 320;
export const DEFAULT_PREVIEW_SIZE = 1600;
// One photo at a time: a 24 MP decode already keeps two cores busy, and a second one in parallel
// only doubles memory and competes with the main process for the libuv pool.
export const DEFAULT_CONCURRENCY = 1;

function positiveInt(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive integer`);
  }
  return value;
}

export function resolvePhotoOptions(options: PhotoImportOptions): ResolvedPhotoOptions {
  // A relative root would follow the process's working directory, which nothing here controls.
  if (typeof options.photosRoot !== 'string' || !isAbsolute(options.photosRoot)) {
    throw new RangeError('photosRoot must be an absolute path');
  }
  return {
    photosRoot: options.photosRoot,
    maxFileBytes: positiveInt(options.maxFileBytes, DEFAULT_MAX_FILE_BYTES, 'maxFileBytes'),
    maxPixels: positiveInt(options.maxPixels, DEFAULT_MAX_PIXELS, 'maxPixels'),
    thumbnailSize: positiveInt(options.thumbnailSize, DEFAULT_THUMBNAIL_SIZE, 'thumbnailSize'),
    previewSize: positiveInt(options.previewSize, DEFAULT_PREVIEW_SIZE, 'previewSize'),
    concurrency: Math.min(positiveInt(options.concurrency, DEFAULT_CONCURRENCY, 'concurrency'), 4),
  };
}

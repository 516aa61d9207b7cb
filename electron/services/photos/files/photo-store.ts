import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The three files of one stored photo. */
export interface PhotoFiles {
  original: string;
  thumbnail: string;
  preview: string;
}

export interface PhotoLocation {
  /** Absolute paths, for reading now. */
  absolute: PhotoFiles;
  /** Paths relative to the photos root with '/' separators, for the database (the root moves). */
  relative: PhotoFiles;
}

export type StoredExtension = 'jpg' | 'png';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Where a photo with content hash `sha256` lives: `<root>/ab/abcdef….jpg` plus its derived
 * images beside it. The names come only from the hash, so nothing a file name says can steer a
 * write outside the root.
 */
export function photoLocation(
  photosRoot: string,
  sha256: string,
  extension: StoredExtension,
): PhotoLocation {
  if (!isAbsolute(photosRoot)) throw new Error('The photos root must be an absolute path');
  if (!SHA256_HEX.test(sha256)) throw new Error('Not a SHA-256 hex digest');
  const root = resolve(photosRoot);
  const shard = sha256.slice(0, 2);
  const rel: PhotoFiles = {
    original: `${shard}/${sha256}.${extension}`,
    thumbnail: `${shard}/${sha256}.thumb.jpg`,
    preview: `${shard}/${sha256}.preview.jpg`,
  };
  const abs = (p: string): string => {
    const full = resolve(root, ...p.split('/'));
    // Belt and braces: the shape of the hash already guarantees this.
    const back = relative(root, full);
    if (back.startsWith('..') || isAbsolute(back) || back.split(sep).length !== 2) {
      throw new Error('Photo path escapes the photos root');
    }
    return full;
  };
  return {
    absolute: {
      original: abs(rel.original),
      thumbnail: abs(rel.thumbnail),
      preview: abs(rel.preview),
    },
    relative: rel,
  };
}

export async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const locks = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after any earlier task for the same key has settled, so two imports of the same
 * photo at once cannot both believe they stored it first.
 */
export async function withKeyLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  locks.set(key, settled);
  try {
    return await run;
  } finally {
    if (locks.get(key) === settled) locks.delete(key);
  }
}

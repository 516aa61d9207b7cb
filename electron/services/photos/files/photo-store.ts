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

const HEX_256 = /^[0-9a-f]{64}$/;
const SUFFIX = /^(\.enc)?$/;

/**
 * Where a photo with content name `name` lives: `<root>/ab/abcdef….jpg` plus its derived
 * images beside it (each with `suffix`, '.enc' when encrypted). The names come only from the
 * 256-bit content name, so nothing a file name says can steer a write outside the root.
 */
export function photoLocation(
  photosRoot: string,
  name: string,
  extension: StoredExtension,
  suffix = '',
): PhotoLocation {
  if (!isAbsolute(photosRoot)) throw new Error('The photos root must be an absolute path');
  if (!HEX_256.test(name)) throw new Error('Not a 256-bit hex content name');
  if (!SUFFIX.test(suffix)) throw new Error('Not a stored file suffix');
  const root = resolve(photosRoot);
  const shard = name.slice(0, 2);
  const rel: PhotoFiles = {
    original: `${shard}/${name}.${extension}${suffix}`,
    thumbnail: `${shard}/${name}.thumb.jpg${suffix}`,
    preview: `${shard}/${name}.preview.jpg${suffix}`,
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

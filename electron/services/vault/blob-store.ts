import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../photos/files/atomic-file';

/**
 * Where the bytes of the clinic's files are kept, by key ('photos/ab/….jpg.enc',
 * 'documents/<patient>/….pdf.enc'). Files under the data folder today; a clinic server keeps the
 * same sealed bytes as blobs under the same keys, so nothing above this interface changes.
 */
export interface BlobStore {
  /** Stores `bytes` so that the key holds either nothing or all of them, durably. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
  remove(key: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

/** A key is made of plain names under photos/ or documents/: it can never leave the folder. */
export function checkBlobKey(key: string): string[] {
  const parts = key.split('/');
  const [top, ...rest] = parts;
  if (
    (top !== 'photos' && top !== 'documents') ||
    rest.length === 0 ||
    rest.length > 3 ||
    !rest.every((p) => SEGMENT.test(p) && !p.includes('..'))
  ) {
    throw new Error('Not a stored file key');
  }
  return parts;
}

/** The data folder as a blob store: one file per key, written atomically, owner-only. */
export function directoryBlobStore(dataDir: string): BlobStore & { pathOf(key: string): string } {
  const pathOf = (key: string) => path.join(dataDir, ...checkBlobKey(key));
  return {
    pathOf,
    put: (key, bytes) => writeFileAtomic(pathOf(key), bytes),
    get: async (key) => {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    has: async (key) => (await stat(pathOf(key)).catch(() => null))?.isFile() ?? false,
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}

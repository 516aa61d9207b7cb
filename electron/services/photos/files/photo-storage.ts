import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file';
import { sha256Hex } from './hash';
import { isRegularFile } from './photo-store';

/**
 * Where an import puts a photo's three files, by path relative to the photos root. The app's is
 * the clinic's file vault (encrypted, named by a keyed hash); without one, plain files named by
 * SHA-256 under the root.
 */
export interface PhotoStorage {
  /** Added to each stored name ('.enc' for encrypted files). */
  readonly suffix: string;
  /** The name a photo's files take from the stored original's bytes. */
  nameOf(bytes: Uint8Array): Promise<string>;
  has(relative: string): Promise<boolean>;
  write(relative: string, bytes: Uint8Array): Promise<void>;
}

export function plainPhotoStorage(photosRoot: string): PhotoStorage {
  const abs = (relative: string) => join(photosRoot, ...relative.split('/'));
  return {
    suffix: '',
    nameOf: sha256Hex,
    has: (relative) => isRegularFile(abs(relative)),
    write: (relative, bytes) => writeFileAtomic(abs(relative), bytes),
  };
}

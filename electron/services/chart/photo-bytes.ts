import { readFile } from 'node:fs/promises';
import * as photoStore from '../photos/photos';

type Reader = (dataDir: string, relative: string) => Promise<Buffer>;
type PathOf = (dataDir: string, relative: string) => string;

/**
 * The stored original's plain bytes. Photos are moving to the encrypted file vault
 * (readStoredPhotoFile decrypts); until that lands everywhere, a plain store is read directly.
 * Either way the export gets the pixels the camera took, never ciphertext.
 */
export async function originalPhotoBytes(dataDir: string, relative: string): Promise<Buffer> {
  const store = photoStore as Partial<{ readStoredPhotoFile: Reader; storedFilePath: PathOf }>;
  if (store.readStoredPhotoFile) return store.readStoredPhotoFile(dataDir, relative);
  if (store.storedFilePath) return readFile(store.storedFilePath(dataDir, relative));
  throw new Error('No way to read a stored photo');
}

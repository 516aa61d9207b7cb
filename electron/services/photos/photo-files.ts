import type { Queryable } from '../store/db';
import type { PhotoRow } from '../store/schema';
import type { PhotoStorage } from './files';
import { vaultOf, type FileVault } from '../vault/file-vault';
import { SealedFileError } from '../vault/file-cipher';
import { AppError } from '../core/errors';

/** Where the photo table's relative paths live in the clinic's vault. */
export const PHOTOS_DIR = 'photos';

/** True when some record (any patient's) still points at the stored picture. */
export async function photoFileInUse(db: Queryable, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('photo')
    .select('id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row !== undefined;
}

/** The vault key of a path the photo table records (relative to the photos root). */
export function photoKey(relative: string): string {
  return `${PHOTOS_DIR}/${relative}`;
}

/** The photo store of an import: the clinic's vault, under photos/. */
export function photoStorage(vault: FileVault): PhotoStorage {
  return {
    suffix: vault.suffix,
    nameOf: (bytes) => vault.nameOf(bytes),
    has: (relative) => vault.has(photoKey(relative)),
    write: (relative, bytes) => vault.write(photoKey(relative), bytes),
  };
}

/** A stored image of a photo, decrypted; a missing or refused file is a typed error. */
export async function readStoredPhotoFile(dataDir: string, relative: string): Promise<Buffer> {
  try {
    return await vaultOf(dataDir).read(photoKey(relative));
  } catch (error) {
    if (error instanceof SealedFileError && error.reason === 'missing') {
      throw new AppError('NOT_FOUND', { key: 'errors.photos.fileMissing' });
    }
    if (error instanceof SealedFileError) throw error;
    throw new AppError('INTERNAL', { key: 'errors.photos.fileUnreadable' });
  }
}

/** The thumbnail or preview of a photo as a data URL, for the renderer's <img>. */
export async function readPhotoImage(
  dataDir: string,
  row: Pick<PhotoRow, 'thumbnail_path' | 'preview_path'>,
  size: 'thumbnail' | 'preview',
): Promise<string> {
  const relative = size === 'thumbnail' ? row.thumbnail_path : row.preview_path;
  const bytes = await readStoredPhotoFile(dataDir, relative);
  return `data:image/jpeg;base64,${bytes.toString('base64')}`;
}

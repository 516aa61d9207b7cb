import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { PhotoError } from './photo-error';

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Rejects path strings the main process should never have passed on. */
export function assertSourcePath(sourcePath: unknown): asserts sourcePath is string {
  if (typeof sourcePath !== 'string' || sourcePath.length === 0) {
    throw new PhotoError('invalid-path', { key: 'errors.photoFiles.noFile' });
  }
  // A NUL byte truncates the path in C APIs: what is checked would not be what is opened.
  if (sourcePath.includes('\0'))
    throw new PhotoError('invalid-path', { key: 'errors.photoFiles.badPath' });
  if (!isAbsolute(sourcePath)) {
    throw new PhotoError('invalid-path', { key: 'errors.photoFiles.notAbsolute' });
  }
}

/**
 * Reads a source photo whole, refusing anything that is not a regular file or is larger than
 * `maxBytes`. The type and size are checked on the open handle, so a file swapped between the
 * check and the read cannot slip through.
 */
export async function readSourceFile(sourcePath: string, maxBytes: number): Promise<Buffer> {
  assertSourcePath(sourcePath);
  let handle: FileHandle;
  try {
    // Non-blocking, so that a FIFO opens at once (and is then refused) instead of hanging.
    handle = await open(sourcePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new PhotoError('not-a-file', { key: 'errors.photoFiles.folder' });
    throw new PhotoError('unreadable', { key: 'errors.photoFiles.notOpened' }, { cause: error });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new PhotoError('not-a-file', {
        key: stats.isDirectory() ? 'errors.photoFiles.folder' : 'errors.photoFiles.notRegular',
      });
    }
    if (stats.size === 0) throw new PhotoError('empty-file', { key: 'errors.photoFiles.empty' });
    if (stats.size > maxBytes) {
      throw new PhotoError('file-too-large', {
        key: 'errors.photoFiles.tooLarge',
        params: { size: formatMegabytes(stats.size), limit: formatMegabytes(maxBytes) },
      });
    }
    const bytes = Buffer.alloc(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof PhotoError) throw error;
    throw new PhotoError('unreadable', { key: 'errors.photoFiles.notRead' }, { cause: error });
  } finally {
    await handle.close();
  }
}

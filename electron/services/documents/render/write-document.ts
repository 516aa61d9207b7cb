import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DocumentGenerationError } from './document-errors';

export interface ArchivedDocument {
  path: string;
  sha256: string;
  size: number;
}

const safeName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.pdf$/;

/**
 * Writes a finished document so that the archive never holds half a file: temp name, fsync,
 * rename, then fsync of the directory so the rename itself survives a power cut. The default
 * name is the content hash, like photos, so archiving the same bytes twice is harmless.
 */
export async function writeDocumentAtomically(
  dir: string,
  bytes: Uint8Array,
  options: { fileName?: string } = {},
): Promise<ArchivedDocument> {
  if (bytes.length === 0) {
    throw new DocumentGenerationError('write', 'the document is empty');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileName = options.fileName ?? `${sha256}.pdf`;
  if (!safeName.test(fileName)) {
    throw new DocumentGenerationError('input', 'the file name is not a plain PDF file name');
  }
  const target = path.join(dir, fileName);
  const temp = path.join(dir, `.${fileName}.${randomBytes(6).toString('hex')}.tmp`);

  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(
      temp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
      0o600,
    );
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
    throw new DocumentGenerationError('write', `the file could not be written (${code})`, {
      cause: error,
    });
  }
  await syncDirectory(dir);
  return { path: target, sha256, size: bytes.length };
}

/** Best effort: some platforms (Windows) cannot open a directory for fsync. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file itself is already durable; only the directory entry may lag.
  }
}

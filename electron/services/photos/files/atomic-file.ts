import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Prefix of in-progress files, so a sweep can recognise leftovers of a power cut. */
export const TEMP_PREFIX = '.tmp-';

/** Makes a directory's entries (a rename, a new file) durable. */
async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for syncing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `dir` (and parents), making each new entry durable in its parent. */
export async function ensureDirectory(dir: string): Promise<void> {
  const firstCreated = await mkdir(dir, { recursive: true, mode: 0o700 });
  if (firstCreated !== undefined) await fsyncDirectory(dirname(firstCreated));
}

/**
 * Writes `data` to `finalPath` so that the path holds either nothing or the complete file, even
 * across a crash: temp file in the same directory, fsync, rename, fsync of the directory. On any
 * error the temp file is removed.
 */
export async function writeFileAtomic(finalPath: string, data: Uint8Array): Promise<void> {
  const dir = dirname(finalPath);
  await ensureDirectory(dir);
  const tempPath = join(
    dir,
    `${TEMP_PREFIX}${randomBytes(8).toString('hex')}-${basename(finalPath)}`,
  );
  try {
    // 'wx': never follow or reuse an existing entry. Photos are health data: owner only.
    const handle = await open(tempPath, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, finalPath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
  await fsyncDirectory(dir);
}

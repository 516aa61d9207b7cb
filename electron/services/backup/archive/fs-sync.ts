import { open } from 'node:fs/promises';

/** Makes a directory's entries (a rename, a new file) durable. */
export async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for syncing; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

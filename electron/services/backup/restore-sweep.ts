import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** A restore still running (another window, the admin tool) keeps writing; only old ones go. */
const STALE_MS = 60 * 60 * 1000;

/**
 * Removes what an interrupted restore left beside the data folder: `.<folder>.restore-*` holds
 * the backup's database while it is checked, before it is encrypted, so it must not outlive a
 * crash. Returns the names removed.
 */
export async function sweepRestoreStaging(dataDir: string, now = Date.now()): Promise<string[]> {
  const parent = path.dirname(path.resolve(dataDir));
  const prefix = `.${path.basename(path.resolve(dataDir))}.restore-`;
  const removed: string[] = [];
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{12}$/.test(name.slice(prefix.length))) continue;
    const full = path.join(parent, name);
    const info = await stat(full).catch(() => null);
    if (!info?.isDirectory() || now - info.mtimeMs < STALE_MS) continue;
    await rm(full, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_PREFIX } from './atomic-file';

const SHARD = /^[0-9a-f]{2}$/;

/**
 * Removes temp files a crash or power cut left in the photo store. Call it at start-up, before
 * any import runs: a temp file of a running import would be removed under it.
 * Returns how many were removed.
 */
export async function removeStaleTempFiles(photosRoot: string): Promise<number> {
  let removed = 0;
  let shards: string[];
  try {
    shards = (await readdir(photosRoot, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && SHARD.test(entry.name))
      .map((entry) => entry.name);
  } catch {
    return 0;
  }
  for (const shard of shards) {
    const dir = join(photosRoot, shard);
    for (const name of await readdir(dir)) {
      if (!name.startsWith(TEMP_PREFIX)) continue;
      await rm(join(dir, name), { force: true });
      removed += 1;
    }
  }
  return removed;
}

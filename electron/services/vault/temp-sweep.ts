import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_PREFIX } from '../photos/files/atomic-file';
import { SERVER_CACHE_DIR } from './server-blob-store';

/** Where the clinic's files (and a workstation's cache of the server's) are written. */
const STORES = [
  'documents',
  'photos',
  path.join(SERVER_CACHE_DIR, 'photos'),
  path.join(SERVER_CACHE_DIR, 'documents'),
];

/**
 * The temp names of an interrupted write: every store write goes through writeFileAtomic
 * ('.tmp-<16 hex>-<final name>'); archives written before the vault used '.<name>.pdf.<12 hex>.tmp'.
 */
const TEMP_NAMES = [
  new RegExp(`^${TEMP_PREFIX.replace('.', '\\.')}[0-9a-f]{16}-[A-Za-z0-9][A-Za-z0-9._-]*$`),
  /^\.[A-Za-z0-9][A-Za-z0-9._-]*\.pdf\.[0-9a-f]{12}\.tmp$/,
];

/** Keys are at most three names below a store's top folder (see checkBlobKey). */
const MAX_DEPTH = 3;

async function sweepFolder(dir: string, depth: number, removed: string[], root: string) {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // The viewer's plain copies have their own sweep; links are never followed.
    if (entry.isDirectory() && !entry.name.startsWith('.') && depth < MAX_DEPTH) {
      await sweepFolder(full, depth + 1, removed, root);
    } else if (entry.isFile() && TEMP_NAMES.some((re) => re.test(entry.name))) {
      await rm(full, { force: true });
      removed.push(path.relative(root, full).split(path.sep).join('/'));
    }
  }
}

/**
 * Removes what a crash or power cut left half-written in the data folder's stores: temp files of
 * archived PDFs, photos and derived images, and of the server cache. A plain vault's temp file
 * is a readable PDF or photo. Runs at start-up, before anything can write; nothing else (the
 * stored files, a file the store does not name this way) is touched. Returns what it removed,
 * relative to the data folder.
 */
export async function sweepStoreTempFiles(dataDir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const store of STORES) await sweepFolder(path.join(dataDir, store), 1, removed, dataDir);
  return removed;
}

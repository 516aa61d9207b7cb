import path from 'node:path';
import type { Db } from '../store/db';
import type { StoreDialect } from '../store/dialect';
import { sweepViewingCopies } from '../documents/archive';
import { plainVault, registerVault, sealedVault, type FileVault } from './file-vault';
import { sealPlainFiles, type SealReport } from './seal-plain-files';
import { sweepStoreTempFiles } from './temp-sweep';
import {
  cachedServerBlobStore,
  hasPlainBlobs,
  serverBlobStore,
  SERVER_CACHE_DIR,
} from './server-blob-store';

export interface OpenedVault {
  vault: FileVault;
  /** What the start-up upgrade encrypted (zero counts once a clinic is encrypted). */
  sealed: SealReport;
  close(): Promise<void>;
}

/**
 * The data folder's files for a running app: sealed under keys derived from the data key (plain
 * without one), plain files of an upgraded or restored clinic encrypted before anything reads
 * them, and the system viewer's plain copies and the temp files of an earlier run removed.
 */
export async function openVault(
  dataDir: string,
  dataKey: Buffer | undefined,
  store: {
    db: Db;
    dialect?: StoreDialect;
    transaction<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  },
): Promise<OpenedVault> {
  // A clinic server's files are blobs in its database, shared by every workstation; this
  // computer keeps sealed copies of the derived images it has shown.
  const blobs =
    store.dialect === 'postgres'
      ? cachedServerBlobStore(serverBlobStore(store.db), path.join(dataDir, SERVER_CACHE_DIR))
      : undefined;
  const vault = dataKey ? sealedVault(dataDir, dataKey, blobs) : plainVault(dataDir, blobs);
  await sweepViewingCopies(dataDir);
  // Half-written files of a crash (a plain vault's are readable PDFs and photos).
  await sweepStoreTempFiles(dataDir).catch(() => undefined);
  // On a server only blobs stored plain (a restore) need sealing: their first bytes tell, read
  // without fetching any photo; otherwise every workstation's start would pull every original.
  const sealed =
    store.dialect === 'postgres' && (!dataKey || !(await hasPlainBlobs(store.db)))
      ? { photos: 0, documents: 0, skipped: 0 }
      : await sealPlainFiles(store, vault);
  const unregister = registerVault(vault);
  return {
    vault,
    sealed,
    close: async () => {
      unregister();
      await sweepViewingCopies(dataDir).catch(() => undefined);
    },
  };
}

import type { Db } from '../store/db';
import { sweepViewingCopies } from '../documents/archive';
import { plainVault, registerVault, sealedVault, type FileVault } from './file-vault';
import { sealPlainFiles, type SealReport } from './seal-plain-files';

export interface OpenedVault {
  vault: FileVault;
  /** What the start-up upgrade encrypted (zero counts once a clinic is encrypted). */
  sealed: SealReport;
  close(): Promise<void>;
}

/**
 * The data folder's files for a running app: sealed under keys derived from the data key (plain
 * without one), plain files of an upgraded or restored clinic encrypted before anything reads
 * them, and the system viewer's plain copies of an earlier run removed.
 */
export async function openVault(
  dataDir: string,
  dataKey: Buffer | undefined,
  store: { db: Db; transaction<T>(fn: (trx: Db) => Promise<T>): Promise<T> },
): Promise<OpenedVault> {
  const vault = dataKey ? sealedVault(dataDir, dataKey) : plainVault(dataDir);
  await sweepViewingCopies(dataDir);
  const sealed = await sealPlainFiles(store, vault);
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

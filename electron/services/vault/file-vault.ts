import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { directoryBlobStore, type BlobStore } from './blob-store';
import { SealedFileError, looksSealed, openBytes, sealBytes } from './file-cipher';
import { deriveFileKeys, keyCheck } from './file-keys';

/**
 * The clinic's files (photos, derived images, archived PDFs) as the services see them: plain
 * bytes in, plain bytes out, by key. A sealed vault encrypts each file (AES-256-GCM) and names it
 * by a keyed hash of its content; a plain vault (a clinic opened without a data key: tools,
 * the unencrypted side of the benchmark) keeps today's plain files named by SHA-256.
 */
export interface FileVault {
  readonly sealed: boolean;
  readonly dataDir: string;
  /** Added to every stored name: '.enc' when sealed, so a sealed file is never taken for a photo. */
  readonly suffix: string;
  /** The content name of `bytes`: HMAC-SHA256 under the name key when sealed, else SHA-256. */
  nameOf(bytes: Uint8Array): Promise<string>;
  write(key: string, bytes: Uint8Array): Promise<void>;
  /** The plain bytes; SealedFileError when missing, not sealed, of another key or tampered. */
  read(key: string): Promise<Buffer>;
  has(key: string): Promise<boolean>;
  remove(key: string): Promise<void>;
  /** The store under the vault, for the upgrade that seals plain files. */
  readonly blobs: BlobStore;
}

const SLICE = 1024 * 1024;

async function digestHex(hash: Hash | Hmac, bytes: Uint8Array): Promise<string> {
  for (let at = 0; at < bytes.length; at += SLICE) {
    hash.update(bytes.subarray(at, at + SLICE));
    if (at + SLICE < bytes.length) await yieldToEventLoop();
  }
  return hash.digest('hex');
}

export function sealedVault(dataDir: string, dataKey: Buffer, blobs?: BlobStore): FileVault {
  const { sealKey, nameKey } = deriveFileKeys(dataKey);
  const check = keyCheck(sealKey);
  const store = blobs ?? directoryBlobStore(dataDir);
  return {
    sealed: true,
    dataDir,
    suffix: '.enc',
    blobs: store,
    nameOf: (bytes) => digestHex(createHmac('sha256', nameKey), bytes),
    write: async (key, bytes) => store.put(key, await sealBytes(sealKey, check, key, bytes)),
    read: async (key) => {
      const stored = await store.get(key);
      if (stored === null) throw new SealedFileError('missing');
      return openBytes(sealKey, check, key, stored);
    },
    has: (key) => store.has(key),
    remove: (key) => store.remove(key),
  };
}

export function plainVault(dataDir: string, blobs?: BlobStore): FileVault {
  const store = blobs ?? directoryBlobStore(dataDir);
  return {
    sealed: false,
    dataDir,
    suffix: '',
    blobs: store,
    nameOf: (bytes) => digestHex(createHash('sha256'), bytes),
    write: (key, bytes) => store.put(key, bytes),
    read: async (key) => {
      const stored = await store.get(key);
      if (stored === null) throw new SealedFileError('missing');
      // A sealed file where a plain one is expected: opened without the clinic's key.
      if (looksSealed(stored)) throw new SealedFileError('wrong-key');
      return stored;
    },
    has: (key) => store.has(key),
    remove: (key) => store.remove(key),
  };
}

// The services name the data folder everywhere (documents, photos, the safety gate); the
// folder's vault is found from it, so a file is never read or written without its key.
const vaults = new Map<string, FileVault>();

export function registerVault(vault: FileVault): () => void {
  vaults.set(vault.dataDir, vault);
  return () => {
    if (vaults.get(vault.dataDir) === vault) vaults.delete(vault.dataDir);
  };
}

/** The vault of an open data folder; a plain one for a folder no app opened with a key. */
export function vaultOf(dataDir: string): FileVault {
  return vaults.get(dataDir) ?? plainVault(dataDir);
}

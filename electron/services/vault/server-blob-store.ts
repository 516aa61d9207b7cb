import { sql } from 'kysely';
import type { Db } from '../store/db';
import { checkBlobKey, directoryBlobStore, type BlobStore } from './blob-store';
import { SEALED_MAGIC } from './file-cipher';

/**
 * A clinic server's files: the sealed bytes in the database's file_blob table, under the same
 * keys a data folder uses. Every workstation reads the same bytes and the server's backup holds
 * them; the vault above seals before `put` and opens after `get`, so the table holds only
 * ciphertext named by a keyed hash of the content.
 */
export function serverBlobStore(db: Db, clock: () => Date = () => new Date()): BlobStore {
  return {
    put: async (key, bytes) => {
      checkBlobKey(key);
      const value = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      // One statement: the key holds nothing or every byte. The same key is the same content
      // (a keyed hash names it), so a second workstation importing the photo replaces it with
      // an equivalent sealing rather than failing.
      await sql`INSERT INTO file_blob (key, bytes, size, stored_at)
        VALUES (${key}, ${value}, ${value.length}, ${clock().toISOString()})
        ON CONFLICT (key) DO UPDATE SET bytes = EXCLUDED.bytes, size = EXCLUDED.size,
          stored_at = EXCLUDED.stored_at`.execute(db);
    },
    get: async (key) => {
      checkBlobKey(key);
      const row = await sql<{ bytes: Buffer }>`SELECT bytes FROM file_blob WHERE key = ${key}`
        .execute(db)
        .then((r) => r.rows[0]);
      return row ? row.bytes : null;
    },
    has: async (key) => {
      checkBlobKey(key);
      const row = await sql<{ one: number }>`SELECT 1 AS one FROM file_blob WHERE key = ${key}`
        .execute(db)
        .then((r) => r.rows[0]);
      return row !== undefined;
    },
    remove: async (key) => {
      checkBlobKey(key);
      await sql`DELETE FROM file_blob WHERE key = ${key}`.execute(db);
    },
  };
}

/** True when some stored file is not sealed (restored plain, waiting to be sealed on opening). */
export async function hasPlainBlobs(db: Db): Promise<boolean> {
  // EXTERNAL storage: the first four bytes are read without the rest of each file.
  const found = await sql<{ one: number }>`SELECT 1 AS one FROM file_blob
    WHERE substring(bytes FROM 1 FOR 4) <> ${SEALED_MAGIC} LIMIT 1`.execute(db);
  return found.rows.length > 0;
}

/** Thumbnails and previews: read on every list of a chart, worth keeping beside each screen. */
export const isDerivedImageKey = (key: string): boolean =>
  /^photos\/[^/]+\/[^/]+\.(thumb|preview)\.jpg(\.enc)?$/.test(key);

export const SERVER_CACHE_DIR = 'server-cache';

/**
 * The server's store with a workstation's cache of derived images in its data folder: the cached
 * bytes are the sealed bytes of the server (the cache is as unreadable as the table without the
 * clinic's key), and a cached file is only a copy: writes and removals go to the server first.
 * A damaged cached copy fails authentication like any sealed file, so it is never shown.
 */
export function cachedServerBlobStore(server: BlobStore, cacheDir: string): BlobStore {
  const cache = directoryBlobStore(cacheDir);
  return {
    put: async (key, bytes) => {
      await server.put(key, bytes);
      if (isDerivedImageKey(key)) await cache.remove(key);
    },
    get: async (key) => {
      if (!isDerivedImageKey(key)) return server.get(key);
      const cached = await cache.get(key).catch(() => null);
      if (cached) return cached;
      const bytes = await server.get(key);
      // A full or read-only local disk only costs the next read a trip to the server.
      if (bytes) await cache.put(key, bytes).catch(() => undefined);
      return bytes;
    },
    has: (key) => server.has(key),
    remove: async (key) => {
      await server.remove(key);
      await cache.remove(key);
    },
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadAuditKey } from '../audit/audit-key';
import { openStore } from '../store/database';
import {
  commonTables,
  copyServerToSqlite,
  differingTables,
  fingerprintServer,
  fingerprintSqlite,
  pgClient,
} from '../store/copy-records';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index';
import { openPostgresStore } from '../store/postgres';
import { moveToServer, type ServerMoveReport } from '../store/server-move';
import { directoryBlobStore } from '../vault/blob-store';
import { sealedVault } from '../vault/file-vault';
import { hasPlainBlobs, serverBlobStore } from '../vault/server-blob-store';
import { sealPlainFiles } from '../vault/seal-plain-files';
import { BackupError, createBackup, type BackupProgress, type BackupResult } from './archive';
import type { KdfParams } from './archive';
import { readAuditHead } from './audit-head';
import { restoreBackup, type BackupSummary } from './restore';

/**
 * Backups of a clinic server in the format of a single computer's: the archive holds the record
 * as a SQLite database and the files decrypted, all encrypted with the backup passphrase. The
 * server's rows are written into that database from one consistent snapshot (and checked table
 * by table against it), its sealed blobs opened with the clinic's key. Such a backup verifies
 * like any other, restores into an empty server database, or opens on one computer.
 */
export interface ServerBackupOptions {
  /** Any role that reads every row (the workstations' or the owner's). */
  url: string;
  /** The clinic's data key: the server's files are sealed under it. */
  dataKey: Buffer;
  auditKey: Buffer;
  /** A folder on this computer for the snapshot while it is written (removed afterwards). */
  workDir: string;
  folder: string;
  passphrase: string;
  keep: number;
  now: Date;
  kdf?: KdfParams;
  onProgress?: (p: BackupProgress) => void;
}

async function scratch(workDir: string, what: string): Promise<string> {
  return mkdtemp(path.join(workDir, `.server-${what}-`));
}

/** Writes the server's snapshot (records and sealed files) into `dir` as a data folder. */
async function snapshotServer(url: string, dir: string): Promise<void> {
  const store = openStore(path.join(dir, 'mesochart.sqlite'));
  const client = await pgClient(url);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const version = await client.query<{ version: number }>('SELECT version FROM schema_version');
    if (version.rows[0]?.version !== LATEST_SCHEMA_VERSION) {
      throw new BackupError(
        'invalid-path',
        `The server's data is at version ${version.rows[0]?.version ?? 0}; this Mesochart ` +
          `backs up version ${LATEST_SCHEMA_VERSION}. Use the Mesochart the clinic runs.`,
      );
    }
    const tables = await commonTables(client, store.sqlite);
    await copyServerToSqlite(client, store.sqlite, tables);
    const differing = differingTables(
      await fingerprintServer(client, tables),
      fingerprintSqlite(store.sqlite, tables),
    );
    if (differing.length > 0) {
      throw new BackupError(
        'io',
        `The snapshot does not match the server (${differing.join(', ')}).`,
      );
    }
    const files = directoryBlobStore(dir);
    const keys = await client.query<{ key: string }>('SELECT key FROM file_blob ORDER BY key');
    for (const { key } of keys.rows) {
      const row = await client.query<{ bytes: Buffer }>(
        'SELECT bytes FROM file_blob WHERE key = $1',
        [key],
      );
      // The sealed bytes as stored: the archive step below opens them with the clinic's key.
      if (row.rows[0]) await files.put(key, row.rows[0].bytes);
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
    await store.close();
  }
}

export async function backupServer(options: ServerBackupOptions): Promise<BackupResult> {
  const dir = await scratch(options.workDir, 'backup');
  try {
    await snapshotServer(options.url, dir);
    const store = openStore(path.join(dir, 'mesochart.sqlite'));
    try {
      const vault = sealedVault(dir, options.dataKey);
      return await createBackup({
        sqlite: store.sqlite,
        dataDir: dir,
        folder: options.folder,
        passphrase: options.passphrase,
        keep: options.keep,
        now: options.now,
        ...(options.kdf ? { kdf: options.kdf } : {}),
        auditKey: options.auditKey,
        auditHead: (file) => readAuditHead(file),
        readSealed: (relPath) => vault.read(relPath),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ServerRestoreOptions {
  file: string;
  passphrase: string;
  /** The empty server database's owner. */
  ownerUrl: string;
  runtimeRole?: string | undefined;
  /** The key the clinic's workstations open files with: restored files are sealed under it. */
  dataKey: Buffer;
  workDir: string;
}

export interface ServerRestoreReport extends ServerMoveReport {
  backup: BackupSummary;
  /** The audit chain's key the backup carried (the workstations must hold the same). */
  auditKey: Buffer;
}

/**
 * Restores a backup into an empty server database: the archive is checked and extracted on this
 * computer, its record copied and verified as a clinic moving to the server is, and its files
 * sealed under the clinic's key on the server before anything else reads them.
 */
export async function restoreServer(options: ServerRestoreOptions): Promise<ServerRestoreReport> {
  const dir = await scratch(options.workDir, 'restore');
  const target = path.join(dir, 'clinic');
  try {
    const backup = await restoreBackup(options.file, options.passphrase, target);
    const auditKey = loadAuditKey(target, () => true);
    // A backup of an older version is brought to this one's schema first, on the copy.
    await openStore(path.join(target, 'mesochart.sqlite')).close();
    const moved = await moveToServer({
      dataDir: target,
      auditKey,
      ownerUrl: options.ownerUrl,
      runtimeRole: options.runtimeRole,
    });
    const server = await openPostgresStore({ url: options.ownerUrl, poolSize: 2 });
    try {
      const vault = sealedVault(target, options.dataKey, serverBlobStore(server.db));
      const sealed = await sealPlainFiles(server, vault);
      if (sealed.skipped > 0 || (await hasPlainBlobs(server.db))) {
        throw new BackupError('damaged', 'Some restored files could not be sealed on the server.');
      }
    } finally {
      await server.close();
    }
    return { ...moved, backup, auditKey };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BackupError } from './backup-error';
import {
  AUDIT_KEY_ENTRY,
  BACKUP_NAME,
  BACKUP_TEMP_PREFIX,
  DATABASE_ENTRY,
  checkBackupFolder,
  listRecordFiles,
  type DataFile,
} from './backup-paths';
import { ChunkWriter, newHeader, type KdfParams } from './encrypted-file';
import { copyFileBody, writeEnd, writeFileHeader, type ManifestFile } from './archive';
import { fsyncDirectory } from './fs-sync';

export interface BackupProgress {
  doneBytes: number;
  totalBytes: number;
  files: number;
  totalFiles: number;
}

export interface CreateBackupOptions {
  /** The open store's connection: the snapshot is taken through it, never by copying the file. */
  sqlite: Database.Database;
  /**
   * Writes the database's consistent, unencrypted copy to a new file; the store's own, for an
   * encrypted store (SQLite's backup API cannot copy it to a plain file). Default: the backup API.
   */
  snapshot?: (file: string) => Promise<void>;
  dataDir: string;
  folder: string;
  passphrase: string;
  /** How many backups to keep in the folder, this one included. */
  keep: number;
  now: Date;
  /**
   * The plain bytes of a record file stored encrypted (its name ends in '.enc'). The archive is
   * encrypted with the backup passphrase, so files travel decrypted inside it, like the
   * database: a restore can then be opened where this clinic's data key is lost.
   */
  readSealed?: (relPath: string) => Promise<Buffer>;
  kdf?: KdfParams;
  chunkBytes?: number;
  /**
   * The audit chain's key, from the clinic's sealed key file: written into the backup (whose
   * archive the backup passphrase encrypts) so a restored clinic still verifies its chain.
   * Without it, a folder's legacy `audit.key` file is taken.
   */
  auditKey?: Buffer;
  /** The audit chain's head when the snapshot was taken, kept in the manifest to check on restore. */
  auditHead?: (snapshotFile: string) => { seq: number; hash: string } | null;
  onProgress?: (progress: BackupProgress) => void;
}

export interface BackupResult {
  file: string;
  size: number;
  files: number;
  createdAt: string;
  removed: string[];
}

export const MIN_PASSPHRASE_LENGTH = 12;

function backupName(now: Date, attempt: number): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `mesochart-backup-${stamp}${attempt > 0 ? `-${attempt}` : ''}.mcbak`;
}

async function freeName(folder: string, now: Date): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const candidate = path.join(folder, backupName(now, attempt));
    if (!(await stat(candidate).catch(() => null))) return candidate;
  }
  throw new BackupError('io', 'Too many backups with the same time stamp in that folder.');
}

const SNAPSHOT_PREFIX = '.backup-snapshot-';
const SNAPSHOT = /^\.backup-snapshot-[0-9a-f]{16}\.sqlite(-journal|-wal|-shm)?$/;

/**
 * Snapshot of the live database through SQLite's backup API, beside it. The file is created
 * empty with mode 0600 first, so SQLite writes into it (and makes its journal) with the same
 * protection as the database rather than the process's default.
 */
export async function snapshotDatabase(
  sqlite: Database.Database,
  dataDir: string,
  snapshot?: (file: string) => Promise<void>,
): Promise<string> {
  const file = path.join(dataDir, `${SNAPSHOT_PREFIX}${randomBytes(8).toString('hex')}.sqlite`);
  try {
    if (snapshot) {
      await snapshot(file);
    } else {
      const handle = await open(file, 'wx', 0o600);
      await handle.close();
      await sqlite.backup(file);
    }
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return file;
}

/**
 * Removes snapshots a crashed backup left in the data folder: each is a full copy of the
 * database. Called at start-up, before any backup can run.
 */
export async function sweepBackupSnapshots(dataDir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dataDir).catch(() => [] as string[])) {
    if (!SNAPSHOT.test(name)) continue;
    await rm(path.join(dataDir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Writes one encrypted backup file of the database, the audit key, photos and documents to
 * `folder`, then keeps the newest `keep` backups there. The file appears under its final name
 * only once complete and synced; a failure leaves no partial backup behind.
 */
export async function createBackup(options: CreateBackupOptions): Promise<BackupResult> {
  if (options.passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new BackupError(
      'invalid-path',
      `The backup passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`,
      undefined,
      { key: 'errors.backup.passphraseTooShort', params: { min: MIN_PASSPHRASE_LENGTH } },
    );
  }
  const folder = await checkBackupFolder(options.folder, options.dataDir);
  const schemaVersion = options.sqlite.pragma('user_version', { simple: true }) as number;
  const snapshot = await snapshotDatabase(options.sqlite, options.dataDir, options.snapshot);
  const temp = path.join(folder, `${BACKUP_TEMP_PREFIX}${randomBytes(8).toString('hex')}.part`);
  try {
    // The file list is taken after the snapshot: every file a snapshot row names already exists.
    const sources: DataFile[] = [
      { relPath: DATABASE_ENTRY, absPath: snapshot, size: (await stat(snapshot)).size },
      ...(options.auditKey
        ? [auditKeyEntry(options.auditKey)]
        : await auditKeyFile(options.dataDir)),
      ...(await listRecordFiles(options.dataDir)),
    ];
    const totalBytes = sources.reduce((sum, f) => sum + f.size, 0);
    const progress: BackupProgress = {
      doneBytes: 0,
      totalBytes,
      files: 0,
      totalFiles: sources.length,
    };
    options.onProgress?.({ ...progress });
    const { header, keys } = await newHeader(options.passphrase, options.kdf, options.chunkBytes);
    const out = await open(temp, 'wx', 0o600);
    let size: number;
    try {
      const writer = new ChunkWriter(out, header, keys);
      await writer.start();
      const files: ManifestFile[] = [];
      for (const source of sources) {
        files.push(
          source.relPath.endsWith('.enc') && options.readSealed
            ? await addBytes(
                writer,
                source.relPath,
                await options.readSealed(source.relPath),
                progress,
                options.onProgress,
              )
            : await addFile(writer, source, progress, options.onProgress),
        );
      }
      await writeEnd(writer, {
        format: 1,
        app: 'mesochart',
        createdAt: options.now.toISOString(),
        schemaVersion,
        files,
        ...(options.auditHead ? { auditHead: options.auditHead(snapshot) } : {}),
      });
      size = await writer.finish();
      await out.sync();
    } finally {
      await out.close();
    }
    const file = await freeName(folder, options.now);
    await rename(temp, file);
    await fsyncDirectory(folder);
    const removed = await pruneBackups(folder, options.keep);
    return { file, size, files: sources.length, createdAt: options.now.toISOString(), removed };
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(
      'io',
      `The backup could not be written${code ? ` (${code})` : ''}; no partial backup was left.`,
      { cause: error },
    );
  } finally {
    await rm(snapshot, { force: true }).catch(() => undefined);
  }
}

function auditKeyEntry(key: Buffer): DataFile {
  const content = Buffer.from(key.toString('hex'));
  return { relPath: AUDIT_KEY_ENTRY, absPath: '', size: content.length, content };
}

async function auditKeyFile(dataDir: string): Promise<DataFile[]> {
  const absPath = path.join(dataDir, AUDIT_KEY_ENTRY);
  const info = await stat(absPath).catch(() => null);
  return info?.isFile() ? [{ relPath: AUDIT_KEY_ENTRY, absPath, size: info.size }] : [];
}

async function addFile(
  writer: ChunkWriter,
  source: DataFile,
  progress: BackupProgress,
  onProgress: CreateBackupOptions['onProgress'],
): Promise<ManifestFile> {
  if (source.content) {
    await writeFileHeader(writer, source.relPath, source.content.length);
    await writer.write(source.content);
    progress.doneBytes += source.content.length;
    progress.files += 1;
    onProgress?.({ ...progress });
    return {
      path: source.relPath,
      size: source.content.length,
      sha256: createHash('sha256').update(source.content).digest('hex'),
    };
  }
  // O_NOFOLLOW: a file swapped for a link after the listing is not followed.
  const handle = await open(source.absPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('not a regular file');
    await writeFileHeader(writer, source.relPath, info.size);
    const sha256 = await copyFileBody(writer, handle, info.size, (n) => {
      progress.doneBytes += n;
      onProgress?.({ ...progress });
    });
    progress.files += 1;
    onProgress?.({ ...progress });
    return { path: source.relPath, size: info.size, sha256 };
  } finally {
    await handle.close();
  }
}

async function addBytes(
  writer: ChunkWriter,
  relPath: string,
  bytes: Buffer,
  progress: BackupProgress,
  onProgress: CreateBackupOptions['onProgress'],
): Promise<ManifestFile> {
  await writeFileHeader(writer, relPath, bytes.length);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  for (let at = 0; at < bytes.length; at += 1024 * 1024) {
    await writer.write(bytes.subarray(at, at + 1024 * 1024));
  }
  progress.doneBytes += bytes.length;
  progress.files += 1;
  onProgress?.({ ...progress });
  return { path: relPath, size: bytes.length, sha256 };
}

/** Removes the oldest finished backups beyond `keep`; nothing else in the folder is touched. */
export async function pruneBackups(folder: string, keep: number): Promise<string[]> {
  const order = (name: string) => {
    const m = /T(\d{6})Z(?:-(\d+))?/.exec(name);
    return `${name.slice(0, name.indexOf('T'))}${m?.[1] ?? ''}${(m?.[2] ?? '0').padStart(3, '0')}`;
  };
  const names = (await readdir(folder))
    .filter((n) => BACKUP_NAME.test(n))
    .sort((a, b) => order(a).localeCompare(order(b)));
  const surplus = names.slice(0, Math.max(0, names.length - Math.max(1, keep)));
  for (const name of surplus) await rm(path.join(folder, name), { force: true });
  return surplus;
}

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, rename, rm, rmdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BackupError, damaged } from './archive/backup-error';
import {
  DATABASE_ENTRY,
  checkBackupFile,
  checkEntryPath,
  checkRestoreTarget,
} from './archive/backup-paths';
import { ByteSource, readEntry, type Manifest, type ManifestFile } from './archive/archive';
import { decryptChunks, readHeader, unlockHeader } from './archive/encrypted-file';
import { fsyncDirectory } from './archive/fs-sync';
import { DatabaseTooNewError, openStore } from '../store/database';
import { sealHeadWithFolderKey } from '../audit/audit-key';
import { sealLegacyHead } from '../audit/audit-log';
import { RestoreSealer, checkRestoreKeys, type RestoreKeys } from './restore-seal';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index';

export interface BackupSummary {
  createdAt: string;
  schemaVersion: number;
  files: number;
  bytes: number;
  /** A restore sealed under new keys: their recovery key, to be shown once. */
  recoveryKey?: string;
}

/**
 * Decrypts a backup, checking every chunk, every entry path and the manifest. Files are written
 * under `staging` when `writeAll`; otherwise only the database is written (for its integrity
 * check) and the other files are hashed as they stream past.
 */
async function extract(
  file: string,
  passphrase: string,
  staging: string,
  writeAll: boolean,
  onBytes: (n: number) => void = () => undefined,
  sealer?: RestoreSealer,
): Promise<Manifest> {
  const handle = await open(await checkBackupFile(file), 'r');
  try {
    const header = await readHeader(handle);
    const keys = await unlockHeader(header, passphrase);
    const source = new ByteSource(counted(decryptChunks(handle, header, keys), onBytes));
    const seen = new Map<string, ManifestFile>();
    for (;;) {
      const entry = await readEntry(source);
      if (entry.kind === 'end') {
        await source.expectEnd();
        checkManifest(entry.manifest, seen);
        return entry.manifest;
      }
      const parts = checkEntryPath(entry.path);
      if (seen.has(entry.path)) throw damaged('a file appears twice');
      const hash = createHash('sha256');
      if (writeAll && sealer?.takes(entry.path)) {
        // Held in memory and sealed before it is written: no plain photo reaches the disk.
        const pieces: Buffer[] = [];
        await source.pipe(entry.size, (piece) => {
          hash.update(piece);
          pieces.push(Buffer.from(piece));
          return Promise.resolve();
        });
        await sealer.store(entry.path, Buffer.concat(pieces));
      } else if (writeAll || entry.path === DATABASE_ENTRY) {
        const target = path.join(staging, ...parts);
        await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        const out = await open(target, 'wx', 0o600);
        try {
          await source.pipe(entry.size, async (piece) => {
            hash.update(piece);
            await out.write(piece);
          });
          await out.sync();
        } finally {
          await out.close();
        }
      } else {
        await source.pipe(entry.size, (piece) => {
          hash.update(piece);
          return Promise.resolve();
        });
      }
      seen.set(entry.path, { path: entry.path, size: entry.size, sha256: hash.digest('hex') });
    }
  } finally {
    await handle.close();
  }
}

async function* counted(chunks: AsyncIterable<Buffer>, onBytes: (n: number) => void) {
  for await (const chunk of chunks) {
    onBytes(chunk.length);
    yield chunk;
  }
}

function checkManifest(manifest: Manifest, seen: Map<string, ManifestFile>): void {
  if (manifest.files.length !== seen.size) throw damaged('its manifest does not match its files');
  for (const listed of manifest.files) {
    const found = seen.get(listed.path);
    if (!found || found.size !== listed.size || found.sha256 !== listed.sha256) {
      throw damaged(`the hash of ${listed.path} does not match`);
    }
  }
  if (!seen.has(DATABASE_ENTRY)) throw damaged('it holds no database');
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new BackupError(
      'too-new',
      `This backup was made by a newer Mesochart (data version ${manifest.schemaVersion}; this ` +
        `version understands up to ${LATEST_SCHEMA_VERSION}). Install the newer version to restore it.`,
    );
  }
}

function sha256OfFile(file: string, onBytes: (n: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => {
        hash.update(chunk);
        onBytes(chunk.length);
      })
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Opens the restored database the way the app will, then asks SQLite to check every page. */
function checkDatabase(
  file: string,
  nativeBinding?: string,
  manifest?: Manifest,
  auditKey?: Buffer,
): void {
  let store;
  try {
    store = openStore(file, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    if (error instanceof DatabaseTooNewError) {
      throw new BackupError('too-new', error.message);
    }
    throw damaged('its database cannot be opened');
  }
  try {
    // A backup from before the head's seal was migrated just now: seal it with its own key.
    if (auditKey) sealLegacyHead(store, auditKey);
    else sealHeadWithFolderKey(store, path.dirname(file));
    const rows = store.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
      throw damaged('its database fails the integrity check');
    }
    // Backups made since the head was recorded: the database must end where the manifest says.
    if (manifest?.auditHead !== undefined) {
      const head = store.sqlite.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as
        { seq: number; hash: string } | undefined;
      const want = manifest.auditHead;
      if (
        (head?.seq ?? null) !== (want?.seq ?? null) ||
        (head?.hash ?? null) !== (want?.hash ?? null)
      ) {
        throw damaged("its audit log does not end where the backup's manifest says");
      }
    }
  } finally {
    store.sqlite.close();
  }
}

function summary(manifest: Manifest): BackupSummary {
  return {
    createdAt: manifest.createdAt,
    schemaVersion: manifest.schemaVersion,
    files: manifest.files.length,
    bytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
  };
}

/** Reads a whole backup and checks it (passphrase, every chunk and hash, the database). */
export async function verifyBackup(
  file: string,
  passphrase: string,
  options: { nativeBinding?: string } = {},
): Promise<BackupSummary> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'mesochart-verify-'));
  try {
    const manifest = await extract(file, passphrase, scratch, false);
    checkDatabase(path.join(scratch, DATABASE_ENTRY), options.nativeBinding, manifest);
    return summary(manifest);
  } catch (error) {
    throw asBackupError(error);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export interface RestoreProgress {
  /** Decrypted and written, then re-read for the hash check: both passes count. */
  doneBytes: number;
  /** Twice the backup file's size: an estimate (the file carries a little framing). */
  totalBytes: number;
}

/**
 * Restores a backup into `target`, which must not exist or be an empty folder. Everything is
 * decrypted into a staging folder beside it and checked (hashes re-read from disk, integrity
 * check) before one rename puts it in place; on any failure the staging folder is removed and
 * the target is left as it was. With `keys` (the app and the admin tool always give them) the
 * restored clinic is encrypted under a new data key as it is written, its key file sealed for
 * this computer: the folder holds nothing readable from the first byte, and opens with no
 * further step. Without them the folder holds the plain database, files and `audit.key`, as
 * the archive carries them (the archive format's own tests).
 */
export async function restoreBackup(
  file: string,
  passphrase: string,
  targetDir: string,
  options: {
    nativeBinding?: string;
    onProgress?: (p: RestoreProgress) => void;
    keys?: RestoreKeys;
  } = {},
): Promise<BackupSummary> {
  checkRestoreKeys(options.keys);
  const { target, exists } = await checkRestoreTarget(targetDir);
  const totalBytes = 2 * (await stat(await checkBackupFile(file))).size;
  let doneBytes = 0;
  const onBytes = (n: number) => {
    doneBytes = Math.min(totalBytes, doneBytes + n);
    options.onProgress?.({ doneBytes, totalBytes });
  };
  const parent = path.dirname(target);
  const staging = path.join(
    parent,
    `.${path.basename(target)}.restore-${randomBytes(6).toString('hex')}`,
  );
  await mkdir(staging, { mode: 0o700 });
  const sealer = options.keys ? new RestoreSealer(staging, options.keys) : undefined;
  try {
    const manifest = await extract(file, passphrase, staging, true, onBytes, sealer);
    doneBytes = totalBytes / 2;
    for (const listed of manifest.files) {
      if ((await restoredHash(staging, listed.path, onBytes, sealer)) !== listed.sha256) {
        throw damaged(`${listed.path} was not written correctly`);
      }
    }
    const database = path.join(staging, DATABASE_ENTRY);
    checkDatabase(database, options.nativeBinding, manifest, sealer?.auditKey());
    const recoveryKey = await sealer?.finish(options.nativeBinding);
    // Re-checked just before the move: the folder may have been filled meanwhile.
    await checkRestoreTarget(target);
    // rmdir refuses a folder that is not empty, so data that appeared is never removed.
    if (exists) await rmdir(target);
    await rename(staging, target);
    await fsyncDirectory(parent);
    options.onProgress?.({ doneBytes: totalBytes, totalBytes });
    return recoveryKey ? { ...summary(manifest), recoveryKey } : summary(manifest);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw asBackupError(error);
  }
}

/** The hash of a restored file as written: re-read from disk, or decrypted where it was sealed. */
async function restoredHash(
  staging: string,
  entryPath: string,
  onBytes: (n: number) => void,
  sealer?: RestoreSealer,
): Promise<string> {
  if (!sealer?.takes(entryPath)) {
    return sha256OfFile(path.join(staging, ...checkEntryPath(entryPath)), onBytes);
  }
  const bytes = await sealer.plainBytes(entryPath);
  onBytes(bytes.length);
  return createHash('sha256').update(bytes).digest('hex');
}

function asBackupError(error: unknown): BackupError {
  if (error instanceof BackupError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new BackupError(
    'io',
    `The backup could not be read or restored${code ? ` (${code})` : ''}; nothing was changed.`,
    { cause: error },
  );
}

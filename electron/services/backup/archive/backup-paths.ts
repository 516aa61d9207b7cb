import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorKey } from '../../core/errors';
import { BackupError, backupRefusal } from './backup-error';

export const DATABASE_ENTRY = 'mesochart.sqlite';
export const AUDIT_KEY_ENTRY = 'audit.key';
/** Folders of the data directory whose files are part of the record. */
export const FILE_FOLDERS = ['photos', 'documents'] as const;
/** Names of finished backups: only these are ever pruned from the chosen folder. */
export const BACKUP_NAME = /^mesochart-backup-\d{8}T\d{6}Z(-\d+)?\.mcbak$/;
export const BACKUP_TEMP_PREFIX = '.mesochart-backup-';

const invalid = (key: ErrorKey) => backupRefusal('invalid-path', { key });

/** Which path is checked: the backup folder, the backup file or the folder to restore into. */
type PathKind = 'folder' | 'file' | 'target';

function requireAbsolute(value: string, what: PathKind): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw invalid(`errors.backup.paths.choose.${what}`);
  }
  // A NUL byte truncates paths in C APIs: what is checked would not be what is opened.
  if (value.includes('\0')) throw invalid(`errors.backup.paths.badPath.${what}`);
  if (!path.isAbsolute(value)) throw invalid(`errors.backup.paths.relative.${what}`);
  return path.resolve(value);
}

async function realOrResolved(p: string): Promise<string> {
  return realpath(p).catch(() => path.resolve(p));
}

function inside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent + path.sep);
}

/**
 * The folder backups are written to: an existing directory, outside the data directory (a
 * backup beside the data dies with the same disk) and not the data directory's parent chain.
 * Returns its real path, so the writes land where the check looked.
 */
export async function checkBackupFolder(folder: string, dataDir: string): Promise<string> {
  const resolved = requireAbsolute(folder, 'folder');
  let real: string;
  try {
    real = await realpath(resolved);
    if (!(await stat(real)).isDirectory()) throw invalid('errors.backup.paths.notFolder');
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw invalid('errors.backup.paths.folderMissing');
  }
  const data = await realOrResolved(dataDir);
  if (inside(real, data) || inside(resolved, path.resolve(dataDir))) {
    throw invalid('errors.backup.paths.folderInsideData');
  }
  return real;
}

/** A backup file to read: an existing regular file (a link to one is read where it points). */
export async function checkBackupFile(file: string): Promise<string> {
  const resolved = requireAbsolute(file, 'file');
  const info = await stat(resolved).catch(() => null);
  if (!info) throw invalid('errors.backup.paths.fileMissing');
  if (!info.isFile()) throw invalid('errors.backup.paths.fileNotFile');
  return realpath(resolved);
}

/**
 * Where a restore may go: a path that does not exist yet or an empty real directory (not a
 * link), whose parent exists. Restoring never merges into or replaces existing data.
 */
export async function checkRestoreTarget(
  target: string,
): Promise<{ target: string; exists: boolean }> {
  const resolved = requireAbsolute(target, 'target');
  const parent = path.dirname(resolved);
  const parentInfo = await stat(parent).catch(() => null);
  if (!parentInfo?.isDirectory()) throw invalid('errors.backup.paths.targetParent');
  const realParent = await realpath(parent);
  const finalTarget = path.join(realParent, path.basename(resolved));
  const info = await lstat(finalTarget).catch(() => null);
  if (!info) return { target: finalTarget, exists: false };
  if (!info.isDirectory() || info.isSymbolicLink()) {
    throw backupRefusal('target-not-empty', { key: 'errors.backup.paths.targetNotFolder' });
  }
  if ((await readdir(finalTarget)).length > 0) {
    throw backupRefusal('target-not-empty', { key: 'errors.backup.paths.targetNotEmpty' });
  }
  return { target: finalTarget, exists: true };
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

/**
 * Checks a path named inside a backup before anything is written for it: one of the known
 * top-level files, or a plain relative path under photos/ or documents/ made of simple names
 * (no '..', no separators of another platform, no drive letters, no hidden names).
 */
export function checkEntryPath(relPath: string): string[] {
  if (relPath === DATABASE_ENTRY || relPath === AUDIT_KEY_ENTRY) return [relPath];
  const parts = relPath.split('/');
  const [top, ...rest] = parts;
  if (
    !top ||
    !(FILE_FOLDERS as readonly string[]).includes(top) ||
    rest.length === 0 ||
    rest.length > 4 ||
    !rest.every((p) => SEGMENT.test(p) && !p.includes('..'))
  ) {
    throw new BackupError(
      'damaged',
      'The backup names a file outside the record; it was not used.',
    );
  }
  return parts;
}

export interface DataFile {
  relPath: string;
  absPath: string;
  size: number;
  /** Bytes held in memory rather than read from `absPath` (the audit key). */
  content?: Buffer;
}

/**
 * The files of the record under photos/ and documents/: regular files only. Links are skipped,
 * never followed, so a link planted in the data folder cannot pull other files into a backup;
 * unfinished temp files are skipped too.
 */
export async function listRecordFiles(dataDir: string): Promise<DataFile[]> {
  const files: DataFile[] = [];
  async function walk(abs: string, rel: string, depth: number): Promise<void> {
    if (depth > 5) return;
    const entries = await readdir(abs, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      // Hidden names are temp files of writes in progress; odd names cannot be restored safely.
      if (!SEGMENT.test(entry.name) || entry.name.endsWith('.part')) continue;
      const childAbs = path.join(abs, entry.name);
      const childRel = `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(childAbs, childRel, depth + 1);
      else if (entry.isFile()) {
        const info = await lstat(childAbs);
        if (info.isFile()) files.push({ relPath: childRel, absPath: childAbs, size: info.size });
      }
    }
  }
  for (const folder of FILE_FOLDERS) await walk(path.join(dataDir, folder), folder, 1);
  return files;
}

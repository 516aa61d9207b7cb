import type { AppState, SecretStore } from '../core/context';
import type { BackupJob } from '../../../shared/api/backup';
import type { Job } from '../jobs/registry';
import { AppError } from '../core/errors';
import { createBackup, type KdfParams } from './archive';
import { jobFailure } from './job-failure';
import { recordBackupFailure, recordBackupSuccess } from './settings';
import { readAuditHead } from './audit-head';
import { vaultOf } from '../vault/file-vault';

const KIND = 'backup';
/** Only the latest finished backups are kept for the screens polling them. */
const KEEP_FINISHED = 8;

export function setBackupRuntime(
  app: AppState,
  options: { secretStore?: SecretStore | null; kdf?: KdfParams },
): void {
  if (options.secretStore !== undefined) app.secretStore = options.secretStore;
  if (options.kdf) app.backupKdf = options.kdf;
}

export function runningBackup(app: AppState): BackupJob | null {
  const job = app.jobs.list<BackupJob>(KIND).find((j) => j.state.status === 'running');
  return job ? { ...job.state } : null;
}

export interface StartBackup {
  folder: string;
  keep: number;
  passphrase: string;
  now: Date;
}

/** Starts a backup in the background; its result is recorded in its own short write. */
export function startBackupJob(app: AppState, start: StartBackup): BackupJob {
  if (runningBackup(app)) throw new AppError('CONFLICT', { key: 'errors.backup.alreadyRunning' });
  app.jobs.prune<BackupJob>(KIND, (_job, index, finished) => finished - index > KEEP_FINISHED);
  const job = app.jobs.start<BackupJob>(
    KIND,
    (id) => ({
      id,
      status: 'running',
      doneBytes: 0,
      totalBytes: 0,
      file: null,
      size: null,
      error: null,
      errorText: null,
    }),
    (j) => runBackup(app, j, start),
  );
  return { ...job.state };
}

async function runBackup(app: AppState, job: Job<BackupJob>, start: StartBackup): Promise<void> {
  const at = start.now.toISOString();
  try {
    const result = await createBackup({
      sqlite: app.store.sqlite,
      snapshot: (file) => app.store.snapshotTo(file),
      dataDir: app.dataDir,
      folder: start.folder,
      passphrase: start.passphrase,
      keep: start.keep,
      now: start.now,
      ...(app.backupKdf ? { kdf: app.backupKdf } : {}),
      auditKey: app.auditKey,
      auditHead: (file) => readAuditHead(file, app.nativeBinding),
      readSealed: (relPath) => vaultOf(app.dataDir).read(relPath),
      onProgress: (p) => {
        job.state.doneBytes = p.doneBytes;
        job.state.totalBytes = p.totalBytes;
      },
    });
    await recordBackupSuccess(app.store.db, { at, file: result.file, size: result.size });
    Object.assign(job.state, { status: 'succeeded', file: result.file, size: result.size });
  } catch (error) {
    // Backup messages name only the folder the admin chose; anything else is not passed on.
    const { message, text } = jobFailure('backup', error);
    Object.assign(job.state, { status: 'failed', error: message, errorText: text });
    await recordBackupFailure(app.store.db, { at, message, text }).catch(() => undefined);
  }
}

export function backupJobStatus(app: AppState, jobId: string): BackupJob {
  const job = app.jobs.find<BackupJob>(KIND, jobId);
  if (!job) throw new AppError('NOT_FOUND', { key: 'errors.backup.unknownJob' });
  return { ...job.state };
}

/** Waits for every background job of this app to end (for tests). */
export const settleBackupJobs = (app: AppState): Promise<void> => app.jobs.settle();

import { randomUUID } from 'node:crypto';
import type { AppState } from '../core/context';
import type { BackupJob } from '../../../shared/api/backup';
import { AppError } from '../core/errors';
import { BackupError, createBackup, type KdfParams } from './archive';
import { recordBackupFailure, recordBackupSuccess } from './settings';

/**
 * Seals the backup passphrase with the operating system's protection (Electron safeStorage), so
 * scheduled backups can run unattended without the passphrase ever being stored in clear.
 */
export interface SecretStore {
  seal(text: string): Buffer;
  open(sealed: Buffer): string;
}

interface Job {
  state: BackupJob;
  done: Promise<void>;
}

interface Runtime {
  secretStore: SecretStore | null;
  /** Key derivation cost; lowered only by tests. */
  kdf: KdfParams | undefined;
  jobs: Map<string, Job>;
}

/** One runtime per running Mesochart, so tests with several services on one process stay apart. */
const runtimes = new WeakMap<AppState, Runtime>();

export function backupRuntime(app: AppState): Runtime {
  let rt = runtimes.get(app);
  if (!rt) {
    rt = { secretStore: null, kdf: undefined, jobs: new Map() };
    runtimes.set(app, rt);
  }
  return rt;
}

export function setBackupRuntime(
  app: AppState,
  options: { secretStore?: SecretStore | null; kdf?: KdfParams },
): void {
  const rt = backupRuntime(app);
  if (options.secretStore !== undefined) rt.secretStore = options.secretStore;
  if (options.kdf) rt.kdf = options.kdf;
}

export function runningBackup(app: AppState): BackupJob | null {
  const job = [...backupRuntime(app).jobs.values()].find((j) => j.state.status === 'running');
  return job ? { ...job.state } : null;
}

export interface StartBackup {
  folder: string;
  keep: number;
  passphrase: string;
  now: Date;
}

/**
 * Registers a backup and starts it on the next turn of the event loop, after the request that
 * asked for it has committed; the result is recorded in its own short write.
 */
export function startBackupJob(app: AppState, start: StartBackup): BackupJob {
  const rt = backupRuntime(app);
  if (runningBackup(app)) throw new AppError('CONFLICT', 'A backup is already running');
  // Only the latest finished jobs are kept for the screens polling them.
  for (const [id, job] of rt.jobs)
    if (rt.jobs.size > 8 && job.state.status !== 'running') rt.jobs.delete(id);
  const job: Job = {
    state: {
      id: randomUUID(),
      status: 'running',
      doneBytes: 0,
      totalBytes: 0,
      file: null,
      size: null,
      error: null,
    },
    done: Promise.resolve(),
  };
  rt.jobs.set(job.state.id, job);
  job.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
    runJob(app, rt, job, start),
  );
  return { ...job.state };
}

async function runJob(app: AppState, rt: Runtime, job: Job, start: StartBackup): Promise<void> {
  const at = start.now.toISOString();
  try {
    const result = await createBackup({
      sqlite: app.store.sqlite,
      dataDir: app.dataDir,
      folder: start.folder,
      passphrase: start.passphrase,
      keep: start.keep,
      now: start.now,
      ...(rt.kdf ? { kdf: rt.kdf } : {}),
      onProgress: (p) => {
        job.state.doneBytes = p.doneBytes;
        job.state.totalBytes = p.totalBytes;
      },
    });
    await recordBackupSuccess(app.store.db, { at, file: result.file, size: result.size });
    Object.assign(job.state, { status: 'succeeded', file: result.file, size: result.size });
  } catch (error) {
    // Backup messages name only the folder the admin chose; anything else is not passed on.
    const message =
      error instanceof BackupError
        ? error.message
        : 'The backup failed because of an internal error.';
    Object.assign(job.state, { status: 'failed', error: message });
    await recordBackupFailure(app.store.db, { at, message }).catch(() => undefined);
  }
}

export function backupJobStatus(app: AppState, jobId: string): BackupJob {
  const job = backupRuntime(app).jobs.get(jobId);
  if (!job)
    throw new AppError('NOT_FOUND', 'This backup is not known (it may have ended long ago)');
  return { ...job.state };
}

/** Waits for every backup of this app to end (for shutdown and tests). */
export async function settleBackupJobs(app: AppState): Promise<void> {
  await Promise.all([...backupRuntime(app).jobs.values()].map((j) => j.done));
}

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { AppState, HandlerContext } from '../core/context';
import { requireActor } from '../core/handler-kit';
import type { BackupRestoreJob } from '../../../shared/api/backup';
import { AppError, type Refusal } from '../core/errors';
import { BackupError } from './archive';
import { jobFailure } from './job-failure';
import { checkBackupFile, checkRestoreTarget } from './archive/backup-paths';
import { restoreBackup } from './restore';
import type { RestoreKeys } from './restore-seal';
import type { KeySeal } from '../keys/keyring';

const KIND = 'restore';

/**
 * Before the clinic is set up on this computer anyone at the setup screen may restore (there is
 * no account yet, and the data lands in a new folder, not in this one); afterwards only an admin.
 */
export function requireRestorer(ctx: HandlerContext): void {
  if (ctx.app.settings === null) return;
  if (requireActor(ctx).role !== 'admin') {
    throw new AppError('FORBIDDEN', { key: 'errors.backup.adminOnlyRestore' });
  }
}

const inside = (child: string, parent: string) =>
  child === parent || child.startsWith(parent + path.sep);

/**
 * The same checks as the command line, before the job starts so the form can mark the field:
 * a readable backup file, and an empty (or new) folder outside this data folder.
 */
async function checkPaths(app: AppState, file: string, folder: string): Promise<void> {
  const field = (name: 'file' | 'folder', text: Refusal) =>
    new AppError('VALIDATION', text, { fields: { [name]: text } });
  try {
    await checkBackupFile(file);
  } catch (error) {
    if (error instanceof BackupError && error.text) throw field('file', error.text);
    throw error;
  }
  let target: string;
  try {
    target = (await checkRestoreTarget(folder)).target;
  } catch (error) {
    if (error instanceof BackupError && error.text) throw field('folder', error.text);
    throw error;
  }
  const data = await realpath(app.dataDir).catch(() => path.resolve(app.dataDir));
  if (inside(target, data) || inside(data, target)) {
    throw field('folder', { key: 'errors.backup.restoreOutsideData' });
  }
}

/**
 * The restored clinic is encrypted as it is written, under new keys sealed for this computer:
 * by its keychain, or where there is none by the backup passphrase just typed (the person who
 * restores knows it; the clinic opens with it as its passphrase). Its recovery key is shown once
 * when the restore succeeds.
 */
function restoredKeys(app: AppState, passphrase: string): RestoreKeys {
  const seal: KeySeal = app.secretStore
    ? { kind: 'keychain', store: app.secretStore }
    : { kind: 'passphrase', passphrase };
  return app.backupKdf ? { seal, kdf: app.backupKdf } : { seal };
}

export async function startRestoreJob(
  app: AppState,
  input: { file: string; folder: string; passphrase: string },
): Promise<BackupRestoreJob> {
  if (app.jobs.running(KIND) > 0)
    throw new AppError('CONFLICT', { key: 'errors.backup.restoreRunning' });
  await checkPaths(app, input.file, input.folder);
  const job = app.jobs.start<BackupRestoreJob>(
    KIND,
    (id) => ({
      id,
      status: 'running',
      doneBytes: 0,
      totalBytes: 0,
      folder: path.resolve(input.folder),
      backupCreatedAt: null,
      files: null,
      bytes: null,
      error: null,
      errorText: null,
      opensWith: app.secretStore ? 'keychain' : 'backup-passphrase',
      recoveryKey: null,
    }),
    async (j) => {
      try {
        const summary = await restoreBackup(input.file, input.passphrase, input.folder, {
          ...(app.nativeBinding ? { nativeBinding: app.nativeBinding } : {}),
          keys: restoredKeys(app, input.passphrase),
          onProgress: (p) => {
            j.state.doneBytes = p.doneBytes;
            j.state.totalBytes = p.totalBytes;
          },
        });
        Object.assign(j.state, {
          status: 'succeeded',
          backupCreatedAt: summary.createdAt,
          files: summary.files,
          bytes: summary.bytes,
          recoveryKey: summary.recoveryKey ?? null,
        });
      } catch (error) {
        // Restore messages say what failed (passphrase, a damaged part), never file contents.
        const { message, text } = jobFailure('restore', error);
        Object.assign(j.state, { status: 'failed', error: message, errorText: text });
      }
    },
  );
  return { ...job.state };
}

export function restoreJobStatus(app: AppState, jobId: string): BackupRestoreJob {
  const job = app.jobs.find<BackupRestoreJob>(KIND, jobId);
  if (!job) throw new AppError('NOT_FOUND', { key: 'errors.backup.unknownRestore' });
  return { ...job.state };
}

import type { DomainHandlers } from '../core/handler-kit';
import type { HandlerContext } from '../core/context';
import type { backupOperations } from '../../../shared/api/backup';
import type { BackupStatus } from '../../../shared/api/backup';
import { AppError, type Refusal } from '../core/errors';
import { BackupError } from './archive';
import { checkBackupFolder } from './archive/backup-paths';
import { backupJobStatus, startBackupJob } from './jobs';
import { requireRestorer, restoreJobStatus, startRestoreJob } from './restore-job';
import { isBackupStale, readBackupConfig, readBackupLog, writeBackupConfig } from './settings';
import { MIN_BACKUP_PASSPHRASE } from '../../../shared/api/backup';

async function status(ctx: HandlerContext): Promise<BackupStatus> {
  const config = await readBackupConfig(ctx.db);
  const log = await readBackupLog(ctx.db);
  const canStore = ctx.app.secretStore !== null;
  const stored = canStore && config.sealedPassphrase !== null;
  return {
    folder: config.folder,
    time: config.time,
    keep: config.keep,
    lastSuccess: log.lastSuccess,
    lastFailure: log.lastFailure,
    stale: isBackupStale(log, ctx.now),
    canStorePassphrase: canStore,
    passphraseStored: stored,
    scheduled: stored && config.folder !== null,
  };
}

async function checkFolder(ctx: HandlerContext, folder: string): Promise<string> {
  try {
    return await checkBackupFolder(folder, ctx.app.dataDir);
  } catch (error) {
    if (!(error instanceof BackupError) || !error.text) throw error;
    throw new AppError('VALIDATION', error.text, { fields: { folder: error.text } });
  }
}

export const backupHandlers = {
  'backup.status': (ctx) => status(ctx),

  'backup.updateSettings': async (ctx, input) => {
    ctx.subject.objectId = 'backup';
    const previous = await readBackupConfig(ctx.db);
    // A new folder comes only as a token of the folder dialog; without one the saved one stays.
    const chosen = input.folder
      ? ctx.app.fileTokens.takeOne('backup-folder', input.folder, 'folder')
      : previous.folder;
    if (!chosen) {
      const text = { key: 'errors.backup.chooseFolder' } as const;
      throw new AppError('VALIDATION', text, { fields: { folder: text } });
    }
    const folder = await checkFolder(ctx, chosen);
    const { secretStore } = ctx.app;
    // Without the operating system's protection the passphrase is never kept.
    let sealed = secretStore ? previous.sealedPassphrase : null;
    if (secretStore && input.passphrase !== '') {
      sealed = secretStore.seal(input.passphrase).toString('base64');
    }
    await writeBackupConfig(ctx.db, {
      folder,
      time: input.time,
      keep: input.keep,
      sealedPassphrase: sealed,
    });
    return status(ctx);
  },

  'backup.run': async (ctx, input) => {
    const config = await readBackupConfig(ctx.db);
    if (!config.folder) {
      const text = { key: 'errors.backup.saveFolderFirst' } as const;
      throw new AppError('VALIDATION', text, { fields: { folder: text } });
    }
    const folder = await checkFolder(ctx, config.folder);
    let passphrase = input.passphrase;
    const { secretStore } = ctx.app;
    if (passphrase === '' && secretStore && config.sealedPassphrase) {
      try {
        passphrase = secretStore.open(Buffer.from(config.sealedPassphrase, 'base64'));
      } catch {
        // A keychain reset (new OS account, restored computer) leaves a seal nobody can open.
        passphrase = '';
      }
    }
    if (passphrase.length < MIN_BACKUP_PASSPHRASE) {
      const text: Refusal =
        passphrase === ''
          ? { key: 'errors.backup.enterPassphrase' }
          : { key: 'errors.backup.passphraseTooShort', params: { min: MIN_BACKUP_PASSPHRASE } };
      throw new AppError('VALIDATION', text, { fields: { passphrase: text } });
    }
    const job = startBackupJob(ctx.app, { folder, keep: config.keep, passphrase, now: ctx.now });
    ctx.subject.objectId = job.id;
    return job;
  },

  'backup.job': (ctx, input) => Promise.resolve(backupJobStatus(ctx.app, input.jobId)),

  'backup.restore': async (ctx, input) => {
    requireRestorer(ctx);
    const job = await startRestoreJob(ctx.app, {
      file: ctx.app.fileTokens.takeOne('backup-file', input.file, 'file'),
      folder: ctx.app.fileTokens.takeOne('restore-folder', input.folder, 'folder'),
      passphrase: input.passphrase,
    });
    ctx.subject.objectId = job.id;
    return job;
  },

  'backup.restoreJob': (ctx, input) => {
    requireRestorer(ctx);
    return Promise.resolve(restoreJobStatus(ctx.app, input.jobId));
  },
} satisfies DomainHandlers<typeof backupOperations>;

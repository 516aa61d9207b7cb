import type { AppState } from '../core/context';
import type { BackupJob } from '../../../shared/api/backup';
import { runningBackup, startBackupJob } from './jobs';
import { readBackupConfig, readBackupLog, recordBackupFailure, scheduledSlot } from './settings';

const TICK_MS = 60_000;

/**
 * Starts today's backup when its time has passed and nothing was attempted since (a computer
 * switched off at that time catches up when it next runs). A failure is not retried until the
 * next day: the settings screen shows it and warns that the last backup is old.
 */
export async function tickBackupSchedule(app: AppState, now: Date): Promise<BackupJob | null> {
  const { secretStore } = app;
  if (!secretStore || runningBackup(app)) return null;
  const config = await readBackupConfig(app.store.db);
  if (!config.folder || !config.sealedPassphrase) return null;
  const slot = scheduledSlot(config.time, now);
  if (now < slot) return null;
  const log = await readBackupLog(app.store.db);
  const attempts = [log.lastSuccess?.at, log.lastFailure?.at].filter((a) => a !== undefined);
  if (attempts.some((a) => Date.parse(a) >= slot.getTime())) return null;
  let passphrase: string;
  try {
    passphrase = secretStore.open(Buffer.from(config.sealedPassphrase, 'base64'));
  } catch {
    await recordBackupFailure(app.store.db, {
      at: now.toISOString(),
      message: 'The stored passphrase could not be opened; enter it again in the backup settings.',
      text: { key: 'errors.backup.jobFailure.passphraseNotOpened' },
    });
    return null;
  }
  return startBackupJob(app, { folder: config.folder, keep: config.keep, passphrase, now });
}

/** Checks every minute whether a backup is due; returns the function that stops it. */
export function startBackupScheduler(app: AppState): () => void {
  const timer = setInterval(() => {
    tickBackupSchedule(app, app.clock()).catch(() => undefined);
  }, TICK_MS);
  // The timer alone never keeps the process alive.
  timer.unref();
  return () => clearInterval(timer);
}

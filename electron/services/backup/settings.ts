import { z } from 'zod';
import type { ErrorText } from '../../../shared/api/result';
import type { Queryable } from '../store/db';
import { settingSlot } from '../store/settings';
import { BACKUP_TIME, backupFailureSchema, backupRecordSchema } from '../../../shared/api/backup';

/** Their own setting keys, so no other settings form ever overwrites them. */
const CONFIG_KEY = 'backup';
const LOG_KEY = 'backup-log';
/** The schedule's period: backups are daily. */
export const BACKUP_PERIOD_MS = 24 * 60 * 60_000;

const configSchema = z.object({
  folder: z.string().nullable(),
  time: z.string().regex(BACKUP_TIME),
  keep: z.number().int().min(1).max(365),
  /** The passphrase sealed by the operating system's secret store (base64); never in clear. */
  sealedPassphrase: z.string().nullable(),
});
export type BackupConfig = z.output<typeof configSchema>;

const logSchema = z.object({
  lastSuccess: backupRecordSchema.nullable(),
  lastFailure: backupFailureSchema.nullable(),
});
export type BackupLog = z.output<typeof logSchema>;

// Lunchtime: the computer is on and the clinic is quiet.
const defaultConfig: BackupConfig = {
  folder: null,
  time: '13:00',
  keep: 14,
  sealedPassphrase: null,
};
const emptyLog: BackupLog = { lastSuccess: null, lastFailure: null };

const config = settingSlot(CONFIG_KEY, configSchema, defaultConfig);
const log = settingSlot(LOG_KEY, logSchema, emptyLog);

export const readBackupConfig = config.read;
export const writeBackupConfig = config.write;
export const readBackupLog = log.read;

/** A success clears the failure before it: the status then shows the current problem only. */
export async function recordBackupSuccess(
  db: Queryable,
  success: { at: string; file: string; size: number },
): Promise<void> {
  await log.write(db, { lastSuccess: success, lastFailure: null });
}

export async function recordBackupFailure(
  db: Queryable,
  failure: { at: string; message: string; text?: ErrorText },
): Promise<void> {
  const current = await log.read(db);
  await log.write(db, { ...current, lastFailure: failure });
}

export function isBackupStale(log: BackupLog, now: Date): boolean {
  if (!log.lastSuccess) return true;
  return now.getTime() - Date.parse(log.lastSuccess.at) > BACKUP_PERIOD_MS;
}

/** Today's scheduled time, in the computer's local time. */
export function scheduledSlot(time: string, now: Date): Date {
  const [hours, minutes] = time.split(':').map(Number);
  const slot = new Date(now);
  slot.setHours(hours ?? 0, minutes ?? 0, 0, 0);
  return slot;
}

import { z } from 'zod';
import type { Db } from '../store/database';
import { BACKUP_TIME, backupFailureSchema, backupRecordSchema } from '../../../shared/api/backup';

type Queryable = Pick<Db, 'selectFrom' | 'insertInto' | 'executeQuery'>;

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

async function readKey<T>(db: Queryable, key: string, schema: z.ZodType<T>, fallback: T) {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

async function writeKey(db: Queryable, key: string, data: unknown): Promise<void> {
  const value = JSON.stringify(data);
  await db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export const readBackupConfig = (db: Queryable) =>
  readKey(db, CONFIG_KEY, configSchema, defaultConfig);
export const writeBackupConfig = (db: Queryable, config: BackupConfig) =>
  writeKey(db, CONFIG_KEY, config);
export const readBackupLog = (db: Queryable) => readKey(db, LOG_KEY, logSchema, emptyLog);

/** A success clears the failure before it: the status then shows the current problem only. */
export async function recordBackupSuccess(
  db: Queryable,
  success: { at: string; file: string; size: number },
): Promise<void> {
  await writeKey(db, LOG_KEY, { lastSuccess: success, lastFailure: null });
}

export async function recordBackupFailure(
  db: Queryable,
  failure: { at: string; message: string },
): Promise<void> {
  const log = await readBackupLog(db);
  await writeKey(db, LOG_KEY, { ...log, lastFailure: failure });
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

import { op } from './operation';
import { emptyInput, idSchema, isoDateTime } from './common';
import { z } from 'zod';
import { fileTokenSchema } from './file-token';
import { keyed } from './field-text';

/** Same floor as the backup writer's: a short passphrase would make the file easy to open. */
export const MIN_BACKUP_PASSPHRASE = 12;
export const BACKUP_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const passphrase = z
  .string()
  .max(
    1024,
    keyed('validation.passphrase.tooLong', 'The passphrase must be at most 1024 characters'),
  );

export const backupConfigureInput = z
  .object({
    /**
     * A token from the folder dialog for a new folder; absent keeps the folder already chosen
     * (the handler asks for one when there is none yet).
     */
    folder: fileTokenSchema('a backup folder').optional(),
    time: z
      .string()
      .regex(
        BACKUP_TIME,
        keyed('validation.backup.time', 'Give a time of day as HH:MM (24-hour clock)'),
      ),
    keep: z
      .number()
      .int(keyed('validation.backup.wholeNumber', 'Give a whole number'))
      .min(1, keyed('validation.backup.keepAtLeast', 'Keep at least 1 backup'))
      .max(365, keyed('validation.backup.keepAtMost', 'Keep at most 365 backups')),
    /** Empty keeps the passphrase already stored (if any). */
    passphrase,
    passphraseConfirm: passphrase,
  })
  .strict()
  .refine((v) => v.passphrase === '' || v.passphrase.length >= MIN_BACKUP_PASSPHRASE, {
    path: ['passphrase'],
    ...keyed(
      'validation.passphrase.tooShort',
      'The passphrase must have at least {{min}} characters',
      {
        min: MIN_BACKUP_PASSPHRASE,
      },
    ),
  })
  .refine((v) => v.passphrase === v.passphraseConfirm, {
    path: ['passphraseConfirm'],
    ...keyed('validation.passphrase.differ', 'The two passphrases differ'),
  });
export type BackupConfigureInput = z.input<typeof backupConfigureInput>;

export const backupRecordSchema = z.object({
  at: isoDateTime,
  file: z.string(),
  size: z.number().int().nonnegative(),
});
/** A job's failure in the catalogue's terms, for the screens' language (see ApiError). */
export const jobFailureTextSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/**
 * The last failure: its English (the log's words) and, since failures were keyed, its catalogue
 * text; a failure stored before then has only the English and is shown as it was.
 */
export const backupFailureSchema = z.object({
  at: isoDateTime,
  message: z.string(),
  text: jobFailureTextSchema.optional(),
});

export const backupStatusSchema = z.object({
  folder: z.string().nullable(),
  time: z.string(),
  keep: z.number().int(),
  lastSuccess: backupRecordSchema.nullable(),
  lastFailure: backupFailureSchema.nullable(),
  /** No backup yet, or the last success is older than the schedule's period. */
  stale: z.boolean(),
  /** This computer can keep the passphrase sealed by the operating system. */
  canStorePassphrase: z.boolean(),
  passphraseStored: z.boolean(),
  /** Scheduled backups run only with a folder and a stored passphrase. */
  scheduled: z.boolean(),
});
export type BackupStatus = z.output<typeof backupStatusSchema>;

export const backupRunInput = z
  .object({
    /** Empty uses the stored passphrase. */
    passphrase,
  })
  .strict();

export const backupJobIdInput = z.object({ jobId: idSchema }).strict();

export const backupJobSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  doneBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  file: z.string().nullable(),
  size: z.number().nonnegative().nullable(),
  error: z.string().nullable(),
  errorText: jobFailureTextSchema.nullable(),
});
export type BackupJob = z.output<typeof backupJobSchema>;

export const backupRestoreInput = z
  .object({
    /** The token of the backup file chosen in the system's open dialog. */
    file: fileTokenSchema('a backup file'),
    /** The token of an empty folder (or one to create) chosen in the system's folder dialog. */
    folder: fileTokenSchema('an empty folder'),
    passphrase: passphrase.refine(
      (s) => s.length > 0,
      keyed('validation.backup.passphraseRequired', 'Enter the backup passphrase'),
    ),
  })
  .strict();
export type BackupRestoreInput = z.input<typeof backupRestoreInput>;

export const backupRestoreJobSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  doneBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  /** Where the data was restored to. */
  folder: z.string(),
  /** When the restored backup was made, and what it held; set once it succeeded. */
  backupCreatedAt: isoDateTime.nullable(),
  files: z.number().int().nullable(),
  bytes: z.number().nonnegative().nullable(),
  error: z.string().nullable(),
  errorText: jobFailureTextSchema.nullable(),
  /**
   * The restored clinic is encrypted under new keys as it is written; it opens on this computer
   * by its keychain, or (none here) with the backup passphrase as the clinic passphrase.
   */
  opensWith: z.enum(['keychain', 'backup-passphrase']),
  /** The restored clinic's recovery key, once it succeeded: shown once, to be written down. */
  recoveryKey: z.string().nullable(),
});
export type BackupRestoreJob = z.output<typeof backupRestoreJobSchema>;

export const backupOperations = {
  'backup.status': op({
    input: emptyInput,
    output: backupStatusSchema,
    access: ['admin'],
    audit: null,
  }),
  'backup.updateSettings': op({
    input: backupConfigureInput,
    output: backupStatusSchema,
    access: ['admin'],
    audit: { action: 'update', objectType: 'backup-settings' },
  }),
  // Starts the backup and returns at once; the file is written outside the request.
  'backup.run': op({
    input: backupRunInput,
    output: backupJobSchema,
    access: ['admin'],
    audit: { action: 'execute', objectType: 'backup' },
  }),
  // Restores into an empty folder outside this data folder, with the same checks as the command
  // line. Public so a new computer can restore before any account exists there; the handler
  // refuses it to anyone but an admin once the clinic is set up.
  'backup.restore': op({
    input: backupRestoreInput,
    output: backupRestoreJobSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'backup-restore' },
  }),
  'backup.restoreJob': op({
    input: backupJobIdInput,
    output: backupRestoreJobSchema,
    access: 'public',
    audit: null,
  }),
  // Polled several times a second while a backup runs; it touches no record.
  'backup.job': op({
    input: backupJobIdInput,
    output: backupJobSchema,
    access: ['admin'],
    audit: null,
  }),
} as const;

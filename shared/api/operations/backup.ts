import { op } from '../operation';
import { emptyInput } from '../common';
import {
  backupConfigureInput,
  backupJobIdInput,
  backupJobSchema,
  backupRunInput,
  backupStatusSchema,
} from '../domains/backup';

/** Backups hold the whole record: only the admin sees where they go and starts them. */
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
  // Polled several times a second while a backup runs; it touches no record.
  'backup.job': op({
    input: backupJobIdInput,
    output: backupJobSchema,
    access: ['admin'],
    audit: null,
  }),
} as const;

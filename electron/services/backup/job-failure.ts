import type { ErrorText } from '../../../shared/api/result';
import type { Refusal } from '../core/errors';
import { BackupError, type BackupRefusal } from './archive';

/** A finished job's failure: the English for the log, the catalogue text for the screens. */
export interface JobFailure {
  message: string;
  text: ErrorText;
}

/**
 * Why a backup or restore failed, by its reason: the detail of the English message (which part
 * of a file is damaged, the system's error code) stays in the log; the screens say what happened
 * and what was left as it was, in their reader's language.
 */
const byReason: Record<BackupRefusal, (kind: 'backup' | 'restore') => Refusal['key']> = {
  'wrong-passphrase': () => 'errors.backup.jobFailure.wrongPassphrase',
  'not-a-backup': () => 'errors.backup.jobFailure.notABackup',
  damaged: () => 'errors.backup.jobFailure.damaged',
  'too-new': () => 'errors.backup.jobFailure.tooNew',
  'invalid-path': () => 'errors.backup.jobFailure.refused',
  'target-not-empty': () => 'errors.backup.paths.targetNotEmpty',
  io: (kind) =>
    kind === 'backup'
      ? 'errors.backup.jobFailure.writeFailed'
      : 'errors.backup.jobFailure.readFailed',
};

export function jobFailure(kind: 'backup' | 'restore', error: unknown): JobFailure {
  if (error instanceof BackupError) {
    // A refusal already worded by the catalogue (a chosen path) keeps its own text and values.
    return { message: error.message, text: error.text ?? { key: byReason[error.reason](kind) } };
  }
  // Anything else is not passed on: it may name what the admin did not choose.
  return kind === 'backup'
    ? {
        message: 'The backup failed because of an internal error.',
        text: { key: 'errors.backup.jobFailure.backupInternal' },
      }
    : {
        message: 'The restore failed because of an internal error; nothing was changed.',
        text: { key: 'errors.backup.jobFailure.restoreInternal' },
      };
}

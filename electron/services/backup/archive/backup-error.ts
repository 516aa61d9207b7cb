import { englishText, type Refusal } from '../../core/errors';

/** Why a backup, verify or restore was refused; the message is shown to the admin as is. */
export type BackupRefusal =
  | 'wrong-passphrase'
  | 'not-a-backup'
  | 'damaged'
  | 'too-new'
  | 'invalid-path'
  | 'target-not-empty'
  | 'io';

/** Messages never quote file contents or patient data, only paths the admin typed. */
export class BackupError extends Error {
  constructor(
    readonly reason: BackupRefusal,
    message: string,
    options?: { cause?: unknown },
    /** The catalogue text of a refusal the screens show (a chosen path), in their language. */
    readonly text?: Refusal,
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** A refusal worded by the catalogue: its English is the message the command line prints. */
export const backupRefusal = (reason: BackupRefusal, text: Refusal) =>
  new BackupError(reason, englishText(text), undefined, text);

export const damaged = (detail: string) =>
  new BackupError(
    'damaged',
    `The backup file is damaged or incomplete (${detail}); it was not used.`,
  );

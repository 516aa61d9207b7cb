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
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}

export const damaged = (detail: string) =>
  new BackupError(
    'damaged',
    `The backup file is damaged or incomplete (${detail}); it was not used.`,
  );

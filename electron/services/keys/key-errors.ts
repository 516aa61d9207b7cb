import { englishText, type Refusal } from '../core/error-catalogue';

/** Why the clinic's keys could not be opened or made; the screen and the tools word each one. */
export type KeyRefusal =
  /** No key file, but the folder holds encrypted data: new keys could never open it. */
  | 'missing-key-file'
  /** The key file cannot be read as one (edited, cut short, a wrong length anywhere). */
  | 'damaged'
  | 'wrong-passphrase'
  | 'wrong-recovery-key'
  /** The key file is sealed by a keychain this computer does not offer. */
  | 'no-keychain'
  /** The keychain would not open the seal: another computer or system account. */
  | 'keychain-refused'
  /** The keys open, but the database was encrypted with others. */
  | 'wrong-key'
  /** Keys are made once: a key file is never replaced by a new one. */
  | 'exists'
  /** The clinic server chosen at first run could not be used (see the connection test). */
  | 'server';

/**
 * A typed refusal: nothing in the data folder was changed. Given a catalogue text, the screens
 * word it in their reader's language and `message` is its English (logs, tools, tests).
 */
export class KeyError extends Error {
  readonly text: Refusal | null;

  constructor(
    readonly reason: KeyRefusal,
    what: string | Refusal,
    /** The field a form marks (passphrase, recoveryKey, folder). */
    readonly field: string | null = null,
  ) {
    super(typeof what === 'string' ? what : englishText(what));
    this.name = 'KeyError';
    this.text = typeof what === 'string' ? null : what;
  }
}

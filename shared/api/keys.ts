import { z } from 'zod';
import { op } from './operation';
import { fileTokenSchema } from './file-token';
import { emptyInput, text } from './common';
import { admin } from './roles';

/** Shortest clinic passphrase (where no keychain seals the keys); as for a backup's. */
export const MIN_CLINIC_PASSPHRASE = 12;

const passphrase = z.string().max(1024, 'The passphrase must be at most 1024 characters');

export const keysStatusSchema = z.object({
  /**
   * new: no keys yet and no keychain, a passphrase must be chosen; locked: the keys exist but
   * are not open (passphrase, or the keychain cannot open them); refused: the keys cannot be
   * opened here at all (missing or damaged key file), see `message`; open: the clinic is open.
   */
  state: z.enum(['new', 'locked', 'refused', 'open']),
  /** How this computer seals the keys: the OS keychain, or the clinic passphrase. */
  method: z.enum(['keychain', 'passphrase']),
  /** Why the clinic is locked or refused, in words for the screen. */
  message: z.string().nullable(),
  /** A recovery key was just made and not yet confirmed as written down. */
  recoveryKeyPending: z.boolean(),
});
export type KeysStatus = z.output<typeof keysStatusSchema>;

export const keysCreateInput = z
  .object({ passphrase, confirm: passphrase })
  .strict()
  .refine((v) => v.passphrase.length >= MIN_CLINIC_PASSPHRASE, {
    path: ['passphrase'],
    message: `The passphrase must have at least ${MIN_CLINIC_PASSPHRASE} characters`,
  })
  .refine((v) => v.passphrase === v.confirm, {
    path: ['confirm'],
    message: 'The two passphrases differ',
  });

export const keysRecoverInput = z
  .object({
    recoveryKey: text(200, 'The recovery key').refine(
      (s) => s.trim().length > 0,
      'Type the recovery key from the sheet',
    ),
    /**
     * The clinic's data folder to bring onto this computer, as a token from the folder dialog;
     * null: this computer's data folder.
     */
    folder: fileTokenSchema("the clinic's data folder").nullable(),
    /** Where no keychain exists, the new clinic passphrase for this computer (else empty). */
    passphrase,
    confirm: passphrase,
  })
  .strict()
  .refine((v) => v.passphrase === v.confirm, {
    path: ['confirm'],
    message: 'The two passphrases differ',
  });

export const recoveryKeySchema = z.object({ recoveryKey: z.string() });

export const keysOperations = {
  'keys.status': op({ input: emptyInput, output: keysStatusSchema, access: 'public', audit: null }),
  /** A new clinic without a keychain: makes the keys, wrapped by the chosen passphrase. */
  'keys.create': op({
    input: keysCreateInput,
    output: keysStatusSchema,
    access: 'public',
    audit: null,
  }),
  'keys.unlock': op({
    input: z.object({ passphrase }).strict(),
    output: keysStatusSchema,
    access: 'public',
    audit: null,
  }),
  /**
   * Opens the clinic with its recovery key (keychain lost, disk moved) and seals the keys for
   * this computer. Only before anyone can sign in here: a locked clinic, or a new one.
   */
  'keys.recover': op({
    input: keysRecoverInput,
    output: keysStatusSchema,
    access: 'public',
    audit: null,
  }),
  /** The recovery key just made, while it is pending; shown once, then confirmed. */
  'keys.recoveryKey': op({
    input: emptyInput,
    output: recoveryKeySchema,
    access: 'public',
    audit: null,
  }),
  /** Writes the one-page recovery sheet PDF where the system's save dialog chose (its token). */
  'keys.saveRecoverySheet': op({
    input: z.object({ target: fileTokenSchema('where to save it') }).strict(),
    output: z.object({ path: z.string() }),
    access: 'public',
    audit: { action: 'execute', objectType: 'recovery-key' },
  }),
  /** The recovery key is written down or printed: it is forgotten here, never shown again. */
  'keys.confirmRecoveryKey': op({
    input: emptyInput,
    output: keysStatusSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'recovery-key' },
  }),
  /** A new recovery key for the same keys (a lost sheet); the old one stops working. */
  'keys.newRecoveryKey': op({
    input: emptyInput,
    output: keysStatusSchema,
    access: admin,
    audit: { action: 'create', objectType: 'recovery-key' },
  }),
};

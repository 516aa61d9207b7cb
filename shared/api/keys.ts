import { z } from 'zod';
import { op } from './operation';
import { fileTokenSchema } from './file-token';
import { emptyInput, requiredText, text } from './common';
import { admin } from './roles';
import { keyed } from './field-text';

/** Shortest clinic passphrase (where no keychain seals the keys); as for a backup's. */
export const MIN_CLINIC_PASSPHRASE = 12;

const passphrase = z
  .string()
  .max(
    1024,
    keyed('validation.passphrase.tooLong', 'The passphrase must be at most 1024 characters'),
  );

export const keysCreateInput = z
  .object({ passphrase, confirm: passphrase })
  .strict()
  .refine((v) => v.passphrase.length >= MIN_CLINIC_PASSPHRASE, {
    path: ['passphrase'],
    ...keyed(
      'validation.passphrase.tooShort',
      'The passphrase must have at least {{min}} characters',
      {
        min: MIN_CLINIC_PASSPHRASE,
      },
    ),
  })
  .refine((v) => v.passphrase === v.confirm, {
    path: ['confirm'],
    ...keyed('validation.passphrase.differ', 'The two passphrases differ'),
  });

export const keysRecoverInput = z
  .object({
    recoveryKey: text(200, 'The recovery key').refine(
      (s) => s.trim().length > 0,
      keyed('validation.keys.recoveryKey', 'Type the recovery key from the sheet'),
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
    ...keyed('validation.passphrase.differ', 'The two passphrases differ'),
  });

export const recoveryKeySchema = z.object({ recoveryKey: z.string() });

/** "Connect to the clinic server": the connection a workstation is given at first run. */
export const serverSettingsSchema = z
  .object({
    host: requiredText(255, 'Server'),
    port: z
      .number()
      .int(keyed('validation.keys.portWhole', 'The port is a whole number'))
      .min(1, keyed('validation.keys.portRange', 'The port is from 1 to 65535'))
      .max(65535, keyed('validation.keys.portRange', 'The port is from 1 to 65535')),
    database: requiredText(63, 'The database'),
    user: requiredText(63, 'The user name'),
    password: z
      .string()
      .max(
        1024,
        keyed('validation.keys.passwordTooLong', 'The password must be at most 1024 characters'),
      ),
    /** off: plain; require: encrypted, any certificate; verify: encrypted, certificate checked. */
    tls: z.enum(['off', 'require', 'verify']),
  })
  .strict();
export type ServerSettingsInput = z.input<typeof serverSettingsSchema>;

export const serverCheckReasons = [
  'unreachable',
  'wrong-password',
  'no-database',
  'tls-mismatch',
  'tls-certificate',
  'empty-database',
  'schema-older',
  'schema-newer',
  'not-allowed',
  /** The server's record is another clinic's: this computer's keys do not seal its audit chain. */
  'other-clinic',
  'failed',
] as const;
export type ServerCheckReason = (typeof serverCheckReasons)[number];

export const serverCheckSchema = z.object({
  ok: z.boolean(),
  /** The server record's data version, where it could be read. */
  version: z.number().int().nullable(),
  reason: z.enum(serverCheckReasons).nullable(),
  /** The field the failure is shown next to. */
  field: z.enum(['host', 'port', 'database', 'user', 'password', 'tls']).nullable(),
  message: z.string().nullable(),
});
export type ServerCheckAnswer = z.output<typeof serverCheckSchema>;

/**
 * The clinic server a workstation could not open at start-up (its password never leaves the
 * main process). Mesochart waits for it rather than open an empty record of its own instead.
 */
export const serverWaitSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  user: z.string(),
  tls: z.enum(['off', 'require', 'verify']),
  /**
   * this-computer: chosen on this computer's screens (it may be changed there); administrator:
   * set for the computer by its administrator (MESOCHART_DATABASE_URL), changed only there.
   */
  setBy: z.enum(['this-computer', 'administrator']),
  /**
   * As the connection test says, or password-sealed: the saved password was sealed by another
   * computer's keychain (the file copied here, or the keychain entry gone) and must be typed again.
   */
  reason: z.enum([...serverCheckReasons, 'password-sealed']),
  /** The server record's data version, where it could be read (older or newer). */
  version: z.number().int().nullable(),
  /** The reason in English (the reference wording; the screens word it by `reason`). */
  message: z.string(),
  /**
   * What this computer's own record holds (read only, never opened in the server's place): none,
   * empty (made at the first run, before connecting), an older clinic record, or unreadable.
   */
  localRecord: z.enum(['none', 'empty', 'clinic', 'unknown']),
  /** When the last attempt ended (ISO), and how many were made since the start. */
  triedAt: z.string(),
  attempts: z.number().int(),
});
export type ServerWait = z.output<typeof serverWaitSchema>;

export const keysStatusSchema = z.object({
  /**
   * new: no keys yet and no keychain, a passphrase must be chosen; locked: the keys exist but
   * are not open (passphrase, or the keychain cannot open them); refused: the keys cannot be
   * opened here at all (missing or damaged key file), see `message`; server: the keys are open
   * but the clinic server this computer works on cannot be opened, see `server`; open: the
   * clinic is open.
   */
  state: z.enum(['new', 'locked', 'refused', 'server', 'open']),
  /** How this computer seals the keys: the OS keychain, or the clinic passphrase. */
  method: z.enum(['keychain', 'passphrase']),
  /** Why the clinic is locked or refused, in English (the reference wording). */
  message: z.string().nullable(),
  /** `message`'s catalogue key and values, so the screen words it in its language. */
  messageKey: z
    .object({
      key: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .nullable()
    .optional(),
  /** A recovery key was just made and not yet confirmed as written down. */
  recoveryKeyPending: z.boolean(),
  /** While the state is `server`: which server, and why it could not be opened. */
  server: serverWaitSchema.nullable(),
});
export type KeysStatus = z.output<typeof keysStatusSchema>;

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
  /**
   * First run, before the clinic is set up, or while the saved server cannot be opened at
   * start-up: tries a clinic server's connection and says what is wrong with it, field by field.
   * Nothing is written.
   */
  'keys.checkServer': op({
    input: serverSettingsSchema,
    output: serverCheckSchema,
    access: 'public',
    audit: null,
  }),
  /**
   * This computer works on the clinic server from now on (the connection is kept with its
   * password sealed, and used at every start): at first run, before the clinic is set up here,
   * or to change the connection while the saved server cannot be opened at start-up. Tested
   * before it is kept; a change is recorded in the server's audit log.
   */
  'keys.connectServer': op({
    input: serverSettingsSchema,
    output: keysStatusSchema,
    access: 'public',
    audit: null,
  }),
  /**
   * The clinic server could not be opened at start-up (state `server`): tries its saved
   * connection again and opens the clinic on it when it answers. The window calls it every few
   * seconds, and when staff press Try again.
   */
  'keys.retryServer': op({
    input: emptyInput,
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

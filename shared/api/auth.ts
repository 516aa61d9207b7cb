import { op } from './operation';
import { doneOutput, emptyInput, idSchema, requiredIdentityText } from './common';
import { z } from 'zod';
import { newPasswordSchema, passwordSchema, staffUserSchema, usernameSchema } from './staff';
import { clinicDetailsSchema } from './clinic';
import { intake } from './roles';
import { shippedLanguages } from '../documents/languages';
import { keyed } from './field-text';

export const sessionStateSchema = z.object({
  needsSetup: z.boolean(),
  clinicName: z.string().nullable(),
  user: staffUserSchema.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
  /** The clinic's screens' language: the sign-in screen's, and anyone's who chose none. */
  clinicLanguage: z.enum(shippedLanguages),
  /**
   * The tablet is in the patient's hands: the main process allows only this patient's
   * questionnaire and consent signing until a member of staff enters their password. The window
   * shows the tablet screen whenever this is set, whatever its address says.
   */
  patientMode: z
    .object({
      patientId: idSchema,
      givenName: z.string(),
      /** The consent handed over for the patient to read and sign; null for the questionnaire. */
      consentId: idSchema.nullable(),
      /** The patient's own language (the clinic's default where they have none) for the tablet. */
      language: z.enum(shippedLanguages),
    })
    .nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const setupInput = z
  .object({
    clinic: clinicDetailsSchema.strict(),
    admin: z
      .object({
        username: usernameSchema,
        displayName: requiredIdentityText(100, 'Full name'),
        password: newPasswordSchema,
      })
      .strict(),
  })
  .strict();

export const signInInput = z
  .object({
    // Not the strict username rule: a mistyped name must be refused as bad credentials, not
    // as a form error that would confirm which names exist.
    username: z
      .string()
      .min(1, keyed('validation.auth.usernameRequired', 'Enter your user name'))
      .max(64),
    password: passwordSchema,
  })
  .strict();

export const unlockInput = z.object({ password: passwordSchema }).strict();

export const handTabletInput = z
  .object({
    patientId: idSchema,
    /** A consent of this patient's for them to read and sign; without it, the questionnaire. */
    consentId: idSchema.optional(),
  })
  .strict();

/** Any active member of staff takes the tablet back with their own name and password. */
export const resumeStaffInput = signInInput;

/**
 * A form's unsaved state, handed to the main process when the screen locks so that nothing typed
 * is lost and nothing stays in the locked window. `values` is the form's JSON; `route` is where
 * the form was open.
 */
export const lockDraftSchema = z
  .object({
    key: z.string().min(1).max(300),
    route: z.string().max(500),
    values: z.string().max(400_000),
  })
  .strict();
export type LockDraft = z.infer<typeof lockDraftSchema>;

export const lockInput = z.object({ drafts: z.array(lockDraftSchema).max(20).optional() }).strict();
export const lockDraftsOutput = z.object({ drafts: z.array(lockDraftSchema) });

export const authOperations = {
  'auth.state': op({
    input: emptyInput,
    output: sessionStateSchema,
    access: 'public',
    audit: null,
  }),
  'auth.setup': op({
    input: setupInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'create', objectType: 'clinic' },
    maxInputBytes: 1_000_000,
  }),
  'auth.signIn': op({
    input: signInInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'sign-in' },
  }),
  'auth.signOut': op({
    input: emptyInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'sign-out' },
  }),
  'auth.lock': op({
    input: lockInput,
    output: sessionStateSchema,
    access: 'signed-in',
    audit: { action: 'execute', objectType: 'lock' },
    maxInputBytes: 2_000_000,
  }),
  /** The signed-in user's own drafts held since a lock, handed back once and then forgotten. */
  'auth.takeDrafts': op({
    input: emptyInput,
    output: lockDraftsOutput,
    access: 'signed-in',
    audit: null,
  }),
  'auth.unlock': op({
    input: unlockInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'unlock' },
  }),
  'auth.heartbeat': op({ input: emptyInput, output: doneOutput, access: 'signed-in', audit: null }),
  // Those who take the intake hand the tablet over; the staff session is locked behind it.
  'auth.handTablet': op({
    input: handTabletInput,
    output: sessionStateSchema,
    access: intake,
    audit: { action: 'execute', objectType: 'patient-mode' },
  }),
  // Public: the staff session is locked while the patient holds the tablet, and whoever takes it
  // back proves who they are here.
  'auth.resumeStaff': op({
    input: resumeStaffInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'patient-mode-end' },
  }),
} as const;

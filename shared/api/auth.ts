import { op } from './operation';
import { doneOutput, emptyInput, requiredIdentityText } from './common';
import { z } from 'zod';
import { newPasswordSchema, passwordSchema, staffUserSchema, usernameSchema } from './staff';
import { clinicDetailsSchema } from './clinic';

export const sessionStateSchema = z.object({
  needsSetup: z.boolean(),
  clinicName: z.string().nullable(),
  user: staffUserSchema.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const setupInput = z
  .object({
    clinic: clinicDetailsSchema.strict(),
    admin: z
      .object({
        username: usernameSchema,
        displayName: requiredIdentityText(100, 'Name'),
        password: newPasswordSchema,
      })
      .strict(),
  })
  .strict();

export const signInInput = z
  .object({
    // Not the strict username rule: a mistyped name must be refused as bad credentials, not
    // as a form error that would confirm which names exist.
    username: z.string().min(1, 'Enter your user name').max(64),
    password: passwordSchema,
  })
  .strict();

export const unlockInput = z.object({ password: passwordSchema }).strict();

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
    input: emptyInput,
    output: sessionStateSchema,
    access: 'signed-in',
    audit: { action: 'execute', objectType: 'lock' },
  }),
  'auth.unlock': op({
    input: unlockInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'unlock' },
  }),
  'auth.heartbeat': op({ input: emptyInput, output: doneOutput, access: 'signed-in', audit: null }),
} as const;

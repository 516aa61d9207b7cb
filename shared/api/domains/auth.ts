import { z } from 'zod';
import { newPasswordSchema, passwordSchema, staffUserSchema, usernameSchema } from './staff';
import { clinicDetailsSchema } from './settings';
import { requiredText } from '../common';

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
        displayName: requiredText(100, 'Name'),
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

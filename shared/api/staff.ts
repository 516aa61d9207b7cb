import { op } from './operation';
import { admin, roleSchema } from './roles';
import { emptyInput, identityText, idSchema, isoDateTime, requiredIdentityText } from './common';
import { z } from 'zod';
import { shippedLanguages } from '../documents/languages';
import { keyed } from './field-text';

export const usernameSchema = z
  .string()
  .min(3, keyed('validation.staff.usernameTooShort', 'User name must be at least 3 characters'))
  .max(32, keyed('validation.staff.usernameTooLong', 'User name must be at most 32 characters'))
  .regex(
    /^[a-z0-9._-]+$/,
    keyed(
      'validation.staff.usernameCharacters',
      'Use lower-case letters, digits, dot, dash or underscore',
    ),
  );

/** Long passphrases are welcome; the floor follows current NIST guidance for memorised secrets. */
export const newPasswordSchema = z
  .string()
  .min(10, keyed('validation.staff.passwordTooShort', 'Password must be at least 10 characters'))
  .max(256, keyed('validation.staff.passwordTooLong', 'Password must be at most 256 characters'));

export const passwordSchema = z
  .string()
  .min(1, keyed('validation.staff.passwordRequired', 'Enter the password'))
  .max(256);

/**
 * A licence or registration number as the regulator prints it; empty clears it. Hidden bidi and
 * zero-width characters are refused: they would make the printed number differ from the typed one.
 */
export const licenceNumberSchema = identityText(40, 'Licence number').transform((s) =>
  s.trim() === '' ? null : s.trim(),
);

export const staffUserSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: isoDateTime,
  /** An admin reset the password: the next sign-in (with the temporary code) must choose one. */
  mustChangePassword: z.boolean(),
  /** Licence or registration number, printed beside the name on consents and summaries. */
  licenceNumber: z.string().nullable(),
  /** The screens' language this person chose; null follows the clinic's default. */
  uiLanguage: z.enum(shippedLanguages).nullable(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

export const staffCreateInput = z
  .object({
    username: usernameSchema,
    displayName: requiredIdentityText(100, 'Full name'),
    role: roleSchema,
    password: newPasswordSchema,
  })
  .strict();

export const staffUpdateInput = z
  .object({
    id: idSchema,
    displayName: requiredIdentityText(100, 'Full name').optional(),
    role: roleSchema.optional(),
    active: z.boolean().optional(),
    licenceNumber: licenceNumberSchema.optional(),
  })
  .strict();

/** The signed-in user's own profile: what they may change about themselves. */
export const staffUpdateOwnProfileInput = z.object({ licenceNumber: licenceNumberSchema }).strict();

/** One's own screens' language, or null to follow the clinic's default. */
export const staffSetOwnLanguageInput = z
  .object({ language: z.enum(shippedLanguages).nullable() })
  .strict();

/**
 * A reset never sets a password the admin knows: it issues a one-time temporary code, shown once
 * to the admin to hand over, that expires and only lets its holder choose a new password.
 */
export const staffResetPasswordInput = z.object({ id: idSchema }).strict();
export const staffResetPasswordOutput = z.object({
  temporaryCode: z.string(),
  expiresAt: isoDateTime,
});

/**
 * Choosing one's own password. After a reset the temporary code was just proven at sign-in, so
 * only the new password is asked; a voluntary change proves the current password again.
 */
export const changeOwnPasswordInput = z
  .object({
    currentPassword: passwordSchema.optional(),
    newPassword: newPasswordSchema,
  })
  .strict();

export const staffOperations = {
  'staff.list': op({
    input: emptyInput,
    output: z.array(staffUserSchema),
    access: admin,
    audit: { action: 'read', objectType: 'staff' },
  }),
  'staff.create': op({
    input: staffCreateInput,
    output: staffUserSchema,
    access: admin,
    audit: { action: 'create', objectType: 'staff' },
  }),
  'staff.update': op({
    input: staffUpdateInput,
    output: staffUserSchema,
    access: admin,
    audit: { action: 'update', objectType: 'staff' },
  }),
  'staff.resetPassword': op({
    input: staffResetPasswordInput,
    output: staffResetPasswordOutput,
    access: admin,
    audit: { action: 'update', objectType: 'staff-password' },
  }),
  'staff.ownProfile': op({
    input: emptyInput,
    output: staffUserSchema,
    access: 'signed-in',
    audit: { action: 'read', objectType: 'staff' },
  }),
  /** Anyone signed in keeps their own licence number up to date. */
  'staff.updateOwnProfile': op({
    input: staffUpdateOwnProfileInput,
    output: staffUserSchema,
    access: 'signed-in',
    audit: { action: 'update', objectType: 'staff' },
  }),
  /** Anyone signed in reads the screens in the language they choose. */
  'staff.setOwnLanguage': op({
    input: staffSetOwnLanguageInput,
    output: staffUserSchema,
    access: 'signed-in',
    audit: { action: 'update', objectType: 'staff' },
  }),
  /** Anyone signed in sets their own password; after a reset this is all they may do. */
  'staff.changeOwnPassword': op({
    input: changeOwnPasswordInput,
    output: staffUserSchema,
    access: 'signed-in',
    audit: { action: 'update', objectType: 'staff-password' },
  }),
} as const;

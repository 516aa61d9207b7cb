import { op } from './operation';
import { admin } from './roles';
import { emptyInput, emailSchema, phoneSchema, requiredText, text } from './common';
import { z } from 'zod';

/** Logos are small images shown on every printed page; a data URL keeps them in the record. */
export const logoSchema = z
  .string()
  .max(700_000, 'The logo must be smaller than 500 KB')
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, 'The logo must be a PNG or JPEG image');

export const clinicDetailsSchema = z.object({
  name: requiredText(120, 'Clinic name'),
  address: text(400, 'Address'),
  phone: phoneSchema,
  email: emailSchema,
  logo: logoSchema.nullable(),
});
export type ClinicDetails = z.infer<typeof clinicDetailsSchema>;

export const settingsSchema = z.object({
  clinic: clinicDetailsSchema,
  /** Minutes without activity before the screen locks. */
  idleLockMinutes: z
    .number()
    .int('Whole minutes only')
    .min(1, 'At least 1 minute')
    .max(120, 'At most 120 minutes'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsDefaults: Omit<Settings, 'clinic'> = {
  idleLockMinutes: 10,
};

export const settingsUpdateInput = z
  .object({
    clinic: clinicDetailsSchema.strict().optional(),
    idleLockMinutes: settingsSchema.shape.idleLockMinutes.optional(),
  })
  .strict();

export const clinicOperations = {
  'clinic.settings': op({
    input: emptyInput,
    output: settingsSchema,
    access: 'signed-in',
    audit: null,
  }),
  'clinic.updateSettings': op({
    input: settingsUpdateInput,
    output: settingsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'settings' },
    maxInputBytes: 1_000_000,
  }),
} as const;

import { op } from './operation';
import { admin } from './roles';
import { emptyInput, emailSchema, phoneSchema, requiredText, text } from './common';
import { z } from 'zod';
import { languageCodePattern, shippedLanguages } from '../documents/languages';

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
  /**
   * The languages the clinic offers its patients, first the one documents fall back to: a
   * patient's preferred language is chosen from this list.
   */
  patientLanguages: z
    .array(z.string().regex(languageCodePattern, 'Use a language code such as "en" or "tr"'))
    .min(1, 'Offer at least one language')
    .max(20, 'At most 20 languages')
    .refine((l) => new Set(l).size === l.length, 'Each language once'),
  /** The language the screens open in; each member of staff may choose their own instead. */
  uiLanguage: z.enum(shippedLanguages),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsDefaults: Omit<Settings, 'clinic'> = {
  idleLockMinutes: 10,
  patientLanguages: [...shippedLanguages],
  uiLanguage: 'en',
};

export const settingsUpdateInput = z
  .object({
    clinic: clinicDetailsSchema.strict().optional(),
    idleLockMinutes: settingsSchema.shape.idleLockMinutes.optional(),
    patientLanguages: settingsSchema.shape.patientLanguages.optional(),
    uiLanguage: settingsSchema.shape.uiLanguage.optional(),
  })
  .strict();

/**
 * What a new clinic still has to do after setup, each step ticked by the record itself (not by a
 * click), so the list cannot claim what is not done.
 */
export const firstStepKeys = ['staff', 'products', 'templates', 'backups'] as const;
export type FirstStepKey = (typeof firstStepKeys)[number];
export const firstStepsSchema = z.object({
  steps: z.array(z.object({ key: z.enum(firstStepKeys), done: z.boolean() })),
  /** Shown while a step is open and nobody dismissed the list. */
  show: z.boolean(),
  dismissedAt: z.string().nullable(),
});
export type FirstSteps = z.infer<typeof firstStepsSchema>;

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
  'clinic.firstSteps': op({
    input: emptyInput,
    output: firstStepsSchema,
    access: admin,
    audit: null,
  }),
  'clinic.dismissFirstSteps': op({
    input: emptyInput,
    output: firstStepsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'settings' },
  }),
} as const;

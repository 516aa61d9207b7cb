import { op } from './operation';
import { admin } from './roles';
import { emptyInput, emailSchema, phoneSchema, requiredText, text } from './common';
import { z } from 'zod';
import { languageCodePattern, shippedLanguages } from '../documents/languages';
import { jobFailureTextSchema } from './backup';
import { serverCheckSchema, serverSettingsSchema } from './keys';
import { keyed } from './field-text';

/** Logos are small images shown on every printed page; a data URL keeps them in the record. */
export const logoSchema = z
  .string()
  .max(700_000, keyed('validation.clinic.logoTooLarge', 'The logo must be smaller than 500 KB'))
  .regex(
    /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/,
    keyed('validation.clinic.logoType', 'The logo must be a PNG or JPEG image'),
  );

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
    .int(keyed('validation.numbers.wholeMinutes', 'Whole minutes only'))
    .min(1, keyed('validation.clinic.atLeastMinute', 'At least 1 minute'))
    .max(120, keyed('validation.clinic.atMostMinutes', 'At most 120 minutes')),
  /**
   * The languages the clinic offers its patients, first the one documents fall back to: a
   * patient's preferred language is chosen from this list.
   */
  patientLanguages: z
    .array(
      z
        .string()
        .regex(
          languageCodePattern,
          keyed('validation.clinic.languageCode', 'Use a language code such as "en" or "tr"'),
        ),
    )
    .min(1, keyed('validation.clinic.offerLanguage', 'Offer at least one language'))
    .max(20, keyed('validation.clinic.atMostLanguages', 'At most 20 languages'))
    .refine(
      (l) => new Set(l).size === l.length,
      keyed('validation.lists.eachLanguage', 'Each language once'),
    ),
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

/** "Move this clinic to a server": the server's schema owner, and the workstations' role. */
export const serverMoveInput = z
  .object({ server: serverSettingsSchema, runtimeRole: requiredText(63, "The workstations' role") })
  .strict();
export type ServerMoveInput = z.input<typeof serverMoveInput>;

/** The move's stages: the original's audit chain, the copy, its checks, the server's chain. */
export const serverMoveSteps = ['source', 'copy', 'verify', 'audit'] as const;
export type ServerMoveStep = (typeof serverMoveSteps)[number];

export const serverMoveReportSchema = z.object({
  /** Every table's row count and order-free content hash, equal on both sides. */
  tables: z.array(z.object({ table: z.string(), rows: z.number().int(), hash: z.string() })),
  /** Photos and PDFs copied, each opened under the clinic's key and checked. */
  files: z.number().int(),
  fileBytes: z.number().int(),
  /** Audit events verified on the server (the same number as here). */
  auditEvents: z.number().int(),
});
export type ServerMoveReport = z.output<typeof serverMoveReportSchema>;

export const serverMoveJobSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  step: z.enum(serverMoveSteps),
  /** Why it failed, in words for the screen; the server was left as it was. */
  message: z.string().nullable(),
  /** The message's catalogue key and values, for the screens' language (see ApiError). */
  messageText: jobFailureTextSchema.nullable(),
  report: serverMoveReportSchema.nullable(),
});
export type ServerMoveJob = z.output<typeof serverMoveJobSchema>;

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
  /** Tries the server a single-computer clinic would move to; nothing is written. */
  'clinic.checkServer': op({
    input: serverMoveInput,
    output: serverCheckSchema,
    access: admin,
    audit: null,
  }),
  /**
   * Copies this computer's clinic into an empty server database as a background job, checked
   * table by table, file by file and along the audit chain; this computer's record is only read.
   */
  'clinic.moveToServer': op({
    input: serverMoveInput,
    output: serverMoveJobSchema,
    access: admin,
    audit: { action: 'execute', objectType: 'server-move' },
  }),
  'clinic.moveJob': op({
    input: z.object({ jobId: z.string().max(64) }).strict(),
    output: serverMoveJobSchema,
    access: admin,
    audit: null,
  }),
} as const;

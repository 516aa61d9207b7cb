import { op } from './operation';
import { admin, clinical, registerKeepers } from './roles';
import {
  emptyInput,
  emailSchema,
  idSchema,
  isoDate,
  isoDateTime,
  phoneSchema,
  identityText,
  requiredIdentityText,
  text,
  validDateMessage,
} from './common';
import { z } from 'zod';
import { languageCodePattern } from '../documents/languages';
import { nameOrders } from '../patients/person-name';
import { keyed } from './field-text';
import { fieldLabelKey, type FieldLabel } from './field-labels';

export const sexes = ['female', 'male', 'other', 'not-stated'] as const;
export const sexSchema = z.enum(sexes, keyed('validation.patients.chooseSex', 'Choose one'));
export type Sex = z.infer<typeof sexSchema>;

export const MAX_AGE_YEARS = 120;

/** Today's calendar date where the code runs (the clinic's computer), as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Whole years between a date of birth and today. */
export function ageOn(dateOfBirth: string, today: string = localToday()): number {
  const [by = 0, bm = 0, bd = 0] = dateOfBirth.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export const dateOfBirthSchema = z
  .string()
  .min(1, keyed('validation.patients.dateOfBirthRequired', 'Date of birth is required'))
  .refine(
    (d) => d === '' || isoDate.safeParse(d).success,
    keyed('validation.dates.valid', 'Enter a valid date'),
  )
  .refine(
    (d) => d <= localToday(),
    keyed('validation.patients.dateOfBirthFuture', 'The date of birth cannot be in the future'),
  )
  .refine(
    (d) => ageOn(d) <= MAX_AGE_YEARS,
    keyed(
      'validation.patients.dateOfBirthTooOld',
      'The date of birth is more than {{years}} years ago',
      { years: MAX_AGE_YEARS },
    ),
  );

/** A past date that may be left empty (''): when a medicine was last taken, a surgery date. */
export function optionalPastDate(label: FieldLabel) {
  const named = { label: fieldLabelKey(label) };
  return z
    .string()
    .refine((d) => d === '' || isoDate.safeParse(d).success, validDateMessage(label))
    .refine(
      (d) => d === '' || d <= localToday(),
      keyed('validation.dates.future', '{{label}} cannot be in the future', named),
    )
    .refine(
      (d) => d === '' || ageOn(d) <= MAX_AGE_YEARS,
      keyed('validation.dates.tooOld', '{{label}} is more than {{years}} years ago', {
        ...named,
        years: MAX_AGE_YEARS,
      }),
    );
}

export const patientDetailsSchema = z.object({
  givenName: requiredIdentityText(100, 'Given name'),
  familyName: requiredIdentityText(100, 'Family name'),
  dateOfBirth: dateOfBirthSchema,
  sex: sexSchema,
  phone: phoneSchema,
  email: emailSchema,
  address: text(400, 'Address'),
  /** A language code from the clinic's list, or '' (the clinic's first language). */
  preferredLanguage: text(60, 'Preferred language').refine(
    (v) => v === '' || languageCodePattern.test(v),
    keyed('validation.patients.chooseLanguage', 'Choose a language from the list'),
  ),
  /** How the name is written; null: the usual order for its script or language; left out: unchanged. */
  nameOrder: z.enum(nameOrders).nullable().optional(),
  emergencyContactName: identityText(120, 'Emergency contact'),
  emergencyContactPhone: phoneSchema,
  referralSource: text(200, 'How they heard of the clinic'),
});
export type PatientDetails = z.infer<typeof patientDetailsSchema>;
export const patientDetailFields = Object.keys(
  patientDetailsSchema.shape,
) as (keyof PatientDetails)[];

export const consentKinds = [
  'health-data',
  'photos-record',
  'photos-other',
  'reminders-phone',
  'reminders-sms',
  'reminders-email',
] as const;
export const consentKindSchema = z.enum(consentKinds);
export type ConsentKind = z.infer<typeof consentKindSchema>;

export const patientCreateInput = patientDetailsSchema
  .extend({
    /** Consents the patient gave at intake, each recorded as its own event. */
    consents: z.array(consentKindSchema).max(consentKinds.length).default([]),
    /** The receptionist saw the possible duplicates and confirmed this is someone else. */
    notDuplicateOf: z.array(idSchema).max(50).default([]),
  })
  .strict();

export const patientUpdateInput = patientDetailsSchema.extend({ id: idSchema }).strict();

export const patientSchema = patientDetailsSchema.extend({
  /** Records from before the list may hold the language as it was typed. */
  preferredLanguage: z.string(),
  id: idSchema,
  clinicNumber: z.string(),
  archived: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Patient = z.infer<typeof patientSchema>;

export const patientSummarySchema = z.object({
  id: idSchema,
  clinicNumber: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  nameOrder: z.enum(nameOrders).nullable(),
  dateOfBirth: z.string(),
  phone: z.string(),
  email: z.string(),
  archived: z.boolean(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const alertKinds = [
  'allergy',
  'pregnancy',
  'breastfeeding',
  'coagulation',
  'epilepsy',
] as const;
export const alertSchema = z.object({
  kind: z.enum(alertKinds),
  /** What exactly, as recorded (the allergen); null when the kind says it all. */
  detail: z.string().nullable(),
});
export type PatientAlert = z.infer<typeof alertSchema>;

export const patientChartSchema = z.object({
  patient: patientSchema,
  alerts: z.array(alertSchema),
  historyVersion: z.number().int().nullable(),
  /**
   * Medicine lines of the latest history that the drug reference reads as a bleeding risk, as
   * typed: the alert strip shows them to everyone who sees the chart, the front desk included,
   * without the rest of the history.
   */
  riskMedicines: z.array(z.string()),
});

export const patientIdInput = z.object({ id: idSchema }).strict();

export const patientArchiveInput = z
  .object({ id: idSchema, archived: z.boolean(), reason: text(300, 'Reason') })
  .strict();

export const patientSearchInput = z
  .object({
    query: text(200, 'Search'),
    includeArchived: z.boolean().default(false),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const patientSearchOutput = z.object({
  total: z.number().int(),
  results: z.array(patientSummarySchema),
});

export const duplicateCheckInput = z
  .object({
    givenName: text(100),
    familyName: text(100),
    dateOfBirth: z.string().max(10),
    phone: z.string().max(40),
    email: z.string().max(254),
    /** The patient being edited, who is not their own duplicate. */
    excludeId: idSchema.optional(),
  })
  .strict();

export const duplicateReasons = ['name-and-birth-date', 'phone', 'email'] as const;
export const duplicateSchema = patientSummarySchema.extend({
  reasons: z.array(z.enum(duplicateReasons)),
});
export type DuplicateCandidate = z.infer<typeof duplicateSchema>;

export const patientChangeSchema = z.object({
  at: isoDateTime,
  by: z.string(),
  field: z.string(),
  before: z.string(),
  after: z.string(),
});
export type PatientChange = z.infer<typeof patientChangeSchema>;

/** `{YYYY}`, `{YY}` and one `{SEQ}` or `{SEQ:n}` (zero-padded to n digits) in letters, digits, - / . _ */
export const clinicNumberFormatSchema = z
  .string()
  .min(1, keyed('validation.patients.formatRequired', 'Enter a format'))
  .max(40, keyed('validation.generic.tooLong', 'At most {{maximum}} characters', { maximum: 40 }))
  .refine(
    (f) => /^([A-Za-z0-9\-/._]|\{YYYY\}|\{YY\}|\{SEQ(:[1-9])?\})+$/.test(f),
    keyed(
      'validation.patients.formatCharacters',
      'Use letters, digits, - / . _ and the placeholders {YYYY}, {YY}, {SEQ} or {SEQ:5}',
    ),
  )
  .refine(
    (f) => (f.match(/\{SEQ(:[1-9])?\}/g) ?? []).length === 1,
    keyed('validation.patients.formatSeqOnce', 'Include {SEQ} exactly once'),
  );

export const patientSettingsSchema = z.object({ clinicNumberFormat: clinicNumberFormatSchema });
export type PatientSettings = z.infer<typeof patientSettingsSchema>;
export const patientSettingsDefaults: PatientSettings = { clinicNumberFormat: 'MC-{YYYY}-{SEQ:5}' };
export const patientSettingsUpdateInput = patientSettingsSchema.strict();

/** The clinic number for the n-th patient of a numbering scope; the scope is the text around SEQ. */
export function formatClinicNumber(format: string, now: Date, seq: number): string {
  return clinicNumberScope(format, now).replace(/\{SEQ(?::([1-9]))?\}/, (_, width?: string) =>
    String(seq).padStart(Number(width ?? 1), '0'),
  );
}

export function clinicNumberScope(format: string, now: Date): string {
  const year = String(now.getFullYear());
  return format.replaceAll('{YYYY}', year).replaceAll('{YY}', year.slice(2));
}

export const patientsOperations = {
  'patients.search': op({
    input: patientSearchInput,
    output: patientSearchOutput,
    access: clinical,
    audit: { action: 'read', objectType: 'patient-search' },
  }),
  'patients.duplicates': op({
    input: duplicateCheckInput,
    output: z.array(duplicateSchema),
    access: clinical,
    audit: { action: 'read', objectType: 'patient-duplicate-check' },
  }),
  'patients.create': op({
    input: patientCreateInput,
    output: patientSchema,
    access: clinical,
    audit: { action: 'create', objectType: 'patient' },
  }),
  'patients.get': op({
    input: patientIdInput,
    output: patientChartSchema,
    access: clinical,
    audit: { action: 'read', objectType: 'patient' },
  }),
  'patients.update': op({
    input: patientUpdateInput,
    output: patientSchema,
    access: clinical,
    audit: { action: 'update', objectType: 'patient' },
  }),
  'patients.archive': op({
    input: patientArchiveInput,
    output: patientSchema,
    access: registerKeepers,
    audit: { action: 'update', objectType: 'patient-archive' },
  }),
  'patients.changes': op({
    input: patientIdInput,
    output: z.array(patientChangeSchema),
    access: clinical,
    audit: { action: 'read', objectType: 'patient-changes' },
  }),
  'patients.settings': op({
    input: emptyInput,
    output: patientSettingsSchema,
    access: 'signed-in',
    audit: null,
  }),
  'patients.updateSettings': op({
    input: patientSettingsUpdateInput,
    output: patientSettingsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'patient-settings' },
  }),
} as const;

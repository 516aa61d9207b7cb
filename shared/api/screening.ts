import { op } from './operation';
import { admin, checkers, practitioner, clinicalReaders } from './roles';
import { emptyInput, idSchema, isoDate, isoDateTime, text } from './common';
import { screeningSettingsSchema } from '../screening/screening-settings';
import { z } from 'zod';
import {
  dayOfAnswersSchema,
  historyFactsSchema,
  severitySchema,
  treatmentAreaSchema,
} from '../screening/screening-types';
import type { ScreeningFinding } from '../screening/screening-types';
import { substanceLineInput } from '../screening/substance-line';
import { findingPhraseSchema, findingValueSchema } from '../screening/finding-wording';
import { keyed } from './field-text';

/**
 * The pre-procedure check as the API carries it. The rules themselves live in shared/clinical;
 * these are the operations' inputs and outputs around them.
 */

export const screeningSettingsUpdateInput = screeningSettingsSchema.strict();

export const screeningPatientInput = z.object({ patientId: idSchema }).strict();

/** What the practitioner plans and answers on the day; the history is read by the server. */
export const screeningPlanFields = {
  patientId: idSchema,
  dayOf: dayOfAnswersSchema,
  productIds: z
    .array(idSchema)
    .max(20, keyed('validation.lists.atMostProducts', 'At most {{max}} products', { max: 20 }))
    .refine(
      (ids) => new Set(ids).size === ids.length,
      keyed('validation.lists.eachProduct', 'Each product once'),
    ),
  areas: z
    .array(treatmentAreaSchema)
    .max(15)
    .refine(
      (areas) => new Set(areas).size === areas.length,
      keyed('validation.lists.eachArea', 'Each area once'),
    ),
  /** Planned anaesthesia (and other substances), cross-checked like the products. */
  substances: z
    .array(substanceLineInput)
    .max(10, keyed('validation.lists.atMostSubstances', 'At most {{max}} substances', { max: 10 }))
    .default([]),
};
export const screeningPreviewInput = z.object(screeningPlanFields).strict();
export type ScreeningPreviewInput = z.input<typeof screeningPreviewInput>;

/** The shortest override reason that can say why: "ok" is not a reason. */
export const minOverrideReasonLength = 10;

export const screeningDecisions = ['treat', 'stop'] as const;

export const screeningCompleteInput = z
  .object({
    ...screeningPlanFields,
    /** 'stop' records the check as stopped (nobody is treated); 'treat' asks for a passed check. */
    decision: z.enum(screeningDecisions),
    /** Keys (findingKeys) of the caution findings the practitioner acknowledged. */
    acknowledged: z.array(z.string().max(300)).max(200),
    overrideReason: text(2000, 'Override reason').nullable(),
  })
  .strict();
export type ScreeningCompleteInput = z.input<typeof screeningCompleteInput>;

export const findingSchema = z.object({
  ruleId: z.string(),
  severity: severitySchema,
  explanation: z.string(),
  wording: z.string().optional(),
  params: z.record(z.string(), findingValueSchema).optional(),
  note: findingPhraseSchema.optional(),
  patientMessage: z.string(),
  productId: z.string().optional(),
  medicineLineId: z.string().optional(),
});

/** One finding's identity within a check, so acknowledgements survive a re-run of the rules. */
type FindingIdentity = Pick<ScreeningFinding, 'ruleId' | 'productId' | 'medicineLineId'>;

/**
 * Each finding's key, in list order. A medicine line naming two drugs of one rule gives two
 * findings with the same rule and line; the second is told apart by its occurrence ("#2").
 */
export function findingKeys(findings: readonly FindingIdentity[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = [f.ruleId, f.productId ?? '', f.medicineLineId ?? ''].join('|');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

export const screeningPreviewOutput = z.object({
  findings: z.array(findingSchema),
  outcome: severitySchema,
  productOutcomes: z.record(z.string(), severitySchema),
  /** Per planned substance key (substanceKey), its worst severity. */
  substanceOutcomes: z.record(z.string(), severitySchema),
});
export type ScreeningPreview = z.infer<typeof screeningPreviewOutput>;

export const screeningPrefillOutput = z.object({
  historyVersion: z.number().int().nullable(),
  historyRecordedAt: isoDateTime.nullable(),
  /** The latest history in the rules' terms; null when no history was taken. */
  facts: historyFactsSchema.nullable(),
  /** What the intake did not say and the check had to assume, in plain words. */
  assumptions: z.array(z.string()),
  /**
   * Each assumption's catalogue key under findingPhrases ('assumption.epilepsy'), in the same
   * order, so the screens word it in their language; the English above is the fallback.
   */
  assumptionPhrases: z.array(z.string()),
  today: isoDate,
});
export type ScreeningPrefill = z.infer<typeof screeningPrefillOutput>;

export const screeningStatuses = ['passed', 'overridden', 'stopped'] as const;
export const screeningStatusSchema = z.enum(screeningStatuses);
export type ScreeningStatus = z.infer<typeof screeningStatusSchema>;

export const screeningRecordSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  performedOn: isoDate,
  performedAt: isoDateTime,
  performedByName: z.string(),
  outcome: severitySchema,
  status: screeningStatusSchema,
  findings: z.array(findingSchema),
  acknowledged: z.array(z.string()),
  overrideReason: z.string().nullable(),
  overrideByName: z.string().nullable(),
  plannedProducts: z.array(z.object({ id: idSchema, name: z.string() })),
  areas: z.array(treatmentAreaSchema),
  /** The anaesthesia the check covered. */
  substances: z.array(substanceLineInput),
  /** The medical-history version the check read; null when none had been taken. */
  historyVersion: z.number().int().nullable(),
});
export type ScreeningRecord = z.infer<typeof screeningRecordSchema>;

export const screeningListInput = z
  .object({ patientId: idSchema, limit: z.number().int().min(1).max(100).default(20) })
  .strict();

/** One check of one patient: a session shows the check it rests on. */
export const screeningGetInput = z.object({ patientId: idSchema, id: idSchema }).strict();

export const screeningOperations = {
  // Periods and thresholds hold no patient data: anyone signed in may read them.
  'screening.settings': op({
    input: emptyInput,
    output: screeningSettingsSchema,
    access: 'signed-in',
    audit: null,
  }),
  'screening.updateSettings': op({
    input: screeningSettingsUpdateInput,
    output: screeningSettingsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'screening-settings' },
  }),
  'screening.prefill': op({
    input: screeningPatientInput,
    output: screeningPrefillOutput,
    access: checkers,
    audit: { action: 'read', objectType: 'medical-history' },
  }),
  // Runs the rules on the latest history without saving: it reads clinical data, so it is audited.
  'screening.preview': op({
    input: screeningPreviewInput,
    output: screeningPreviewOutput,
    access: checkers,
    audit: { action: 'execute', objectType: 'screening-preview' },
  }),
  'screening.complete': op({
    input: screeningCompleteInput,
    output: screeningRecordSchema,
    access: practitioner,
    audit: { action: 'create', objectType: 'screening' },
  }),
  'screening.list': op({
    input: screeningListInput,
    output: z.array(screeningRecordSchema),
    access: clinicalReaders,
    audit: { action: 'read', objectType: 'screening' },
  }),
  'screening.get': op({
    input: screeningGetInput,
    output: screeningRecordSchema,
    access: clinicalReaders,
    audit: { action: 'read', objectType: 'screening' },
  }),
} as const;

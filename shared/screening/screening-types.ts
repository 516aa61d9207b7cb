import { z } from 'zod';
import { screeningSettingsSchema } from './screening-settings';
import type { FindingParams, FindingPhrase } from './finding-wording';
import type { Severity } from './severity';
import { severities } from './severity';
import { treatmentAreas } from '../sessions/treatment-terms';
import { keyed } from '../api/field-text';

/**
 * Input and output of the pre-procedure check. The zod schemas validate what the forms send;
 * cross-field checks against "today" live in screening-validation.
 */

const isoDate = z.iso.date(keyed('validation.screening.dateFormat', 'Enter a date as YYYY-MM-DD'));
const shortText = (max: number) =>
  z
    .string()
    .max(
      max,
      keyed('validation.generic.tooLong', 'At most {{maximum}} characters', { maximum: max }),
    );

export const treatmentAreaSchema = z.enum(treatmentAreas);

/** The common allergies the intake form lets the receptionist tick. */
export const allergenTags = [
  'local-anaesthetic',
  'soy',
  'hyaluronic-acid',
  'bee-wasp-venom',
  'latex',
  'egg',
] as const;
export type AllergenTag = (typeof allergenTags)[number];
export const allergenTagSchema = z.enum(allergenTags);

export const medicineLineSchema = z.object({
  id: z.string().min(1).max(64),
  text: shortText(300),
  /** Last dose as recorded at intake; the day-of answer takes precedence. */
  lastDose: isoDate.nullable().optional(),
  /** Ticked "prescribed by a doctor"; undefined or null when nobody asked. */
  prescribed: z.boolean().nullable().optional(),
});
export type MedicineLine = z.infer<typeof medicineLineSchema>;

export const surgerySchema = z.object({
  date: isoDate.nullable(),
  /** Treatment areas the surgery touched; empty when it was elsewhere on the body. */
  areas: z.array(treatmentAreaSchema),
  description: shortText(300).optional(),
});
export type Surgery = z.infer<typeof surgerySchema>;

/** "No", or "yes" with the date if the patient knows it. */
export const datedAnswerSchema = z.discriminatedUnion('answer', [
  z.object({ answer: z.literal('no') }),
  z.object({ answer: z.literal('yes'), date: isoDate.nullable() }),
]);
export type DatedAnswer = z.infer<typeof datedAnswerSchema>;

export const conditionsSchema = z.object({
  pregnancy: z.boolean(),
  breastfeeding: z.boolean(),
  coagulationDisorder: z.boolean(),
  neurological: z.enum(['none', 'epilepsy', 'other']),
  autoimmune: z.boolean(),
  diabetes: z.enum(['none', 'non-insulin', 'insulin-dependent']),
  activeCancer: z.boolean(),
  immunosuppression: z.boolean(),
  keloid: z.boolean(),
  herpes: z.boolean(),
  chronicSkinDisease: z.boolean(),
  heartDisease: z.boolean(),
  hypertension: z.enum(['none', 'controlled', 'uncontrolled']),
});
export type Conditions = z.infer<typeof conditionsSchema>;

export const historyFactsSchema = z.object({
  conditions: conditionsSchema,
  recentSurgeries: z.array(surgerySchema),
  /** Isotretinoin (Roaccutane, Accutane) ever taken; null when not asked. */
  isotretinoin: datedAnswerSchema.nullable(),
  allergies: z.object({
    ticked: z.array(allergenTagSchema),
    /** One allergy or intolerance per entry, as the patient said it. */
    freeText: z.array(shortText(200)),
  }),
  medicines: z.array(medicineLineSchema),
  /**
   * Yes/no questions of the intake nobody asked, by their path in the history
   * (`conditions.pregnancy`, `allergies.ticks.latex`). Their facts above read "no"; this list is
   * what keeps the check from taking that as known. Absent in checks stored before it existed.
   */
  notAsked: z.array(z.string().min(1).max(60)).max(40).optional(),
});
export type HistoryFacts = z.infer<typeof historyFactsSchema>;

export const skinAtSiteValues = [
  'normal',
  'acute-disorder',
  'infection',
  'cold-sore-active',
] as const;
export type SkinAtSite = (typeof skinAtSiteValues)[number];

export const areaProcedureSchema = z.object({
  kind: z.enum(['laser', 'peel', 'surgery', 'other']),
  date: isoDate.nullable(),
});
export type AreaProcedure = z.infer<typeof areaProcedureSchema>;

/** The questions asked on the day. null means "not answered yet", which the check flags. */
export const dayOfAnswersSchema = z.object({
  /** Last dose of each blood-thinner line (history or new), by medicine line id. */
  lastDoses: z.array(
    z.object({
      lineId: z.string().min(1).max(64),
      lastDose: isoDate.nullable(),
      /** Prescribed or self-medicated, asked at the check; absent or null when not asked. */
      supply: z.enum(['prescribed', 'self-medicated']).nullable().optional(),
    }),
  ),
  hoursSinceAlcohol: z
    .union([
      z
        .number()
        .min(
          0,
          keyed('validation.screening.hoursNegative', 'Hours since alcohol cannot be negative'),
        )
        .max(100_000),
      z.literal('not-recently'),
    ])
    .nullable(),
  pregnantNow: z.enum(['no', 'yes', 'unsure']).nullable(),
  breastfeedingNow: z.boolean().nullable(),
  skinAtSite: z.enum(skinAtSiteValues).nullable(),
  feverOrIllness: z.boolean().nullable(),
  newMedicines: z.array(medicineLineSchema),
  vaccination: datedAnswerSchema.nullable(),
  antibiotics: datedAnswerSchema.nullable(),
  surgerySinceIntake: z.array(surgerySchema),
  /** Laser, peel, surgery or other procedures in the area to be treated. */
  recentAreaProcedures: z.array(areaProcedureSchema),
});
export type DayOfAnswers = z.infer<typeof dayOfAnswersSchema>;

export const plannedProductSchema = z.object({
  id: z.string().min(1).max(64),
  name: shortText(200),
  ingredients: z.array(shortText(200)),
  allergenFlags: z.array(allergenTagSchema),
});
export type PlannedProduct = z.infer<typeof plannedProductSchema>;

export const screeningInputSchema = z.object({
  history: historyFactsSchema,
  dayOf: dayOfAnswersSchema,
  products: z.array(plannedProductSchema),
  areas: z.array(treatmentAreaSchema),
  settings: screeningSettingsSchema,
  today: isoDate,
});
export type ScreeningInput = z.infer<typeof screeningInputSchema>;

export const severitySchema = z.enum(severities);

export interface ScreeningFinding {
  /** Stable id of the rule, for translation, audit and tests. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** For the practitioner: what was found and why it matters (English, the reference wording). */
  readonly explanation: string;
  /**
   * The catalogue key of its wording (findingRules.*) where the rule words its findings more
   * than one way; else the rule id is the key. The English explanation stays the reference.
   */
  readonly wording?: string;
  /** The values in the explanation, for its wording in the reader's language (finding-wording). */
  readonly params?: FindingParams;
  /** What the service added to the rule's text (an assumption it made reading the intake). */
  readonly note?: FindingPhrase;
  /** What to tell the patient, in plain words. */
  readonly patientMessage: string;
  /** The planned product this finding is about, so the UI can block that product. */
  readonly productId?: string;
  /** The medicine line this finding is about. */
  readonly medicineLineId?: string;
}

export interface ScreeningResult {
  readonly findings: readonly ScreeningFinding[];
  /** The worst severity among the findings ("clear" when there are none). */
  readonly outcome: Severity;
  /** Worst severity of the findings about each planned product, for every planned product. */
  readonly productOutcomes: Readonly<Record<string, Severity>>;
}

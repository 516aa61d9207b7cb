import { op } from './operation';
import { clinicalReaders, intake } from './roles';
import { z } from 'zod';
import { idSchema, isoDateTime, requiredText, text } from './common';
import { optionalPastDate, type PatientAlert } from './patients';

/** Conditions asked about at intake (clinical reference, section 1). */
export const conditionKeys = [
  'pregnancy',
  'breastfeeding',
  'coagulationDisorder',
  'epilepsyOrNeurological',
  'autoimmune',
  'diabetes',
  'activeCancer',
  'immunosuppression',
  'keloid',
  'herpes',
  'chronicSkin',
  'heartDisease',
  'hypertension',
] as const;
export type ConditionKey = (typeof conditionKeys)[number];

export const allergyTicks = [
  'localAnaesthetics',
  'soy',
  'hyaluronicAcid',
  'beeWaspVenom',
  'latex',
  'eggs',
] as const;
export type AllergyTick = (typeof allergyTicks)[number];

export const fitzpatrickTypes = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export const glogauClasses = ['I', 'II', 'III', 'IV'] as const;
export const smokingHabits = ['never', 'former', 'occasional', 'daily'] as const;
export const alcoholHabits = ['none', 'occasional', 'weekly', 'daily'] as const;

const flags = <K extends string>(keys: readonly K[]) =>
  z
    .object(Object.fromEntries(keys.map((k) => [k, z.boolean()])) as Record<K, z.ZodBoolean>)
    .strict();

export const medicineLineSchema = z
  .object({
    /** Stored exactly as typed; recognition against the drug reference is done on reading. */
    text: requiredText(300, 'Medicine or supplement'),
    lastDose: optionalPastDate('Last dose'),
  })
  .strict();

export const previousTreatmentSchema = z
  .object({
    kind: requiredText(120, 'Treatment'),
    area: text(120, 'Area'),
    product: text(120, 'Product'),
    date: optionalPastDate('Date'),
  })
  .strict();

export const historyAnswersSchema = z
  .object({
    conditions: flags(conditionKeys),
    conditionNotes: text(2000, 'Notes'),
    surgery: z
      .object({
        recent: z.boolean(),
        date: optionalPastDate('Surgery date'),
        details: text(500, 'Surgery details'),
      })
      .strict(),
    isotretinoin: z
      .object({ taken: z.boolean(), lastDate: optionalPastDate('Last dose') })
      .strict(),
    allergies: z
      .object({ ticks: flags(allergyTicks), other: text(2000, 'Other allergies') })
      .strict(),
    medicines: z.array(medicineLineSchema).max(60, 'At most 60 lines'),
    treatments: z.array(previousTreatmentSchema).max(60, 'At most 60 lines'),
    fitzpatrick: z.enum(fitzpatrickTypes).nullable(),
    glogau: z.enum(glogauClasses).nullable(),
    smoking: z.enum(smokingHabits).nullable(),
    alcohol: z.enum(alcoholHabits).nullable(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.surgery.recent && v.surgery.date === '')
      ctx.addIssue({
        code: 'custom',
        path: ['surgery', 'date'],
        message: 'Enter the surgery date',
      });
    if (v.isotretinoin.taken && v.isotretinoin.lastDate === '')
      ctx.addIssue({
        code: 'custom',
        path: ['isotretinoin', 'lastDate'],
        message: 'Enter the date of the last dose',
      });
  });
export type HistoryAnswers = z.infer<typeof historyAnswersSchema>;

export function emptyHistoryAnswers(): HistoryAnswers {
  const none = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, false])) as Record<K, boolean>;
  return {
    conditions: none(conditionKeys),
    conditionNotes: '',
    surgery: { recent: false, date: '', details: '' },
    isotretinoin: { taken: false, lastDate: '' },
    allergies: { ticks: none(allergyTicks), other: '' },
    medicines: [],
    treatments: [],
    fitzpatrick: null,
    glogau: null,
    smoking: null,
    alcohol: null,
  };
}

export const historyTakers = ['staff', 'patient'] as const;

export const historySubmitInput = z
  .object({
    patientId: idSchema,
    answers: historyAnswersSchema,
    /** The patient filled it in on the tablet screen, or staff took it. */
    takenBy: z.enum(historyTakers),
  })
  .strict();

export const historyVersionMetaSchema = z.object({
  version: z.number().int(),
  recordedAt: isoDateTime,
  recordedBy: z.string(),
  takenBy: z.enum(historyTakers),
});

export const historyVersionSchema = historyVersionMetaSchema.extend({
  answers: historyAnswersSchema,
});
export type HistoryVersion = z.infer<typeof historyVersionSchema>;

export const historyGetInput = z.object({ patientId: idSchema }).strict();
export const historyGetOutput = z.object({
  versions: z.array(historyVersionMetaSchema),
  latest: historyVersionSchema.nullable(),
});

export const historyVersionInput = z
  .object({ patientId: idSchema, version: z.number().int().min(1) })
  .strict();
export const historyVersionOutput = z.object({
  version: historyVersionSchema,
  previous: historyVersionSchema.nullable(),
});

export interface HistoryChange {
  /** Dot path of the answer, e.g. `conditions.pregnancy` or `medicines`. */
  path: string;
  before: string;
  after: string;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** What changed between two submissions, answer by answer; list answers compare line by line. */
export function diffHistory(before: HistoryAnswers | null, after: HistoryAnswers): HistoryChange[] {
  const base = before ?? emptyHistoryAnswers();
  const changes: HistoryChange[] = [];
  const walk = (path: string, a: unknown, b: unknown) => {
    if (Array.isArray(a) || Array.isArray(b)) {
      const lines = (list: unknown) =>
        ((list as Record<string, string>[] | undefined) ?? []).map((row) =>
          Object.values(row).filter(Boolean).join(' · '),
        );
      const la = lines(a);
      const lb = lines(b);
      const removed = la.filter((l) => !lb.includes(l));
      const added = lb.filter((l) => !la.includes(l));
      if (removed.length || added.length)
        changes.push({ path, before: removed.join('\n'), after: added.join('\n') });
      return;
    }
    if (a && typeof a === 'object' && b && typeof b === 'object') {
      for (const key of Object.keys(b)) {
        walk(
          path ? `${path}.${key}` : key,
          (a as Record<string, unknown>)[key],
          (b as Record<string, unknown>)[key],
        );
      }
      return;
    }
    if (show(a) !== show(b)) changes.push({ path, before: show(a), after: show(b) });
  };
  walk('', base, after);
  return changes;
}

const allergyNames: Record<AllergyTick, string> = {
  localAnaesthetics: 'lidocaine / local anaesthetics',
  soy: 'soy',
  hyaluronicAcid: 'hyaluronic acid products',
  beeWaspVenom: 'bee or wasp venom',
  latex: 'latex',
  eggs: 'eggs',
};

/**
 * The chart's permanent alerts from the latest history. Blood-thinning medicines join this list
 * once the drug reference classifies medicine lines.
 */
export function historyAlerts(answers: HistoryAnswers | null): PatientAlert[] {
  if (!answers) return [];
  const alerts: PatientAlert[] = [];
  for (const tick of allergyTicks) {
    if (answers.allergies.ticks[tick]) alerts.push({ kind: 'allergy', detail: allergyNames[tick] });
  }
  const other = answers.allergies.other.trim();
  if (other) alerts.push({ kind: 'allergy', detail: other });
  if (answers.conditions.pregnancy) alerts.push({ kind: 'pregnancy', detail: null });
  if (answers.conditions.breastfeeding) alerts.push({ kind: 'breastfeeding', detail: null });
  if (answers.conditions.coagulationDisorder) alerts.push({ kind: 'coagulation', detail: null });
  if (answers.conditions.epilepsyOrNeurological) alerts.push({ kind: 'epilepsy', detail: null });
  return alerts;
}

export const historyOperations = {
  'history.get': op({
    input: historyGetInput,
    output: historyGetOutput,
    access: clinicalReaders,
    audit: { action: 'read', objectType: 'medical-history' },
  }),
  'history.version': op({
    input: historyVersionInput,
    output: historyVersionOutput,
    access: clinicalReaders,
    audit: { action: 'read', objectType: 'medical-history' },
  }),
  'history.submit': op({
    input: historySubmitInput,
    output: historyVersionSchema,
    access: intake,
    audit: { action: 'create', objectType: 'medical-history' },
  }),
} as const;

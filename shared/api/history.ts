import { op } from './operation';
import { clinicalReaders, intake } from './roles';
import { z } from 'zod';
import { idSchema, isoDateTime, requiredText, text } from './common';
import { optionalPastDate, type PatientAlert } from './patients';
import { fieldMessage, keyed } from './field-text';

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

/**
 * Every yes/no question of the intake has a third answer: nobody asked it. "Not asked" is kept
 * apart from "no" so that the check can flag it instead of reading it as "no".
 */
export const yesNoAnswers = ['yes', 'no', 'not-asked'] as const;
export type YesNo = (typeof yesNoAnswers)[number];
const atMostLines = keyed('validation.lists.atMostLines', 'At most {{max}} lines', { max: 60 });
const yesNo = z.enum(
  yesNoAnswers,
  keyed('validation.history.yesNo', 'Answer yes, no or not asked'),
);

const flags = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, yesNo])) as Record<K, typeof yesNo>).strict();

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
        recent: yesNo,
        date: optionalPastDate('Surgery date'),
        details: text(500, 'Surgery details'),
      })
      .strict(),
    isotretinoin: z.object({ taken: yesNo, lastDate: optionalPastDate('Last dose') }).strict(),
    allergies: z
      .object({ ticks: flags(allergyTicks), other: text(2000, 'Other allergies') })
      .strict(),
    medicines: z.array(medicineLineSchema).max(60, atMostLines),
    treatments: z.array(previousTreatmentSchema).max(60, atMostLines),
    fitzpatrick: z.enum(fitzpatrickTypes).nullable(),
    glogau: z.enum(glogauClasses).nullable(),
    smoking: z.enum(smokingHabits).nullable(),
    alcohol: z.enum(alcoholHabits).nullable(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.surgery.recent === 'yes' && v.surgery.date === '')
      ctx.addIssue({
        code: 'custom',
        path: ['surgery', 'date'],
        message: fieldMessage('validation.history.surgeryDate', 'Enter the surgery date'),
      });
    if (v.isotretinoin.taken === 'yes' && v.isotretinoin.lastDate === '')
      ctx.addIssue({
        code: 'custom',
        path: ['isotretinoin', 'lastDate'],
        message: fieldMessage('validation.history.lastDose', 'Enter the date of the last dose'),
      });
  });
export type HistoryAnswers = z.infer<typeof historyAnswersSchema>;

/** A history with every yes/no question given one answer: 'no' by default, 'not-asked' for a new form. */
export function emptyHistoryAnswers(answer: YesNo = 'no'): HistoryAnswers {
  const all = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, answer])) as Record<K, YesNo>;
  return {
    conditions: all(conditionKeys),
    conditionNotes: '',
    surgery: { recent: answer, date: '', details: '' },
    isotretinoin: { taken: answer, lastDate: '' },
    allergies: { ticks: all(allergyTicks), other: '' },
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
  if (value === 'not-asked') return 'not asked';
  return String(value);
}

/** The yes/no questions of the intake by dot path, e.g. `conditions.pregnancy`. */
export const yesNoQuestionPaths = [
  ...conditionKeys.map((k) => `conditions.${k}` as const),
  'surgery.recent',
  'isotretinoin.taken',
  ...allergyTicks.map((k) => `allergies.ticks.${k}` as const),
] as const;
export type YesNoQuestionPath = (typeof yesNoQuestionPaths)[number];

/** Each yes/no question in plain words, for the check's findings and the printed record. */
export const yesNoQuestionNames: Record<YesNoQuestionPath, string> = {
  'conditions.pregnancy': 'pregnancy',
  'conditions.breastfeeding': 'breastfeeding',
  'conditions.coagulationDisorder': 'a coagulation (bleeding) disorder',
  'conditions.epilepsyOrNeurological': 'epilepsy or another neurological disease',
  'conditions.autoimmune': 'autoimmune disease',
  'conditions.diabetes': 'diabetes',
  'conditions.activeCancer': 'active cancer',
  'conditions.immunosuppression': 'immunosuppression or chemotherapy',
  'conditions.keloid': 'keloid or raised scars',
  'conditions.herpes': 'herpes / cold sores',
  'conditions.chronicSkin': 'chronic skin disease',
  'conditions.heartDisease': 'heart disease',
  'conditions.hypertension': 'high blood pressure',
  'surgery.recent': 'recent surgery',
  'isotretinoin.taken': 'isotretinoin (Roaccutane)',
  'allergies.ticks.localAnaesthetics': 'an allergy to lidocaine / local anaesthetics',
  'allergies.ticks.soy': 'an allergy to soy',
  'allergies.ticks.hyaluronicAcid': 'an allergy to hyaluronic acid products',
  'allergies.ticks.beeWaspVenom': 'an allergy to bee or wasp venom',
  'allergies.ticks.latex': 'an allergy to latex',
  'allergies.ticks.eggs': 'an allergy to eggs',
};

export function yesNoAnswer(a: HistoryAnswers, path: YesNoQuestionPath): YesNo {
  const [group, key, tick] = path.split('.') as [string, string, string | undefined];
  if (group === 'conditions') return a.conditions[key as ConditionKey];
  if (group === 'surgery') return a.surgery.recent;
  if (group === 'isotretinoin') return a.isotretinoin.taken;
  return a.allergies.ticks[tick as AllergyTick];
}

/** The questions nobody asked, in the form's order. */
export function notAskedQuestions(a: HistoryAnswers): YesNoQuestionPath[] {
  return yesNoQuestionPaths.filter((p) => yesNoAnswer(a, p) === 'not-asked');
}

/**
 * Answers written before "not asked" existed (schema step 24): a ticked box was true and an
 * unticked one false, and the form wrote every box, so false is "no". A question missing from
 * such a row was never put to the patient: "not asked".
 */
export function answersFromBooleans(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const old = raw as Record<string, unknown>;
  const tri = (v: unknown): YesNo =>
    v === true || v === 'yes' ? 'yes' : v === false || v === 'no' ? 'no' : 'not-asked';
  const group = (value: unknown, keys: readonly string[]) => {
    const o = (value ?? {}) as Record<string, unknown>;
    return { ...o, ...Object.fromEntries(keys.map((k) => [k, tri(o[k])])) };
  };
  const surgery = (old.surgery ?? {}) as Record<string, unknown>;
  const iso = (old.isotretinoin ?? {}) as Record<string, unknown>;
  const allergies = (old.allergies ?? {}) as Record<string, unknown>;
  return {
    ...old,
    conditions: group(old.conditions, conditionKeys),
    surgery: { date: '', details: '', ...surgery, recent: tri(surgery.recent) },
    isotretinoin: { lastDate: '', ...iso, taken: tri(iso.taken) },
    allergies: { other: '', ...allergies, ticks: group(allergies.ticks, allergyTicks) },
  };
}

/** What changed between two submissions, answer by answer; list answers compare line by line. */
export function diffHistory(before: HistoryAnswers | null, after: HistoryAnswers): HistoryChange[] {
  const base = before ?? emptyHistoryAnswers('not-asked');
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
    if (answers.allergies.ticks[tick] === 'yes')
      alerts.push({ kind: 'allergy', detail: allergyNames[tick] });
  }
  const other = answers.allergies.other.trim();
  if (other) alerts.push({ kind: 'allergy', detail: other });
  if (answers.conditions.pregnancy === 'yes') alerts.push({ kind: 'pregnancy', detail: null });
  if (answers.conditions.breastfeeding === 'yes')
    alerts.push({ kind: 'breastfeeding', detail: null });
  if (answers.conditions.coagulationDisorder === 'yes')
    alerts.push({ kind: 'coagulation', detail: null });
  if (answers.conditions.epilepsyOrNeurological === 'yes')
    alerts.push({ kind: 'epilepsy', detail: null });
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

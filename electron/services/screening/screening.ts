import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { StoreSchema } from '../store/schema';
import { preparedQuery, preparedWithLimit } from '../store/prepared';
import type { AllergyTick } from '../../../shared/api/history';
import { storedAnswers } from '../history/medical-history';
import {
  findingKeys,
  minOverrideReasonLength,
  type ScreeningPrefill,
  type ScreeningRecord,
  type ScreeningStatus,
  type screeningCompleteInput,
  type screeningPreviewInput,
} from '../../../shared/api/screening';
import {
  runScreening,
  screeningInputSchema,
  validateScreeningInput,
  type PlannedProduct,
  type ScreeningFinding,
  type ScreeningInput,
  type ScreeningResult,
  type Severity,
  type TreatmentArea,
} from '../../../shared/screening';
import { checkSubstances, substanceKey } from '../../../shared/screening/substance-check';
import type { SubstanceLineInput } from '../../../shared/screening/substance-line';
import { phrase } from '../../../shared/screening/finding-wording';
import { severityRank, worstSeverity } from '../../../shared/screening/severity';
import type { ErrorText } from '../../../shared/api/result';
import { AppError } from '../core/errors';
import { localDate } from '../core/local-date';
import { readScreeningSettings } from './settings';
import { allergenTagOfTick, emptyHistoryFacts, readHistory } from './input';

type PlanInput = z.output<typeof screeningPreviewInput>;
type CompleteInput = z.output<typeof screeningCompleteInput>;

async function latestHistoryRow(db: Queryable, patientId: string) {
  const row = await db
    .selectFrom('medical_history_version')
    .select(['id', 'version', 'recorded_at', 'answers', 'answers_format'])
    .where('patient_id', '=', patientId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return { ...row, answers: storedAnswers(row.answers, row.answers_format) };
}

export async function prefillScreening(
  db: Queryable,
  patientId: string,
  now: Date,
): Promise<ScreeningPrefill> {
  const history = await latestHistoryRow(db, patientId);
  const reading = history ? readHistory(history.answers, []) : null;
  return {
    historyVersion: history?.version ?? null,
    historyRecordedAt: history?.recorded_at ?? null,
    facts: reading?.facts ?? null,
    assumptions: [...(reading?.assumptions ?? [])],
    // Notes are made with their assumption, in the same order (input.ts).
    assumptionPhrases: Object.values(reading?.notes ?? {}).map((n) => n.phrase),
    today: localDate(now),
  };
}

async function plannedProducts(db: Queryable, ids: readonly string[]): Promise<PlannedProduct[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('product')
    .select(['id', 'name', 'ingredients', 'allergens', 'active'])
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const refusal = refusalFields();
  ids.forEach((id, i) => {
    const row = byId.get(id);
    if (!row)
      refusal.add(
        `productIds.${i}`,
        'This product is not in the catalogue',
        'productNotInCatalogue',
      );
    else if (row.active !== 1) {
      refusal.add(`productIds.${i}`, 'This product is no longer in use', 'productNotInUse');
    }
  });
  if (Object.keys(refusal.fields).length > 0) {
    throw new AppError('VALIDATION', 'Choose products from the catalogue', {
      text: { key: 'screeningRefusals.productsNotInCatalogue' },
      fields: refusal.fields,
      fieldKeys: refusal.fieldKeys,
    });
  }
  return ids.map((id) => {
    const row = byId.get(id)!;
    return {
      id,
      name: row.name,
      ingredients: JSON.parse(row.ingredients) as string[],
      allergenFlags: (JSON.parse(row.allergens) as AllergyTick[]).map((t) => allergenTagOfTick[t]),
    };
  });
}

interface PreparedCheck {
  input: ScreeningInput;
  result: ScreeningResult;
  /** Worst severity per planned substance key. */
  substanceOutcomes: Record<string, Severity>;
  historyVersionId: string | null;
  historyVersion: number | null;
  assumptions: readonly string[];
}

/**
 * A refusal's field messages in English (the reference) with their catalogue texts, kept with the
 * findings (screeningRefusals.*) so the screens show them in their language.
 */
function refusalFields() {
  const fields: Record<string, string> = {};
  const fieldKeys: Record<string, ErrorText> = {};
  const add = (field: string, english: string, key: string, params?: ErrorText['params']) => {
    fields[field] = english;
    fieldKeys[field] = { key: `screeningRefusals.${key}`, ...(params ? { params } : {}) };
  };
  return { fields, fieldKeys, add };
}

/** The finding added when no history was taken: nothing is known about contraindications. */
export const noHistory: ScreeningFinding = {
  ruleId: 'history.missing',
  severity: 'do-not-treat',
  explanation:
    'No medical history is recorded for this patient, so contraindications, allergies and medicines are unknown. Take the history first.',
  patientMessage: 'Before treating, we need to go through your medical history with you.',
};

/**
 * Builds the rules' input from the stored history, the catalogue and the day's answers, refuses
 * impossible answers (nothing is written), then runs the rules.
 */
async function prepareCheck(db: Queryable, plan: PlanInput, now: Date): Promise<PreparedCheck> {
  const today = localDate(now);
  const history = await latestHistoryRow(db, plan.patientId);
  const reading = history ? readHistory(history.answers, plan.areas) : null;
  const raw = {
    history: reading?.facts ?? emptyHistoryFacts(),
    dayOf: plan.dayOf,
    products: await plannedProducts(db, plan.productIds),
    areas: plan.areas,
    settings: await readScreeningSettings(db),
    today,
  };
  const checked = validateScreeningInput(raw);
  if (!checked.ok) {
    // Only the day's answers can be corrected here; a stored history is read as it is and the
    // rules flag what in it does not add up.
    const fields = Object.fromEntries(
      Object.entries(checked.fields).filter(([key]) => !key.startsWith('history.')),
    );
    if (Object.keys(fields).length > 0) {
      // The answers' own messages are the validation's (shared/screening/screening-validation).
      throw new AppError('VALIDATION', 'Some answers are not possible; check them', {
        text: { key: 'screeningRefusals.answersNotPossible' },
        fields,
        fieldKeys: {},
      });
    }
  }
  const input = checked.ok ? checked.value : screeningInputSchema.parse(raw);
  const ran = runScreening(input);
  const notes = reading?.notes ?? {};
  const findings = ran.findings.map((f) => {
    const note = notes[f.ruleId];
    return note === undefined
      ? f
      : { ...f, explanation: `${f.explanation} ${note.text}`, note: phrase(note.phrase) };
  });
  // The planned anaesthesia is cross-checked by the same rule the session uses at signing.
  const substances = checkSubstances(
    input.history.allergies,
    plan.substances.map((l) => substanceLineOf(l)),
    { screening: input.settings, substances: input.settings.substances },
  );
  const substanceFindings = substances.flatMap((r) => r.findings);
  const all = [...findings, ...substanceFindings].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity),
  );
  const outcome = worstSeverity([ran.outcome, ...substanceFindings.map((f) => f.severity)]);
  const result: ScreeningResult = history
    ? { ...ran, findings: all, outcome }
    : { ...ran, findings: [noHistory, ...all], outcome: 'do-not-treat' };
  return {
    input,
    result,
    substanceOutcomes: Object.fromEntries(substances.map((r) => [r.key, r.severity])),
    historyVersionId: history?.id ?? null,
    historyVersion: history?.version ?? null,
    assumptions: reading?.assumptions ?? [],
  };
}

/** A planned anaesthetic as the substance rule reads it. */
export function substanceLineOf(l: SubstanceLineInput) {
  const key = substanceKey({ source: 'anaesthesia', name: l.name, preparationId: l.preparationId });
  return { key, source: 'anaesthesia' as const, ...l };
}

export async function previewScreening(db: Queryable, plan: PlanInput, now: Date) {
  const { result, substanceOutcomes } = await prepareCheck(db, plan, now);
  return {
    findings: result.findings.map((f) => ({ ...f })),
    outcome: result.outcome,
    productOutcomes: { ...result.productOutcomes },
    substanceOutcomes,
  };
}

function decide(input: CompleteInput, outcome: Severity, findings: readonly ScreeningFinding[]) {
  const keys = findingKeys(findings);
  const cautions = keys.filter((_key, i) => findings[i]?.severity === 'caution');
  const acknowledged = cautions.filter((key) => input.acknowledged.includes(key));
  if (input.decision === 'stop') {
    return { status: 'stopped' as ScreeningStatus, acknowledged, overrideReason: null };
  }
  const refusal = refusalFields();
  const reason = input.overrideReason?.trim() ?? '';
  if (outcome === 'do-not-treat' && reason.length < minOverrideReasonLength) {
    refusal.add(
      'overrideReason',
      `To treat despite a do-not-treat finding, write why (at least ${minOverrideReasonLength} characters)`,
      'overrideReason',
      { min: minOverrideReasonLength },
    );
  }
  const missing = cautions.length - acknowledged.length;
  if (missing > 0) {
    refusal.add(
      'acknowledged',
      `Acknowledge every caution before treating (${missing} not acknowledged)`,
      'acknowledgeAll',
      { missing },
    );
  }
  if (Object.keys(refusal.fields).length > 0) {
    throw new AppError('VALIDATION', 'The check cannot be completed yet', {
      text: { key: 'screeningRefusals.cannotComplete' },
      fields: refusal.fields,
      fieldKeys: refusal.fieldKeys,
    });
  }
  return outcome === 'do-not-treat'
    ? { status: 'overridden' as ScreeningStatus, acknowledged, overrideReason: reason }
    : { status: 'passed' as ScreeningStatus, acknowledged, overrideReason: null };
}

/**
 * Completes the check: the rules are run again here from the stored history and the catalogue,
 * never taken from the screen, and the whole check is stored as it was decided.
 */
export async function completeScreening(
  db: Queryable,
  input: CompleteInput,
  actorId: string,
  now: Date,
): Promise<ScreeningRecord> {
  const prepared = await prepareCheck(db, input, now);
  const { result } = prepared;
  const decision = decide(input, result.outcome, result.findings);
  const id = randomUUID();
  const answers = {
    historyVersion: prepared.historyVersion,
    history: prepared.input.history,
    assumptions: prepared.assumptions,
    dayOf: prepared.input.dayOf,
    areas: prepared.input.areas,
    products: prepared.input.products,
    settings: prepared.input.settings,
  };
  await db
    .insertInto('screening')
    .values({
      id,
      patient_id: input.patientId,
      history_version_id: prepared.historyVersionId,
      performed_on: prepared.input.today,
      performed_at: now.toISOString(),
      performed_by: actorId,
      answers: JSON.stringify(answers),
      planned_product_ids: JSON.stringify(input.productIds),
      planned_substances: JSON.stringify(input.substances),
      findings: JSON.stringify(result.findings),
      outcome: result.outcome,
      acknowledged: JSON.stringify(decision.acknowledged),
      override_reason: decision.overrideReason,
      override_by: decision.overrideReason === null ? null : actorId,
      status: decision.status,
    })
    .execute();
  const [record] = await listScreenings(db, input.patientId, 1, id);
  if (!record) {
    throw new AppError('INTERNAL', 'The check was not stored', {
      text: { key: 'screeningRefusals.notStored' },
    });
  }
  return record;
}

function screeningQuery(db: Kysely<StoreSchema>, patientId: string) {
  return db
    .selectFrom('screening as s')
    .innerJoin('staff_user as p', 'p.id', 's.performed_by')
    .leftJoin('staff_user as o', 'o.id', 's.override_by')
    .selectAll('s')
    .select(['p.display_name as performer_name', 'o.display_name as override_name'])
    .where('s.patient_id', '=', patientId);
}

// Newest first in the order of the (patient_id, performed_on, seq) index, so only the rows
// returned are read: a patient with years of checks lists as fast as one with a single check.
const recentScreenings = preparedWithLimit((db, limit, patientId: string) =>
  screeningQuery(db, patientId)
    .orderBy('s.performed_on', 'desc')
    .orderBy('s.seq', 'desc')
    .limit(limit),
);
const oneScreening = preparedQuery((db, patientId: string, id: string) =>
  screeningQuery(db, patientId).where('s.id', '=', id),
);

export async function listScreenings(
  db: Queryable,
  patientId: string,
  limit: number,
  onlyId?: string,
): Promise<ScreeningRecord[]> {
  const rows =
    onlyId === undefined
      ? await recentScreenings(db, limit, patientId)
      : await oneScreening(db, patientId, onlyId);
  return rows.map((row) => {
    const answers = JSON.parse(row.answers) as {
      products?: PlannedProduct[];
      areas?: TreatmentArea[];
      historyVersion?: number | null;
    };
    return {
      id: row.id,
      patientId: row.patient_id,
      performedOn: row.performed_on,
      performedAt: row.performed_at,
      performedByName: row.performer_name,
      outcome: row.outcome as Severity,
      status: row.status as ScreeningStatus,
      findings: JSON.parse(row.findings) as ScreeningFinding[],
      acknowledged: JSON.parse(row.acknowledged) as string[],
      overrideReason: row.override_reason,
      overrideByName: row.override_name,
      plannedProducts: (answers.products ?? []).map((p) => ({ id: p.id, name: p.name })),
      areas: answers.areas ?? [],
      substances: JSON.parse(row.planned_substances) as SubstanceLineInput[],
      historyVersion: answers.historyVersion ?? null,
    };
  });
}

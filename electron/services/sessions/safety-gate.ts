import type { Queryable } from '../store/db';
import { cocktailProductIds } from '../../../shared/sessions/cocktail';
import type { AllergyTick } from '../../../shared/api/history';
import { procedureKindForIndication } from '../../../shared/api/documents';
import type { Indication } from '../../../shared/sessions/treatment-terms';
import type { SessionDraftFields } from '../../../shared/api/sessions';
import type { ScreeningFinding } from '../../../shared/screening/screening-types';
import { checkSubstances } from '../../../shared/screening/substance-check';
import type { SubstanceLineInput } from '../../../shared/screening/substance-line';
import {
  safetyGateItems,
  safetyGateMessage,
  type GateFacts,
  type GateMoment,
} from '../../../shared/sessions/safety-gate';
import {
  sessionSubstanceLines,
  type CatalogueProduct,
  type SessionSubstanceLine,
} from '../../../shared/sessions/session-substances';
import { AppError } from '../core/errors';
import { localDate } from '../core/local-date';
import { consentValidity } from '../documents/consent';
import { readScreeningSettings } from '../screening/settings';
import { allergenTagOfTick, emptyHistoryFacts, readHistory } from '../screening/input';
import { storedAnswers } from '../history/medical-history';

/**
 * The service side of the session safety gate: gathers the facts (the day's newest check, the
 * history version, the consent for the procedure kind, every substance against the allergies)
 * and refuses with SAFETY_GATE before anything is written. The rule itself is shared
 * (shared/sessions/safety-gate.ts) so the screen explains exactly what the service refuses.
 */

export type TodaysCheck = NonNullable<Awaited<ReturnType<typeof newestCheckOf>>>;

/** The newest check of the patient on that day, with the history version it read. */
export async function newestCheckOf(db: Queryable, patientId: string, day: string) {
  return db
    .selectFrom('screening')
    .innerJoin('staff_user', 'staff_user.id', 'screening.performed_by')
    .leftJoin(
      'medical_history_version',
      'medical_history_version.id',
      'screening.history_version_id',
    )
    .selectAll('screening')
    .select(['staff_user.role as performer_role', 'medical_history_version.version as version'])
    .where('screening.patient_id', '=', patientId)
    .where('screening.performed_on', '=', day)
    .orderBy('screening.seq', 'desc')
    .executeTakeFirst();
}

/**
 * The newest history version taken by the end of `day`: a history recorded on a later day does
 * not make an earlier day's check stale (that note was written on what was known then).
 */
async function historyAsOf(db: Queryable, patientId: string, day: string) {
  const rows = await db
    .selectFrom('medical_history_version')
    .select(['version', 'recorded_at', 'answers', 'answers_format'])
    .where('patient_id', '=', patientId)
    .orderBy('version', 'desc')
    .execute();
  return rows.find((r) => localDate(new Date(r.recorded_at)) <= day) ?? null;
}

export async function catalogueOf(
  db: Queryable,
  productIds: readonly string[],
): Promise<Map<string, CatalogueProduct & { category: string }>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('product')
    .select(['id', 'name', 'ingredients', 'allergens', 'category'])
    .where('id', 'in', [...new Set(productIds)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: r.name,
        category: r.category,
        ingredients: JSON.parse(r.ingredients) as string[],
        allergens: (JSON.parse(r.allergens) as AllergyTick[]).map((t) => allergenTagOfTick[t]),
      },
    ]),
  );
}

export interface GateRequest {
  readonly moment: GateMoment;
  readonly patientId: string;
  readonly courseId: string | null;
  readonly day: string;
  readonly draft: SessionDraftFields;
  /** Products planned besides the draft's lines (sessions.start's plannedProductIds). */
  readonly extraProductIds?: readonly string[];
  /** Overrides recorded before, and those given with this signing. */
  readonly overriddenKeys?: readonly string[];
}

export interface GateOutcome {
  readonly check: TodaysCheck;
  readonly lines: readonly SessionSubstanceLine[];
  readonly findings: ReadonlyMap<string, ScreeningFinding>;
}

async function procedureKind(db: Queryable, courseId: string | null, usesPrp: boolean) {
  if (!courseId) return procedureKindForIndication('other', usesPrp);
  const course = await db
    .selectFrom('treatment_course')
    .select('indication')
    .where('id', '=', courseId)
    .executeTakeFirstOrThrow();
  return procedureKindForIndication(course.indication as Indication, usesPrp);
}

/** Keys whose do-not-treat the check's own override already answered (products and anaesthesia). */
function checkOverriddenKeys(check: TodaysCheck): string[] {
  if (check.status !== 'overridden') return [];
  const products = new Set(JSON.parse(check.planned_product_ids) as string[]);
  return (JSON.parse(check.findings) as ScreeningFinding[])
    .filter((f) => f.severity === 'do-not-treat' && f.productId !== undefined)
    .map((f) => (products.has(f.productId!) ? `product:${f.productId}` : f.productId!));
}

/** Runs the gate; throws SAFETY_GATE listing every missing item, else returns what it read. */
export async function requireSafetyGate(
  db: Queryable,
  dataDir: string,
  req: GateRequest,
): Promise<GateOutcome> {
  const check = await newestCheckOf(db, req.patientId, req.day);
  const history = await historyAsOf(db, req.patientId, req.day);
  const productIds = [
    ...req.draft.products.map((p) => p.productId),
    ...cocktailProductIds(req.draft.cocktails),
    ...(req.extraProductIds ?? []),
  ];
  const catalogue = await catalogueOf(db, productIds);
  const lines = sessionSubstanceLines(req.draft, catalogue);
  const usesPrp = [...catalogue.values()].some((p) => p.category === 'prp');
  const kind = await procedureKind(db, req.courseId, usesPrp);
  const validity = (await consentValidity(db, dataDir, req.patientId, kind)).find(
    (v) => v.procedureKind === kind,
  );
  const settings = await readScreeningSettings(db);
  const allergies = history
    ? readHistory(storedAnswers(history.answers, history.answers_format), []).facts.allergies
    : emptyHistoryFacts().allergies;
  const results = checkSubstances(allergies, lines, {
    screening: settings,
    substances: settings.substances,
  });
  const facts: GateFacts = {
    moment: req.moment,
    day: req.day,
    check: check
      ? {
          performedOn: check.performed_on,
          performerIsPractitioner: check.performer_role === 'practitioner',
          status: check.status as 'passed' | 'overridden' | 'stopped',
          historyVersion: check.version,
          productIds: JSON.parse(check.planned_product_ids) as string[],
          substanceKeys: sessionSubstanceLines(
            {
              products: [],
              anaesthesia: null,
              anaesthetics: JSON.parse(check.planned_substances) as SubstanceLineInput[],
            },
            new Map(),
          ).map((l) => l.key),
        }
      : null,
    currentHistoryVersion: history?.version ?? null,
    planned: {
      productIds,
      // Additions are named by the practitioner too, so the check must have seen them.
      substances: lines
        .filter((l) => l.source !== 'product' && l.named)
        .map((l) => ({ key: l.key.replace(/^addition:/, 'anaesthesia:'), name: l.name })),
    },
    consent: { procedureKind: kind, state: validity?.state ?? 'none' },
    substances: results.map((r) => ({
      key: r.key,
      name: r.name,
      severity: r.severity,
      explanation: r.findings[0]?.explanation ?? '',
    })),
    overriddenKeys: [...(req.overriddenKeys ?? []), ...(check ? checkOverriddenKeys(check) : [])],
  };
  const { fields, texts } = safetyGateItems(facts);
  if (Object.keys(fields).length > 0 || !check) {
    // The items are worded in the findings' area of the catalogue (gateReasons), beside them.
    throw new AppError('SAFETY_GATE', safetyGateMessage(req.moment, fields), {
      text: { key: `gateReasons.opening.${req.moment}` },
      fields,
      fieldKeys: texts,
    });
  }
  const findings = new Map<string, ScreeningFinding>();
  for (const r of results) {
    const worst = r.findings[0];
    if (worst && r.severity === 'do-not-treat') findings.set(r.key, worst);
  }
  return { check, lines, findings };
}

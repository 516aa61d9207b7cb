import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditSubject } from '../core/context';
import type { DocumentWork, StoredRender } from './consent';
import type { TreatmentSessionRow } from '../store/schema';
import type {
  AftercareDocumentData,
  SessionSummaryData,
} from '../../../shared/documents/document-data';
import type { AftercareTemplate } from '../../../shared/documents/template-schema';
import type { ProcedureKind } from '../../../shared/documents/procedure-kinds';
import { procedureKindForIndication } from '../../../shared/api/documents';
import { findingKeys } from '../../../shared/api/screening';
import type { ScreeningFinding } from '../../../shared/screening/screening-types';
import {
  aftercarePlaceholderValues,
  renderAftercarePdf,
  renderSessionSummaryPdf,
  renderTemplateText,
  type RenderedDocument,
} from './render';
import { AppError } from '../core/errors';
import { archiveFile, insertDocument } from './archive';
import { readDocumentSettings } from './settings';
import { clinicInfo, documentMeta, patientInfo } from './sources';
import { shippedLanguageOf, summaryWordingFor } from './render/wording/summary-wording';
import { summaryIdentity } from './summary-alerts';
import { findingWords } from './finding-words';
import { aftercareFit } from './aftercare-fit';
import { cocktailsForPrint } from './cocktail-print';
import { templateForAftercare } from './templates';
import { requireSession } from '../sessions/session-read';
import { getCourse, requireCourse } from '../courses/courses';
import { localDate } from '../core/local-date';
import {
  areaNames,
  type Anaesthesia,
  type Indication,
  type Technique,
  type TreatmentArea,
} from '../../../shared/sessions/treatment-terms';

type Db = DocumentWork['db'];
type SessionRow = Selectable<TreatmentSessionRow>;

/** English names as printed; the renderer's catalogue has its own. */
const techniqueNames: Record<Technique, string> = {
  epidermal: 'Epidermal',
  nappage: 'Nappage',
  'point-by-point': 'Point by point',
  micropapules: 'Micropapules',
  'injector-gun': 'Injector gun',
  microneedling: 'Microneedling',
};
const anaesthesiaNames: Record<Anaesthesia, string> = {
  none: 'None',
  'numbing-cream': 'Numbing cream',
  lidocaine: 'Lidocaine',
};

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** Only a signed note is the session actually given: a draft can still change. */
async function requireSignedSession(db: Db, sessionId: string): Promise<SessionRow> {
  const row = await requireSession(db, sessionId);
  if (row.status === 'draft') {
    throw new AppError('CONFLICT', { key: 'errors.documents.sessionDraft' });
  }
  if (row.status !== 'signed') {
    throw new AppError('CONFLICT', { key: 'errors.documents.sessionAbandoned' });
  }
  return row;
}

async function staffName(db: Db, id: string | null): Promise<string> {
  return (await staffPractitioner(db, id)).fullName;
}

async function staffPractitioner(
  db: Db,
  id: string | null,
): Promise<{ fullName: string; licenceNumber?: string }> {
  if (!id) return { fullName: '' };
  const row = await db
    .selectFrom('staff_user')
    .select(['display_name', 'licence_number'])
    .where('id', '=', id)
    .executeTakeFirst();
  const fullName = row?.display_name ?? '';
  return row?.licence_number ? { fullName, licenceNumber: row.licence_number } : { fullName };
}

/** One line per product and lot, volumes added up across areas. */
async function productLots(db: Db, sessionId: string) {
  const lines = await db
    .selectFrom('session_product')
    .innerJoin('product', 'product.id', 'session_product.product_id')
    .innerJoin('product_lot', 'product_lot.id', 'session_product.lot_id')
    .select([
      'session_product.lot_id',
      'session_product.volume_ml',
      'product.name',
      'product.ingredients',
      'product.category',
      'product_lot.lot_number',
      'product_lot.expires_on',
    ])
    .where('session_product.session_id', '=', sessionId)
    .orderBy('session_product.position')
    .execute();
  // Products drawn into a syringe count with the volume drawn, once, whatever the areas.
  const drawn = await db
    .selectFrom('session_cocktail_product')
    .innerJoin('product', 'product.id', 'session_cocktail_product.product_id')
    .innerJoin('product_lot', 'product_lot.id', 'session_cocktail_product.lot_id')
    .select([
      'session_cocktail_product.lot_id',
      'session_cocktail_product.volume_ml',
      'product.name',
      'product.ingredients',
      'product.category',
      'product_lot.lot_number',
      'product_lot.expires_on',
    ])
    .where('session_cocktail_product.session_id', '=', sessionId)
    .orderBy('session_cocktail_product.cocktail')
    .orderBy('session_cocktail_product.position')
    .execute();
  lines.push(...drawn);
  const byLot = new Map<string, AftercareDocumentData['session']['products'][number]>();
  for (const line of lines) {
    const seen = byLot.get(line.lot_id);
    if (seen) {
      if (line.volume_ml !== null) {
        seen.volumeMl = Math.round(((seen.volumeMl ?? 0) + line.volume_ml) * 100) / 100;
      }
      continue;
    }
    byLot.set(line.lot_id, {
      name: line.name,
      ingredients: JSON.parse(line.ingredients) as string[],
      lotNumber: line.lot_number,
      expiry: line.expires_on,
      volumeMl: line.volume_ml,
    });
  }
  const usesPrp = lines.some((l) => l.category === 'prp');
  return { products: [...byLot.values()], usesPrp };
}

/** Depths as written: one value, or the range across the areas. */
function depthOf(depths: readonly (number | null)[]): string | null {
  const known = depths.filter((d): d is number => d !== null);
  if (known.length === 0) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  return min === max ? String(min) : `${min}–${max}`;
}

interface SessionFacts {
  procedureKind: ProcedureKind;
  session: AftercareDocumentData['session'];
  sessions: AftercareDocumentData['sessions'];
}

/** What both documents print about the session given, its course and what comes next. */
async function sessionFacts(db: Db, row: SessionRow, today: string): Promise<SessionFacts> {
  const areas = await db
    .selectFrom('session_area')
    .select(['area', 'depth_mm'])
    .where('session_id', '=', row.id)
    .orderBy('position')
    .execute();
  const { products, usesPrp } = await productLots(db, row.id);
  let indication: Indication = 'other';
  let sessions: SessionFacts['sessions'] = null;
  let nextAppointment: SessionFacts['session']['nextAppointment'] = null;
  if (row.course_id) {
    const courseRow = await requireCourse(db, row.course_id);
    indication = courseRow.indication as Indication;
    sessions = { planned: courseRow.planned_sessions, intervalDays: courseRow.interval_days };
    // No appointment book yet: the course's next due date is what the patient plans around.
    const course = await getCourse(db, row.course_id, today);
    if (course.status === 'active' && course.progress.nextDueOn) {
      nextAppointment = { kind: 'due', date: course.progress.nextDueOn };
    }
  }
  const technique = row.technique ? techniqueNames[row.technique as Technique] : '';
  return {
    procedureKind: procedureKindForIndication(indication, usesPrp),
    sessions,
    session: {
      date: row.performed_on,
      areas: areas.map((a) => areaNames[a.area as TreatmentArea]),
      technique,
      depthMm: depthOf(areas.map((a) => a.depth_mm)),
      needle:
        row.needle_gauge !== null
          ? [`${row.needle_gauge} G`, row.needle_length_mm !== null && `${row.needle_length_mm} mm`]
              .filter(Boolean)
              .join(' × ')
          : null,
      anaesthesia: row.anaesthesia ? anaesthesiaNames[row.anaesthesia as Anaesthesia] : null,
      products,
      practitioner: await staffPractitioner(db, row.practitioner_id),
      nextAppointment,
    },
  };
}

/** Everything an aftercare sheet needs, read in one go; rendering needs no database after it. */
export interface AftercarePlan {
  kind: 'aftercare';
  documentId: string;
  patientId: string;
  sessionId: string;
  templateId: string;
  template: AftercareTemplate;
  data: AftercareDocumentData;
}

export interface SummaryPlan {
  kind: 'session-summary';
  documentId: string;
  patientId: string;
  sessionId: string;
  data: SessionSummaryData;
}

export type SessionDocumentPlan = AftercarePlan | SummaryPlan;

export async function prepareAftercare(
  db: Db,
  sessionId: string,
  now: Date,
): Promise<AftercarePlan> {
  const row = await requireSignedSession(db, sessionId);
  const patient = await patientInfo(db, row.patient_id);
  const stored = await templateForAftercare(db, patient.preferredLanguage, now);
  const { pageSize } = await readDocumentSettings(db);
  const facts = await sessionFacts(db, row, localDate(now));
  const documentId = randomUUID();
  return {
    kind: 'aftercare',
    documentId,
    patientId: row.patient_id,
    sessionId: row.id,
    templateId: stored.id,
    template: stored.template,
    data: {
      meta: documentMeta(documentId, now, stored.template.language, pageSize),
      clinic: await clinicInfo(db),
      patient,
      ...facts,
      ...(await aftercareFit(db, row)),
    },
  };
}

/**
 * The check linked to the session: its findings in the summary's language (as recorded where the
 * catalogue cannot word one as it was recorded), acknowledgements, override.
 */
async function checkOf(
  db: Db,
  screeningId: string,
  language: string,
): Promise<SessionSummaryData['check']> {
  const words = findingWords(language);
  const row = await db
    .selectFrom('screening')
    .selectAll()
    .where('id', '=', screeningId)
    .executeTakeFirst();
  if (!row) throw new AppError('INTERNAL', { key: 'errors.documents.checkMissing' });
  const findings = JSON.parse(row.findings) as ScreeningFinding[];
  const acknowledged = new Set(JSON.parse(row.acknowledged) as string[]);
  const answers = JSON.parse(row.answers) as { products?: { id: string; name: string }[] };
  const productName = (id?: string) => answers.products?.find((p) => p.id === id)?.name;
  const keys = findingKeys(findings);
  const overridden = findings.filter((f) => f.severity === 'do-not-treat');
  return {
    outcome: row.outcome as SessionSummaryData['check']['outcome'],
    findings: findings.map((f, i) => {
      const detail = [
        productName(f.productId) && `Product: ${productName(f.productId)}`,
        f.severity === 'caution' && acknowledged.has(keys[i] ?? '') && 'Acknowledged',
        row.override_reason && f.severity === 'do-not-treat' && 'Overridden',
      ].filter(Boolean);
      return {
        label: clip(words(f), 300),
        severity: f.severity,
        detail: detail.length > 0 ? detail.join(' · ') : null,
      };
    }),
    overrides: row.override_reason
      ? [
          {
            finding: clip(overridden.map(words).join('; '), 300),
            reason: row.override_reason,
            by: (await staffName(db, row.override_by ?? row.performed_by)) || 'Unknown',
            at: row.performed_at,
          },
        ]
      : [],
  };
}

export async function prepareSessionSummary(
  db: Db,
  sessionId: string,
  now: Date,
): Promise<SummaryPlan> {
  const row = await requireSignedSession(db, sessionId);
  const patient = await patientInfo(db, row.patient_id);
  const { pageSize } = await readDocumentSettings(db);
  const facts = await sessionFacts(db, row, localDate(now));
  const addenda = await db
    .selectFrom('session_addendum')
    .innerJoin('staff_user', 'staff_user.id', 'session_addendum.author_id')
    .select(['session_addendum.written_at', 'session_addendum.text', 'staff_user.display_name'])
    .where('session_id', '=', row.id)
    .orderBy('session_addendum.seq')
    .execute();
  const documentId = randomUUID();
  // The summary goes to the patient too: printed in their language where Mesochart has one.
  const language = shippedLanguageOf(patient.preferredLanguage);
  return {
    kind: 'session-summary',
    documentId,
    patientId: row.patient_id,
    sessionId: row.id,
    data: {
      meta: documentMeta(documentId, now, language, pageSize),
      language,
      clinic: await clinicInfo(db),
      patient,
      procedureKind: facts.procedureKind,
      ...(await summaryIdentity(db, row.patient_id, row.performed_on, row.signed_at, language)),
      sessions: facts.sessions,
      session: {
        ...facts.session,
        immediateReactions: row.immediate_reactions.trim() || null,
        notes: row.notes.trim() || null,
        cocktails: await cocktailsForPrint(db, row.id),
      },
      check: await checkOf(db, row.screening_id, language),
      signed: row.signed_at
        ? { by: (await staffName(db, row.signed_by)) || 'Unknown', at: row.signed_at }
        : null,
      addenda: addenda.map((a) => ({ author: a.display_name, at: a.written_at, text: a.text })),
    },
  };
}

/** The slow part: drawing the PDF. It touches neither the database nor the archive. */
export function renderPlan(plan: SessionDocumentPlan): Promise<RenderedDocument> {
  return plan.kind === 'aftercare'
    ? renderAftercarePdf(plan.data, { template: plan.template })
    : renderSessionSummaryPdf(plan.data);
}

/** Writes the file atomically into the archive, then its row: the row never names a half file. */
export async function archivePlan(
  work: DocumentWork,
  plan: SessionDocumentPlan,
  rendered: RenderedDocument,
): Promise<string> {
  const file = await archiveFile(work.dataDir, plan.patientId, rendered);
  const title =
    plan.kind === 'aftercare'
      ? renderTemplateText(plan.template, aftercarePlaceholderValues(plan.data)).title
      : summaryWordingFor(plan.data.language ?? 'en').title;
  return insertDocument(work.db, {
    documentId: plan.documentId,
    patientId: plan.patientId,
    kind: plan.kind,
    procedureKind: plan.data.procedureKind,
    sessionId: plan.sessionId,
    templateId: plan.kind === 'aftercare' ? plan.templateId : null,
    templateVersion: rendered.templateVersion,
    language: plan.kind === 'aftercare' ? plan.template.language : (plan.data.language ?? 'en'),
    pageSize: plan.data.meta.pageSize,
    renderData: { title, data: plan.data } satisfies StoredRender<unknown>,
    pageCount: rendered.pageCount,
    file,
    generatedAt: plan.data.meta.generatedAt,
    generatedBy: work.actorId,
  });
}

async function generate(
  work: DocumentWork,
  plan: SessionDocumentPlan,
  subject: AuditSubject,
): Promise<string> {
  subject.patientId = plan.patientId;
  subject.objectId = plan.sessionId;
  const rendered = await renderPlan(plan);
  const id = await archivePlan(work, plan, rendered);
  subject.objectId = id;
  return id;
}

/** The patient's sheet for the session actually given, in their language where one exists. */
export async function generateAftercare(
  work: DocumentWork,
  sessionId: string,
  subject: AuditSubject,
): Promise<string> {
  return generate(work, await prepareAftercare(work.db, sessionId, work.now), subject);
}

/** The signed record with its check, overrides, lots and addenda, for the file or the patient. */
export async function generateSessionSummary(
  work: DocumentWork,
  sessionId: string,
  subject: AuditSubject,
): Promise<string> {
  return generate(work, await prepareSessionSummary(work.db, sessionId, work.now), subject);
}

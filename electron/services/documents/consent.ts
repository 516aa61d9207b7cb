import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import type {
  ConsentValidity,
  DocumentStatus,
  GenerateConsentInput,
} from '../../../shared/api/documents';
import type { ConsentDocumentData, ProductInfo } from '../../../shared/documents/document-data';
import { procedureKinds, type ProcedureKind } from '../../../shared/documents/procedure-kinds';
import { consentPlaceholderValues, renderConsentPdf, renderTemplateText } from './render';
import { consentTemplateSchema } from '../../../shared/documents/template-schema';
import { AppError } from '../core/errors';
import {
  archiveFile,
  fileCheckOf,
  insertDocument,
  requireDocument,
  signatureCheckOf,
  type StoredDocumentRow,
} from './archive';
import { readDocumentSettings } from './settings';
import { clinicInfo, documentMeta, patientInfo, practitionerInfo } from './sources';
import { templateForConsent } from './templates';
import { isSignedLate, treatmentDateOf } from './late-consent';

export interface DocumentWork {
  db: Queryable;
  dataDir: string;
  now: Date;
  actorId: string;
}

/** What render_data holds for every document: the title as printed and the data drawn from. */
export interface StoredRender<T> {
  title: string;
  data: T;
  /** The practitioner's account on a consent: only they may sign as its practitioner. */
  practitionerId?: string;
}

/** Catalogue products by id, in the order given; an unknown or retired id is refused by name. */
async function catalogueProducts(db: Queryable, ids: readonly string[]): Promise<ProductInfo[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('product')
    .select(['id', 'name', 'ingredients', 'active'])
    .where('id', 'in', [...ids])
    .execute();
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) {
      const text = { key: 'errors.documents.productNotInCatalogue' } as const;
      throw new AppError('VALIDATION', text, { fields: { productIds: text } });
    }
    return { name: row.name, ingredients: JSON.parse(row.ingredients) as string[] };
  });
}

/**
 * Makes a consent form for the patient, the planned procedure and products, in the patient's
 * language where a template exists in it, and archives it unsigned ('generated').
 */
export async function generateConsent(
  work: DocumentWork,
  input: GenerateConsentInput,
): Promise<string> {
  const { db, now } = work;
  const patient = await patientInfo(db, input.patientId);
  const practitioner = await practitionerInfo(db, input.practitionerId);
  const products = [
    ...(await catalogueProducts(db, input.productIds)),
    ...input.otherProducts.map((p) => ({
      name: p.name.trim(),
      ingredients: p.ingredients.map((i) => i.trim()),
    })),
  ];
  const { pageSize } = await readDocumentSettings(db);
  const stored = await templateForConsent(db, input.procedureKind, patient.preferredLanguage, now);
  const documentId = randomUUID();
  const data: ConsentDocumentData = {
    meta: documentMeta(documentId, now, stored.template.language, pageSize),
    clinic: await clinicInfo(db),
    patient,
    practitioner,
    procedureKind: input.procedureKind,
    products,
    sessions: { planned: input.plannedSessions, intervalDays: input.intervalDays },
    ...(input.treatmentDate ? { treatmentDate: input.treatmentDate } : {}),
  };
  const rendered = await renderConsentPdf(data, { template: stored.template });
  const file = await archiveFile(work.dataDir, input.patientId, rendered);
  const title = renderTemplateText(stored.template, consentPlaceholderValues(data)).title;
  return insertDocument(db, {
    documentId,
    patientId: input.patientId,
    kind: 'consent',
    procedureKind: input.procedureKind,
    sessionId: null,
    templateId: stored.id,
    templateVersion: rendered.templateVersion,
    language: stored.template.language,
    pageSize,
    renderData: {
      title,
      data,
      practitionerId: input.practitionerId,
    } satisfies StoredRender<ConsentDocumentData>,
    pageCount: rendered.pageCount,
    file,
    generatedAt: now.toISOString(),
    generatedBy: work.actorId,
  });
}

/** An unsigned consent whose archived file is still the one generated, or a refusal. */
export async function signableConsent(work: DocumentWork, id: string): Promise<StoredDocumentRow> {
  const row = await requireDocument(work.db, id);
  if (row.kind !== 'consent')
    throw new AppError('VALIDATION', { key: 'errors.documents.onlyConsentSigned' });
  if (row.status !== 'generated') {
    const status = row.status as Exclude<DocumentStatus, 'generated'>;
    throw new AppError('CONFLICT', { key: `errors.documents.consentAlready.${status}` });
  }
  const check = await fileCheckOf(work.dataDir, row);
  if (check !== 'ok') {
    throw new AppError('CONFLICT', { key: 'errors.documents.formChanged' });
  }
  return row;
}

/**
 * Earlier consents for the same procedure stop counting once a new one is signed; unsigned forms
 * for it become stale too, so nobody signs an outdated form later.
 */
export async function supersedeEarlier(work: DocumentWork, row: StoredDocumentRow): Promise<void> {
  await work.db
    .updateTable('document')
    .set({ status: 'superseded', status_changed_at: work.now.toISOString() })
    .where('patient_id', '=', row.patient_id)
    .where('kind', '=', 'consent')
    .where('procedure_kind', '=', row.procedure_kind)
    .where('id', '!=', row.id)
    .where('status', 'in', ['generated', 'signed', 'signed-on-paper'])
    .execute();
}

export async function consentTemplateOf(db: Queryable, row: StoredDocumentRow) {
  const stored = row.template_id
    ? await db
        .selectFrom('document_template')
        .select('body')
        .where('id', '=', row.template_id)
        .executeTakeFirst()
    : undefined;
  if (!stored) throw new AppError('INTERNAL', { key: 'errors.documents.templateMissing' });
  return consentTemplateSchema.parse(JSON.parse(stored.body));
}

/** The printed form was signed by hand: the staff member who saw it confirms, and it counts. */
export async function confirmPaperSignature(
  work: DocumentWork,
  input: { documentId: string; note: string },
): Promise<void> {
  const row = await signableConsent(work, input.documentId);
  // A form the patient has signed on the tablet is finished on screen: its practitioner signs
  // their own part, so a paper confirmation cannot stand in for that signature.
  const onTablet = await work.db
    .selectFrom('consent_patient_part')
    .select('document_id')
    .where('document_id', '=', row.id)
    .executeTakeFirst();
  if (onTablet) {
    throw new AppError('CONFLICT', { key: 'errors.documents.signOnScreen' });
  }
  const at = work.now.toISOString();
  await work.db
    .insertInto('consent_paper_confirmation')
    .values({ document_id: row.id, confirmed_by: work.actorId, confirmed_at: at, note: input.note })
    .execute();
  await work.db
    .updateTable('document')
    .set({ status: 'signed-on-paper', status_changed_at: at })
    .where('id', '=', row.id)
    .execute();
  await supersedeEarlier(work, row);
}

/** The patient withdrew consent: the form stays in the archive, it no longer counts. */
export async function withdrawConsent(
  work: DocumentWork,
  input: { documentId: string; reason: string },
): Promise<void> {
  const row = await requireDocument(work.db, input.documentId);
  if (row.kind !== 'consent' || (row.status !== 'signed' && row.status !== 'signed-on-paper')) {
    throw new AppError('CONFLICT', { key: 'errors.documents.onlyInForceWithdrawn' });
  }
  const at = work.now.toISOString();
  await work.db
    .insertInto('consent_withdrawal')
    .values({
      document_id: row.id,
      withdrawn_by: work.actorId,
      withdrawn_at: at,
      reason: input.reason.trim(),
    })
    .execute();
  await work.db
    .updateTable('document')
    .set({ status: 'withdrawn', status_changed_at: at })
    .where('id', '=', row.id)
    .execute();
}

/**
 * Which consents hold, per procedure kind. A consent is valid for its procedure kind from its
 * signature until a later one for the same kind supersedes it or the patient withdraws it; there
 * is no expiry date, because the clinic re-consents when the plan or products change. A consent
 * signed on screen must also still match its archived file and signatures, otherwise it needs
 * attention (re-sign) rather than silently counting.
 */
export async function consentValidity(
  db: Queryable,
  dataDir: string,
  patientId: string,
  /** Only this procedure's consent: the safety gate asks for one, and each is re-hashed. */
  only?: ProcedureKind,
): Promise<ConsentValidity[]> {
  const rows = await db
    .selectFrom('document')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('kind', '=', 'consent')
    .where('status', 'in', ['signed', 'signed-on-paper'])
    .orderBy('status_changed_at', 'desc')
    .orderBy('seq', 'desc')
    .execute();
  const kinds = only ? [only] : procedureKinds;
  // Forms the patient signed on the tablet whose practitioner has not signed yet: they count
  // only for a kind without a signed consent, so they are not read when every kind has one
  // (the safety gate, asking for one kind, is then one round trip shorter on a server).
  const unsigned = kinds.some((kind) => !rows.some((r) => r.procedure_kind === kind));
  const halfSigned = !unsigned
    ? []
    : await db
        .selectFrom('document')
        .innerJoin('consent_patient_part', 'consent_patient_part.document_id', 'document.id')
        .select(['document.id', 'document.procedure_kind'])
        .where('document.patient_id', '=', patientId)
        .where('document.kind', '=', 'consent')
        .where('document.status', '=', 'generated')
        .orderBy('consent_patient_part.signed_at', 'desc')
        .execute();
  const out: ConsentValidity[] = [];
  for (const kind of kinds) {
    const row = rows.find((r) => r.procedure_kind === kind);
    const half = halfSigned.find((r) => r.procedure_kind === kind);
    if (row) out.push(await validityOf(db, dataDir, row, kind));
    else if (half) out.push({ ...none(kind), state: 'awaiting-practitioner', documentId: half.id });
    else out.push(none(kind));
  }
  return out;
}

function none(procedureKind: ProcedureKind): ConsentValidity {
  return {
    procedureKind,
    state: 'none',
    documentId: null,
    signedAt: null,
    method: null,
    signedAfterTreatment: false,
  };
}

async function validityOf(
  db: Queryable,
  dataDir: string,
  row: StoredDocumentRow,
  procedureKind: ProcedureKind,
): Promise<ConsentValidity> {
  const method = row.status === 'signed' ? 'screen' : 'paper';
  const fileCheck = await fileCheckOf(dataDir, row);
  let sound = fileCheck === 'ok';
  if (method === 'screen') {
    const signatures = await db
      .selectFrom('consent_signature')
      .select('document_sha256')
      .where('document_id', '=', row.id)
      .execute();
    sound = signatureCheckOf(row, signatures, fileCheck) === 'valid';
  }
  return {
    procedureKind,
    state: sound ? 'valid' : 'needs-attention',
    documentId: row.id,
    signedAt: row.status_changed_at,
    method,
    signedAfterTreatment: isSignedLate(treatmentDateOf(row), row.status_changed_at),
  };
}

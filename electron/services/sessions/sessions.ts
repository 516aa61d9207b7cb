import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { TreatmentSessionRow } from '../store/schema';
import type {
  SessionDraftFields,
  TreatmentSession,
  sessionSaveDraftInput,
  sessionStartInput,
} from '../../../shared/api/sessions';
import type { Addendum } from '../../../shared/api/sessions';
import { RANGES, type TreatmentArea } from '../../../shared/sessions/treatment-terms';
import { missingForSigning } from '../../../shared/sessions/session-completeness';
import { AppError } from '../core/errors';
import { findPatientRow } from '../patients/patients';
import { localDate } from '../core/local-date';
import { requirePassedScreening } from '../screening/gate';
import { courseProtocol, requireCourse } from '../courses/courses';
import { requireUsableLot } from '../products/products';
import { draftFieldsOf, getSession, requireSession } from './session-read';

/** First-expiring lot still usable today: the one the clinic should use up first. */
async function firstUsableLot(db: Queryable, productId: string, today: string) {
  return db
    .selectFrom('product_lot')
    .select('id')
    .where('product_id', '=', productId)
    .where('expires_on', '>=', today)
    .orderBy('expires_on')
    .orderBy('seq')
    .executeTakeFirst();
}

/** A course's protocol as the first version of the note; the practitioner changes what differs. */
async function protocolDraft(
  db: Queryable,
  courseId: string | null,
  today: string,
): Promise<SessionDraftFields> {
  const empty: SessionDraftFields = {
    technique: null,
    needleGauge: null,
    needleLengthMm: null,
    anaesthesia: null,
    passes: null,
    points: null,
    immediateReactions: '',
    notes: '',
    areas: [],
    products: [],
  };
  if (!courseId) return empty;
  const course = await requireCourse(db, courseId);
  const protocol = courseProtocol(course);
  const areas = JSON.parse(course.areas) as TreatmentArea[];
  const products: SessionDraftFields['products'] = [];
  for (const productId of protocol.productIds) {
    const product = await db
      .selectFrom('product')
      .select(['default_volume_ml', 'active'])
      .where('id', '=', productId)
      .executeTakeFirst();
    const lot = await firstUsableLot(db, productId, today);
    // A product without a usable lot is left for the practitioner to choose, never guessed.
    if (!product || !lot) continue;
    const volume = product.default_volume_ml;
    const plausible =
      volume !== null && volume >= RANGES.volumeMl.min && volume <= RANGES.volumeMl.max;
    for (const area of areas) {
      products.push({ area, productId, lotId: lot.id, volumeMl: plausible ? volume : null });
    }
  }
  return {
    ...empty,
    technique: protocol.technique,
    needleGauge: protocol.needleGauge,
    needleLengthMm: protocol.needleLengthMm,
    areas: areas.map((area) => ({ area, depthMm: protocol.depthMm })),
    products,
  };
}

async function writeLines(db: Queryable, sessionId: string, fields: SessionDraftFields) {
  // Lines of a draft are its working copy: the triggers allow this only while it is a draft.
  await db.deleteFrom('session_area').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('session_product').where('session_id', '=', sessionId).execute();
  if (fields.areas.length > 0) {
    await db
      .insertInto('session_area')
      .values(
        fields.areas.map((a, position) => ({
          session_id: sessionId,
          position,
          area: a.area,
          depth_mm: a.depthMm,
        })),
      )
      .execute();
  }
  if (fields.products.length > 0) {
    await db
      .insertInto('session_product')
      .values(
        fields.products.map((p, position) => ({
          session_id: sessionId,
          position,
          area: p.area,
          product_id: p.productId,
          lot_id: p.lotId,
          volume_ml: p.volumeMl,
        })),
      )
      .execute();
  }
}

export async function startSession(
  db: Queryable,
  input: z.output<typeof sessionStartInput>,
  actorId: string,
  now: Date,
): Promise<TreatmentSession> {
  const today = localDate(now);
  const patient = await findPatientRow(db, input.patientId);
  if (patient.archived === 1) {
    throw new AppError('CONFLICT', 'This patient is archived; restore the record first');
  }
  let planned = input.plannedProductIds;
  if (input.courseId) {
    const course = await requireCourse(db, input.courseId);
    if (course.patient_id !== input.patientId) {
      throw new AppError('VALIDATION', 'This course belongs to another patient');
    }
    if (course.status !== 'active') {
      throw new AppError('CONFLICT', 'This course is closed; start a new course');
    }
    planned = courseProtocol(course).productIds;
  }
  const open = await db
    .selectFrom('treatment_session')
    .select('id')
    .where('patient_id', '=', input.patientId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (open) {
    throw new AppError(
      'CONFLICT',
      'A draft session is already open for this patient; continue it or abandon it first',
    );
  }
  const screening = await requirePassedScreening(db, input.patientId, today, planned);
  const id = randomUUID();
  const at = now.toISOString();
  const draft = await protocolDraft(db, input.courseId, today);
  await db
    .insertInto('treatment_session')
    .values({
      id,
      patient_id: input.patientId,
      course_id: input.courseId,
      screening_id: screening.id,
      practitioner_id: actorId,
      performed_on: today,
      status: 'draft',
      ...columnsOf(draft),
      created_at: at,
      updated_at: at,
      signed_at: null,
      signed_by: null,
    })
    .execute();
  await writeLines(db, id, draft);
  return getSession(db, id);
}

function columnsOf(fields: SessionDraftFields) {
  return {
    technique: fields.technique,
    needle_gauge: fields.needleGauge,
    needle_length_mm: fields.needleLengthMm,
    anaesthesia: fields.anaesthesia,
    passes: fields.passes,
    points: fields.points,
    immediate_reactions: fields.immediateReactions,
    notes: fields.notes,
  };
}

function requireOwnDraft(row: Selectable<TreatmentSessionRow>, actorId: string) {
  if (row.status === 'signed') {
    throw new AppError('CONFLICT', 'This session is signed and cannot be changed; add an addendum');
  }
  if (row.status !== 'draft') throw new AppError('CONFLICT', 'This draft was abandoned');
  if (row.practitioner_id !== actorId) {
    throw new AppError('FORBIDDEN', 'Only the practitioner who started this session can change it');
  }
}

/**
 * Every lot usable on the session's day, and every product covered by a passed check of that day.
 * A product added after the check needs a new check; the newest covering check is then linked.
 */
async function checkLines(
  db: Queryable,
  row: Selectable<TreatmentSessionRow>,
  fields: SessionDraftFields,
): Promise<string> {
  for (const [i, line] of fields.products.entries()) {
    await requireUsableLot(db, line, row.performed_on, `products.${i}`);
  }
  const productIds = [...new Set(fields.products.map((p) => p.productId))];
  const screening = await db
    .selectFrom('screening')
    .select('planned_product_ids')
    .where('id', '=', row.screening_id)
    .executeTakeFirstOrThrow();
  const covered = new Set(JSON.parse(screening.planned_product_ids) as string[]);
  if (productIds.every((id) => covered.has(id))) return row.screening_id;
  const newer = await requirePassedScreening(db, row.patient_id, row.performed_on, productIds);
  return newer.id;
}

export async function saveDraft(
  db: Queryable,
  input: z.output<typeof sessionSaveDraftInput>,
  actorId: string,
  now: Date,
): Promise<TreatmentSession> {
  const row = await requireSession(db, input.id);
  requireOwnDraft(row, actorId);
  const { id: _id, ...fields } = input;
  const screeningId = await checkLines(db, row, fields);
  await db
    .updateTable('treatment_session')
    .set({ ...columnsOf(fields), screening_id: screeningId, updated_at: now.toISOString() })
    .where('id', '=', row.id)
    .execute();
  await writeLines(db, row.id, fields);
  return getSession(db, row.id);
}

export async function signSession(
  db: Queryable,
  id: string,
  actorId: string,
  now: Date,
): Promise<TreatmentSession> {
  const row = await requireSession(db, id);
  requireOwnDraft(row, actorId);
  const fields = await draftFieldsOf(db, row);
  const missing = missingForSigning(fields);
  if (missing.length > 0) {
    const fieldMessages: Record<string, string> = {};
    for (const m of missing) fieldMessages[m.field] ??= m.message;
    throw new AppError(
      'VALIDATION',
      `The session cannot be signed yet. Missing: ${missing.map((m) => m.message).join('; ')}`,
      { fields: fieldMessages },
    );
  }
  await checkLines(db, row, fields);
  const at = now.toISOString();
  await db
    .updateTable('treatment_session')
    .set({ status: 'signed', signed_at: at, signed_by: actorId, updated_at: at })
    .where('id', '=', id)
    .execute();
  return getSession(db, id);
}

export async function abandonSession(
  db: Queryable,
  id: string,
  actorId: string,
  now: Date,
): Promise<TreatmentSession> {
  const row = await requireSession(db, id);
  requireOwnDraft(row, actorId);
  await db
    .updateTable('treatment_session')
    .set({ status: 'abandoned', updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  return getSession(db, id);
}

export async function addAddendum(
  db: Queryable,
  input: { sessionId: string; text: string },
  actorId: string,
  now: Date,
): Promise<Addendum> {
  const row = await requireSession(db, input.sessionId);
  if (row.status !== 'signed') {
    throw new AppError('CONFLICT', 'Addenda are added to signed sessions; edit the draft instead');
  }
  const id = randomUUID();
  const writtenAt = now.toISOString();
  await db
    .insertInto('session_addendum')
    .values({
      id,
      session_id: row.id,
      author_id: actorId,
      written_at: writtenAt,
      text: input.text.trim(),
    })
    .execute();
  const author = await db
    .selectFrom('staff_user')
    .select('display_name')
    .where('id', '=', actorId)
    .executeTakeFirstOrThrow();
  return {
    id,
    sessionId: row.id,
    authorName: author.display_name,
    writtenAt,
    text: input.text.trim(),
  };
}

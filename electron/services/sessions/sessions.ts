import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { TreatmentSessionRow } from '../store/schema';
import type {
  SessionDraftFields,
  TreatmentSession,
  sessionSaveDraftInput,
  sessionSignInput,
  sessionStartInput,
} from '../../../shared/api/sessions';
import type { Addendum } from '../../../shared/api/sessions';
import { missingForSigning } from '../../../shared/sessions/session-completeness';
import { AppError, type Refusal } from '../core/errors';
import { findPatientRow } from '../patients/patients';
import { localDate } from '../core/local-date';
import { newestCheckOf, requireSafetyGate } from './safety-gate';
import { requireCourse } from '../courses/courses';
import { requireUsableLots } from '../products/products';
import {
  getSession,
  overridesAsShown,
  overridesOfSession,
  requireSession,
  sessionView,
  storedNoteOf,
} from './session-read';
import { draftFromCheck } from './draft-from-check';
import { writeCocktails } from './cocktails';
import { proveSigner } from '../auth/signer-proof';

async function writeLines(db: Queryable, sessionId: string, fields: SessionDraftFields) {
  // Lines of a draft are its working copy: the triggers allow this only while it is a draft.
  await db.deleteFrom('session_area').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('session_product').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('session_substance').where('session_id', '=', sessionId).execute();
  await writeCocktails(db, sessionId, fields.cocktails ?? []);
  const substances = [
    ...(fields.anaesthetics ?? []).map((l) => ({ ...l, source: 'anaesthesia' as const })),
    ...(fields.additions ?? []).map((l) => ({ ...l, source: 'addition' as const })),
  ];
  if (substances.length > 0) {
    await db
      .insertInto('session_substance')
      .values(
        substances.map((l, position) => ({
          session_id: sessionId,
          position,
          source: l.source,
          preparation_id: l.preparationId,
          name: l.name.trim(),
          ingredients: JSON.stringify(l.ingredients.map((i) => i.trim())),
        })),
      )
      .execute();
  }
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
  dataDir: string,
  input: z.output<typeof sessionStartInput>,
  actorId: string,
  now: Date,
): Promise<TreatmentSession> {
  const today = localDate(now);
  const patient = await findPatientRow(db, input.patientId);
  if (patient.archived === 1) {
    throw new AppError('CONFLICT', { key: 'errors.sessions.patientArchived' });
  }
  if (input.courseId) {
    const course = await requireCourse(db, input.courseId);
    if (course.patient_id !== input.patientId) {
      throw new AppError('VALIDATION', { key: 'errors.sessions.otherPatientsCourse' });
    }
    if (course.status !== 'active') {
      throw new AppError('CONFLICT', { key: 'errors.sessions.courseClosed' });
    }
  }
  const open = await db
    .selectFrom('treatment_session')
    .select('id')
    .where('patient_id', '=', input.patientId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (open) {
    throw new AppError('CONFLICT', { key: 'errors.sessions.draftOpen' });
  }
  const check = await newestCheckOf(db, input.patientId, today);
  const draft = await draftFromCheck(db, check, input.courseId, today);
  const { check: screening } = await requireSafetyGate(db, dataDir, {
    moment: 'start',
    patientId: input.patientId,
    courseId: input.courseId,
    day: today,
    draft,
    // Products the caller plans must be covered too, though the draft holds only those with a lot.
    extraProductIds: input.plannedProductIds,
  });
  const id = randomUUID();
  const at = now.toISOString();
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

function requireDraft(row: Selectable<TreatmentSessionRow>) {
  if (row.status === 'signed') {
    throw new AppError('CONFLICT', { key: 'errors.sessions.signed' });
  }
  if (row.status !== 'draft') throw new AppError('CONFLICT', { key: 'errors.sessions.abandoned' });
}

function requireOwnDraft(row: Selectable<TreatmentSessionRow>, actorId: string) {
  requireDraft(row);
  if (row.practitioner_id !== actorId) {
    throw new AppError('FORBIDDEN', { key: 'errors.sessions.notYours' });
  }
}

/**
 * Lots must be usable on the session's day. Nothing else is refused while drafting, so nothing
 * typed is lost: what the check did not cover, a missing consent or an allergy match are reported
 * when signing (the safety gate).
 */
async function checkLots(
  db: Queryable,
  row: Selectable<TreatmentSessionRow>,
  fields: SessionDraftFields,
): Promise<void> {
  await requireUsableLots(
    db,
    [
      ...fields.products.map((line, i) => ({ ...line, fieldPath: `products.${i}` })),
      ...(fields.cocktails ?? []).flatMap((cocktail, i) =>
        cocktail.components.map((line, j) => ({
          ...line,
          fieldPath: `cocktails.${i}.components.${j}`,
        })),
      ),
    ],
    row.performed_on,
  );
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
  await checkLots(db, row, fields);
  await db
    .updateTable('treatment_session')
    .set({ ...columnsOf(fields), updated_at: now.toISOString() })
    .where('id', '=', row.id)
    .execute();
  await writeLines(db, row.id, fields);
  return getSession(db, row.id);
}

/**
 * Signs the draft `row` (read by the handler in this transaction). On a clinic server every read
 * is a round trip, so what was read for the checks also builds the answer; the gate itself reads
 * the check, history, consent and settings afresh, as it must.
 */
export async function signSession(
  db: Queryable,
  dataDir: string,
  row: Selectable<TreatmentSessionRow>,
  input: z.output<typeof sessionSignInput>,
  actorId: string,
  now: Date,
): Promise<TreatmentSession> {
  const { id } = row;
  // The signature is the session's practitioner's own: they are signed in, or prove it here.
  requireDraft(row);
  const proof = await proveSigner(
    db,
    now,
    actorId,
    row.practitioner_id,
    input.practitionerPassword,
    'practitionerPassword',
  );
  const note = await storedNoteOf(db, row);
  const { fields } = note;
  const missing = missingForSigning(fields);
  if (missing.length > 0) {
    // The shared list names its keys as strings (errors.sessions.missing.*); the catalogue
    // test holds each to the catalogue.
    const marked: Record<string, Refusal> = {};
    for (const m of missing) marked[m.field] ??= m.text as Refusal;
    throw new AppError('VALIDATION', { key: 'errors.sessions.incomplete' }, { fields: marked });
  }
  await checkLots(db, row, fields);
  const recorded = overridesAsShown(await overridesOfSession(db, id));
  const given = new Map(input.allergyOverrides.map((o) => [o.key, o.reason.trim()]));
  // Every gate is checked again here: the history, the consent or the plan may have changed.
  const gate = await requireSafetyGate(db, dataDir, {
    moment: 'sign',
    patientId: row.patient_id,
    courseId: row.course_id,
    day: row.performed_on,
    draft: fields,
    overriddenKeys: [...recorded.map((r) => r.key), ...given.keys()],
  });
  const at = now.toISOString();
  const already = new Set(recorded.map((r) => r.key));
  let overridden = false;
  for (const line of gate.lines) {
    const reason = given.get(line.key);
    const finding = gate.findings.get(line.key);
    // Only a line that is do-not-treat now needs (and keeps) an override.
    if (reason === undefined || !finding || already.has(line.key)) continue;
    await db
      .insertInto('session_substance_override')
      .values({
        id: randomUUID(),
        session_id: id,
        line_key: line.key,
        name: line.name,
        finding: finding.explanation,
        reason,
        recorded_by: actorId,
        recorded_at: at,
      })
      .execute();
    overridden = true;
  }
  const signed = {
    status: 'signed',
    screening_id: gate.check.id,
    signed_at: at,
    signed_by: row.practitioner_id,
    signature_proven_by: proof,
    signature_recorded_by: actorId,
    updated_at: at,
  };
  await db.updateTable('treatment_session').set(signed).where('id', '=', id).execute();
  // The note was read above and the update wrote nothing else; a draft has no addenda. Overrides
  // given now are read back with their author's name.
  return sessionView(
    db,
    { ...row, ...signed },
    { note, addenda: [], ...(overridden ? {} : { substanceOverrides: recorded }) },
  );
}

export async function abandonSession(
  db: Queryable,
  input: { id: string; reason: string },
  actorId: string,
  now: Date,
): Promise<TreatmentSession> {
  const { id } = input;
  const row = await requireSession(db, id);
  requireOwnDraft(row, actorId);
  const at = now.toISOString();
  await db
    .updateTable('treatment_session')
    .set({
      status: 'abandoned',
      updated_at: at,
      abandoned_at: at,
      abandoned_by: actorId,
      abandon_reason: input.reason.trim(),
    })
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
    throw new AppError('CONFLICT', { key: 'errors.sessions.addendumOnSigned' });
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

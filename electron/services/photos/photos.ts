import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import path from 'node:path';
import type { Selectable } from 'kysely';
import type { PhotoRow } from '../store/schema';
import type {
  Photo,
  PhotoArea,
  PhotoChange,
  PhotoPhase,
  PhotoTags,
  PhotoView,
} from '../../../shared/api/photos';
import type { ConsentKind } from '../../../shared/api/patients';
import type { ImportedPhoto } from './files';
import { dateCheckAtImport } from './photo-dates';
import { AppError } from '../core/errors';
import { listConsents } from '../consents/consents';

import { PHOTOS_DIR } from './photo-files';

export { PHOTOS_DIR };

/** Every stored photo lives under this directory; the database keeps paths relative to it. */
export function photosRoot(dataDir: string): string {
  return path.join(dataDir, PHOTOS_DIR);
}

/** A photo action the patient's consent does not cover. Nothing was written. */
export class PhotoConsentError extends AppError {
  readonly consentKind: ConsentKind;

  constructor(kind: 'photos-record' | 'photos-other') {
    super('CONFLICT', { key: `errors.photoConsent.${kind}` });
    this.name = 'PhotoConsentError';
    this.consentKind = kind;
  }
}

/** The patient's latest decision on `kind` must be 'given'; refused, withdrawn or never asked block. */
export async function requirePhotoConsent(
  db: Queryable,
  patientId: string,
  kind: 'photos-record' | 'photos-other',
): Promise<void> {
  const { current } = await listConsents(db, patientId);
  if (current.find((c) => c.kind === kind)?.decision !== 'given') {
    throw new PhotoConsentError(kind);
  }
}

/** The local wall-clock time of an instant, as the record keeps capture times. */
export function localDateTime(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}` +
    `T${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`
  );
}

/** "2025-03-01T14:05" and "2025-03-01T14:05:00" are the same time; store one form. */
export function normaliseTakenAt(value: string): string {
  const base = value.slice(0, 19);
  return base.length === 16 ? `${base}:00` : base;
}

async function sessionNumbers(
  db: Queryable,
  patientId: string,
): Promise<Map<string, { number: number; date: string }>> {
  // Abandoned drafts were never treatments, so they do not take a number.
  const rows = await db
    .selectFrom('treatment_session')
    .select(['id', 'performed_on'])
    .where('patient_id', '=', patientId)
    .where('status', '<>', 'abandoned')
    .orderBy('performed_on')
    .orderBy('seq')
    .execute();
  return new Map(rows.map((r, i) => [r.id, { number: i + 1, date: r.performed_on }]));
}

function toPhoto(
  row: Selectable<PhotoRow> & { imported_by_name: string },
  sessions: Map<string, { number: number; date: string }>,
): Photo {
  const session = row.session_id ? sessions.get(row.session_id) : undefined;
  return {
    id: row.id,
    patientId: row.patient_id,
    sessionId: row.session_id,
    sessionNumber: session?.number ?? null,
    sessionDate: session?.date ?? null,
    phase: row.phase as PhotoPhase,
    area: row.area as PhotoArea,
    view: row.view as PhotoView,
    takenAt: row.taken_at,
    takenAtSource: row.taken_at_source as Photo['takenAtSource'],
    cameraTakenAt: row.camera_taken_at,
    dateCheck: row.date_check as Photo['dateCheck'],
    dateCheckReason: row.date_check_reason as Photo['dateCheckReason'],
    width: row.width,
    height: row.height,
    byteSize: row.byte_size,
    sha256: row.sha256,
    cameraModel: row.camera_model,
    source: row.source as Photo['source'],
    importedAt: row.imported_at,
    importedBy: row.imported_by_name,
    archived: row.archived === 1,
  };
}

function photoQuery(db: Queryable) {
  return db
    .selectFrom('photo')
    .innerJoin('staff_user as s', 's.id', 'photo.imported_by')
    .selectAll('photo')
    .select('s.display_name as imported_by_name');
}

/** A patient's photos along the timeline, grouped by area and view by the order. */
export async function listPhotos(
  db: Queryable,
  patientId: string,
  includeArchived: boolean,
): Promise<Photo[]> {
  let query = photoQuery(db).where('photo.patient_id', '=', patientId);
  if (!includeArchived) query = query.where('photo.archived', '=', 0);
  const rows = await query
    .orderBy('photo.area')
    .orderBy('photo.view')
    .orderBy('photo.taken_at')
    .orderBy('photo.seq')
    .execute();
  const sessions = await sessionNumbers(db, patientId);
  return rows.map((r) => toPhoto(r, sessions));
}

export async function requirePhotoRow(db: Queryable, id: string) {
  const row = await photoQuery(db).where('photo.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { key: 'errors.photos.notFound' });
  return row;
}

export async function getPhoto(db: Queryable, id: string): Promise<Photo> {
  const row = await requirePhotoRow(db, id);
  return toPhoto(row, await sessionNumbers(db, row.patient_id));
}

/** A session can only be linked to photos of its own patient. */
async function checkSession(db: Queryable, patientId: string, sessionId: string | null) {
  if (sessionId === null) return;
  const session = await db
    .selectFrom('treatment_session')
    .select(['patient_id', 'status'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session || session.patient_id !== patientId || session.status === 'abandoned') {
    throw new AppError(
      'VALIDATION',
      { key: 'errors.photos.chooseOwnSession' },
      { fields: { sessionId: { key: 'errors.photos.sessionNotOwn' } } },
    );
  }
}

export async function checkImportTags(db: Queryable, patientId: string, tags: PhotoTags) {
  await checkSession(db, patientId, tags.sessionId);
}

interface Change {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export async function recordChanges(
  db: Queryable,
  photoId: string,
  changes: Change[],
  actorId: string,
  now: Date,
  reason = '',
) {
  if (changes.length === 0) return;
  await db
    .insertInto('photo_change')
    .values(
      changes.map((c) => ({
        photo_id: photoId,
        changed_at: now.toISOString(),
        changed_by: actorId,
        field: c.field,
        old_value: c.oldValue,
        new_value: c.newValue,
        reason,
      })),
    )
    .execute();
}

/** Retags a photo; each changed field keeps its previous value in the change table. */
export async function updatePhotoTags(
  db: Queryable,
  input: PhotoTags & { id: string; takenAt: string },
  actorId: string,
  now: Date,
): Promise<Photo> {
  const row = await requirePhotoRow(db, input.id);
  if (row.archived === 1) {
    throw new AppError('CONFLICT', { key: 'errors.photos.archivedTags' });
  }
  await checkSession(db, row.patient_id, input.sessionId);
  const takenAt = normaliseTakenAt(input.takenAt);
  const next = {
    phase: input.phase,
    area: input.area,
    view: input.view,
    session_id: input.sessionId,
    taken_at: takenAt,
  };
  const changes: Change[] = [];
  for (const [field, value] of Object.entries(next) as [keyof typeof next, string | null][]) {
    if (row[field] !== value) changes.push({ field, oldValue: row[field], newValue: value });
  }
  if (changes.length > 0) {
    await db
      .updateTable('photo')
      .set({
        ...next,
        taken_at_source: takenAt !== row.taken_at ? 'edited' : row.taken_at_source,
        // A date typed by a person answers the camera date's question as well.
        date_check:
          takenAt !== row.taken_at && row.date_check === 'unconfirmed'
            ? 'confirmed'
            : row.date_check,
        updated_at: now.toISOString(),
      })
      .where('id', '=', row.id)
      .execute();
    await recordChanges(db, row.id, changes, actorId, now);
  }
  return getPhoto(db, row.id);
}

export async function setPhotoArchived(
  db: Queryable,
  input: { id: string; archived: boolean; reason: string },
  actorId: string,
  now: Date,
): Promise<Photo> {
  const row = await requirePhotoRow(db, input.id);
  const value = input.archived ? 1 : 0;
  if (row.archived !== value) {
    await db
      .updateTable('photo')
      .set({ archived: value, updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    await recordChanges(
      db,
      row.id,
      [
        {
          field: 'archived',
          oldValue: String(row.archived === 1),
          newValue: String(input.archived),
        },
      ],
      actorId,
      now,
      input.reason.trim(),
    );
  }
  return getPhoto(db, row.id);
}

export async function listPhotoChanges(db: Queryable, photoId: string): Promise<PhotoChange[]> {
  const rows = await db
    .selectFrom('photo_change as c')
    .innerJoin('staff_user as s', 's.id', 'c.changed_by')
    .select(['c.changed_at', 's.display_name', 'c.field', 'c.old_value', 'c.new_value', 'c.reason'])
    .where('c.photo_id', '=', photoId)
    .orderBy('c.seq', 'desc')
    .execute();
  return rows.map((r) => ({
    changedAt: r.changed_at,
    changedBy: r.display_name,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    reason: r.reason,
  }));
}

export interface NewPhoto {
  patientId: string;
  tags: PhotoTags;
  photo: ImportedPhoto;
  source: 'file' | 'camera';
  actorId: string;
  now: Date;
}

/**
 * Records an imported photo for a patient. The same picture twice for one patient stays one
 * record: the existing row is returned (and left as it is, archived or not).
 */
export async function insertPhotoRow(
  db: Queryable,
  input: NewPhoto,
): Promise<{ id: string; alreadyInRecord: boolean }> {
  const existing = await db
    .selectFrom('photo')
    .select('id')
    .where('patient_id', '=', input.patientId)
    .where('sha256', '=', input.photo.sha256)
    .executeTakeFirst();
  if (existing) return { id: existing.id, alreadyInRecord: true };
  const id = randomUUID();
  const { photo, tags, now } = input;
  const cameraTakenAt = photo.takenAt ? normaliseTakenAt(photo.takenAt) : null;
  const check = await dateCheckAtImport(db, input.patientId, cameraTakenAt, localDateTime(now));
  await db
    .insertInto('photo')
    .values({
      id,
      patient_id: input.patientId,
      session_id: tags.sessionId,
      phase: tags.phase,
      area: tags.area,
      view: tags.view,
      taken_at: cameraTakenAt ?? localDateTime(now),
      taken_at_source: cameraTakenAt ? 'exif' : 'import',
      camera_taken_at: cameraTakenAt,
      ...check,
      sha256: photo.sha256,
      input_sha256: photo.inputSha256,
      width: photo.width,
      height: photo.height,
      byte_size: photo.byteSize,
      original_path: photo.relativePaths.original,
      thumbnail_path: photo.relativePaths.thumbnail,
      preview_path: photo.relativePaths.preview,
      camera_model: photo.cameraModel,
      source: input.source,
      imported_at: now.toISOString(),
      imported_by: input.actorId,
      archived: 0,
      updated_at: now.toISOString(),
    })
    .execute();
  return { id, alreadyInRecord: false };
}

export {
  photoFileInUse,
  photoKey,
  photoStorage,
  readPhotoImage,
  readStoredPhotoFile,
} from './photo-files';

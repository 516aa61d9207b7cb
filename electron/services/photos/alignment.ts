import type { Queryable } from '../store/db';
import type { PhotoAlignment } from '../../../shared/photos/photo-dates';
import { AppError } from '../core/errors';
import { requirePhotoRow } from './photos';

export interface SavedAlignment extends PhotoAlignment {
  updatedAt: string;
  updatedBy: string;
}

/** Both photos must be this patient's: an alignment never joins two records. */
export async function checkAlignmentPair(
  db: Queryable,
  patientId: string,
  firstId: string,
  secondId: string,
): Promise<void> {
  if (firstId === secondId) {
    throw new AppError('VALIDATION', { key: 'errors.photos.twoDifferent' });
  }
  const rows = await Promise.all([requirePhotoRow(db, firstId), requirePhotoRow(db, secondId)]);
  if (rows.some((r) => r.patient_id !== patientId)) {
    throw new AppError('NOT_FOUND', { key: 'errors.photos.notBothHere' });
  }
}

export async function readAlignment(
  db: Queryable,
  firstId: string,
  secondId: string,
): Promise<SavedAlignment | null> {
  const row = await db
    .selectFrom('photo_alignment as a')
    .innerJoin('staff_user as s', 's.id', 'a.updated_by')
    .select(['a.offset_x', 'a.offset_y', 'a.scale', 'a.rotation', 'a.updated_at', 's.display_name'])
    .where('a.first_photo_id', '=', firstId)
    .where('a.second_photo_id', '=', secondId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    offsetX: row.offset_x,
    offsetY: row.offset_y,
    scale: row.scale,
    rotation: row.rotation,
    updatedAt: row.updated_at,
    updatedBy: row.display_name,
  };
}

/** One alignment per ordered pair; saving again replaces it (a viewing aid, not a record). */
export async function saveAlignment(
  db: Queryable,
  input: { patientId: string; firstId: string; secondId: string; alignment: PhotoAlignment },
  actorId: string,
  now: Date,
): Promise<SavedAlignment> {
  const { alignment: a } = input;
  const values = {
    offset_x: a.offsetX,
    offset_y: a.offsetY,
    scale: a.scale,
    rotation: a.rotation,
    updated_at: now.toISOString(),
    updated_by: actorId,
  };
  await db
    .insertInto('photo_alignment')
    .values({
      patient_id: input.patientId,
      first_photo_id: input.firstId,
      second_photo_id: input.secondId,
      ...values,
    })
    .onConflict((oc) => oc.columns(['first_photo_id', 'second_photo_id']).doUpdateSet(values))
    .execute();
  const saved = await readAlignment(db, input.firstId, input.secondId);
  if (!saved) throw new AppError('INTERNAL', { key: 'errors.photos.alignmentNotSaved' });
  return saved;
}

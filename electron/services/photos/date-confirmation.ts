import type { Queryable } from '../store/db';
import type { Photo } from '../../../shared/api/photos';
import { AppError } from '../core/errors';
import {
  getPhoto,
  localDateTime,
  normaliseTakenAt,
  recordChanges,
  requirePhotoRow,
} from './photos';
import { readPhotoDateSettings } from './photo-dates';
import { cameraDateProblem } from '../../../shared/photos/photo-dates';

/**
 * A person answers the question a doubtful camera date raised: the camera was right (takenAt
 * null) or the photo was taken on the date they enter. Either way the camera's own date stays
 * in `camera_taken_at` and the change is kept in the photo's history.
 */
export async function confirmPhotoDate(
  db: Queryable,
  input: { id: string; takenAt: string | null },
  actorId: string,
  now: Date,
): Promise<Photo> {
  const row = await requirePhotoRow(db, input.id);
  if (row.archived === 1) {
    throw new AppError('CONFLICT', { key: 'errors.photos.archivedDate' });
  }
  if (row.date_check !== 'unconfirmed') {
    throw new AppError('CONFLICT', { key: 'errors.photos.dateNotWaiting' });
  }
  const takenAt = input.takenAt === null ? row.taken_at : normaliseTakenAt(input.takenAt);
  // A date in the future is never right: the camera's clock is wrong, or the entry is a slip.
  const settings = await readPhotoDateSettings(db);
  const future = cameraDateProblem(
    takenAt,
    { firstVisit: '1900-01-01', importedAt: localDateTime(now) },
    { ...settings, daysBeforeFirstVisit: 0 },
  );
  if (future === 'future') {
    const text = {
      key: input.takenAt === null ? 'errors.photos.cameraDateFuture' : 'errors.photos.dateFuture',
    } as const;
    throw new AppError('VALIDATION', text, { fields: { takenAt: text } });
  }
  await db
    .updateTable('photo')
    .set({
      taken_at: takenAt,
      taken_at_source: takenAt !== row.taken_at ? 'edited' : row.taken_at_source,
      date_check: 'confirmed',
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
  await recordChanges(
    db,
    row.id,
    [
      ...(takenAt !== row.taken_at
        ? [{ field: 'taken_at', oldValue: row.taken_at, newValue: takenAt }]
        : []),
      { field: 'date_check', oldValue: 'unconfirmed', newValue: 'confirmed' },
    ],
    actorId,
    now,
    input.takenAt === null ? 'Camera date confirmed' : 'Date entered in place of the camera date',
  );
  return getPhoto(db, row.id);
}

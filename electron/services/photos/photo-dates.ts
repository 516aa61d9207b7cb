import type { Queryable } from '../store/db';
import { settingSlot } from '../store/settings';
import {
  cameraDateProblem,
  photoDateSettingsDefaults,
  photoDateSettingsSchema,
  type PhotoDateReason,
  type PhotoDateSettings,
} from '../../../shared/photos/photo-dates';

const slot = settingSlot(
  'photoDates',
  photoDateSettingsSchema,
  photoDateSettingsDefaults,
  (defaults, stored) =>
    typeof stored === 'object' && stored !== null ? { ...defaults, ...stored } : stored,
);

export const readPhotoDateSettings = (db: Queryable): Promise<PhotoDateSettings> => slot.read(db);
export const writePhotoDateSettings = (db: Queryable, value: PhotoDateSettings) =>
  slot.write(db, value);

/**
 * The patient's first visit: the earlier of the day they were registered and their first
 * session. A record moved from paper is registered late; its first session tells the truth.
 */
export async function firstVisitOf(db: Queryable, patientId: string): Promise<string> {
  const patient = await db
    .selectFrom('patient')
    .select('created_at')
    .where('id', '=', patientId)
    .executeTakeFirstOrThrow();
  const session = await db
    .selectFrom('treatment_session')
    .select('performed_on')
    .where('patient_id', '=', patientId)
    .where('status', '<>', 'abandoned')
    .orderBy('performed_on')
    .limit(1)
    .executeTakeFirst();
  const registered = patient.created_at.slice(0, 10);
  const first = session?.performed_on.slice(0, 10);
  return first !== undefined && first < registered ? first : registered;
}

export interface DateCheck {
  date_check: 'ok' | 'unconfirmed';
  date_check_reason: PhotoDateReason | null;
}

/**
 * Whether a camera's date can be believed for this patient, judged when the photo is recorded.
 * A photo without a camera date takes the import time, which needs no question.
 */
export async function dateCheckAtImport(
  db: Queryable,
  patientId: string,
  cameraTakenAt: string | null,
  importedAt: string,
): Promise<DateCheck> {
  if (cameraTakenAt === null) return { date_check: 'ok', date_check_reason: null };
  const reason = cameraDateProblem(
    cameraTakenAt,
    { firstVisit: await firstVisitOf(db, patientId), importedAt },
    await readPhotoDateSettings(db),
  );
  return { date_check: reason ? 'unconfirmed' : 'ok', date_check_reason: reason };
}

import type { Queryable } from '../store/db';
import type { AdverseEvent } from '../../../shared/api/adverse-events';
import type { HistoryVersion } from '../../../shared/api/history';
import type { Patient } from '../../../shared/api/patients';
import type { Photo } from '../../../shared/api/photos';
import type { ScreeningRecord } from '../../../shared/api/screening';
import type { TreatmentSession } from '../../../shared/api/sessions';
import type { ConsentEvent } from '../../../shared/api/consents';
import { adverseEventsOfPatient } from '../adverse-events/adverse-events';
import { listConsents } from '../consents/consents';
import type { StoredDocumentRow } from '../documents/archive';
import { getHistory, getHistoryVersion } from '../history/medical-history';
import { toPatient } from '../patients/patients';
import { listPhotos } from '../photos/photos';
import { listScreenings } from '../screening/screening';
import { getSession, listSessions } from '../sessions/session-read';
import { AppError } from '../core/errors';

/** Every part of one patient's record, read in one transaction so the parts agree. */
export interface PatientRecord {
  patient: Patient;
  /** Every version of the medical history, oldest first. */
  history: HistoryVersion[];
  screenings: ScreeningRecord[];
  sessions: TreatmentSession[];
  adverseEvents: AdverseEvent[];
  consentEvents: ConsentEvent[];
  photos: (Photo & { originalPath: string })[];
  documents: StoredDocumentRow[];
}

/** A patient's checks are few (one a treatment day); the cap only bounds a runaway record. */
const MAX_SCREENINGS = 100_000;

export async function gatherPatientRecord(
  db: Queryable,
  patientId: string,
): Promise<PatientRecord> {
  const row = await db
    .selectFrom('patient')
    .selectAll()
    .where('id', '=', patientId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { key: 'errors.chart.noSuchPatient' });
  const { versions } = await getHistory(db, patientId);
  const history: HistoryVersion[] = [];
  for (const v of [...versions].sort((a, b) => a.version - b.version)) {
    history.push((await getHistoryVersion(db, patientId, v.version)).version);
  }
  const sessions: TreatmentSession[] = [];
  // Every session, drafts and abandoned ones included: a subject access request is the whole
  // record, and the readers of the export mark which ones were never signed.
  for (const s of await listSessions(db, patientId)) sessions.push(await getSession(db, s.id));
  sessions.sort((a, b) => a.performedOn.localeCompare(b.performedOn));
  const photos = await listPhotos(db, patientId, true);
  const paths = new Map(
    (
      await db
        .selectFrom('photo')
        .select(['id', 'original_path'])
        .where('patient_id', '=', patientId)
        .execute()
    ).map((p) => [p.id, p.original_path]),
  );
  return {
    patient: toPatient(row),
    history,
    screenings: await listScreenings(db, patientId, MAX_SCREENINGS),
    sessions,
    adverseEvents: await adverseEventsOfPatient(db, patientId, false),
    consentEvents: (await listConsents(db, patientId)).events,
    photos: photos.map((p) => ({ ...p, originalPath: paths.get(p.id) ?? '' })),
    documents: await db
      .selectFrom('document')
      .selectAll()
      .where('patient_id', '=', patientId)
      .orderBy('generated_at')
      .orderBy('seq')
      .execute(),
  };
}

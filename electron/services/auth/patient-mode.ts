import type { Queryable } from '../store/db';
import type { OperationName, OpParsedInput } from '../../../shared/api/contract';

/** The patient whose tablet this is, held by the main process while the tablet is handed over. */
export interface PatientMode {
  patientId: string;
  /** The consent handed over with the tablet, for the screen to open; null for the questionnaire. */
  consentId: string | null;
}

/**
 * Which patient a call is about, for each operation the tablet may make; `undefined` for the
 * calls that touch no patient (asking the session state, taking the tablet back). A call about
 * another patient, or one this table does not name, is refused.
 */
type PatientOf<N extends OperationName> = (
  db: Queryable,
  input: OpParsedInput<N>,
) => Promise<string | null | undefined>;

const documentPatient = async (db: Queryable, input: { documentId: string }) => {
  const row = await db
    .selectFrom('document')
    .select('patient_id')
    .where('id', '=', input.documentId)
    .executeTakeFirst();
  return row?.patient_id ?? null;
};

const none = async () => undefined;

// Only what the questionnaire and the consent signing screen need. Everything else (the chart,
// search, other patients, signing out, the settings) waits for a member of staff's password.
const allowed: { [N in OperationName]?: PatientOf<N> } = {
  'auth.state': none,
  'auth.heartbeat': none,
  'auth.resumeStaff': none,
  'history.get': async (_db, input) => input.patientId,
  // Answers given on the tablet are the patient's own, never recorded as taken by staff.
  'history.submit': async (_db, input) => (input.takenBy === 'patient' ? input.patientId : null),
  'documents.get': documentPatient,
  'documents.open': documentPatient,
  'documents.consentText': documentPatient,
  // The patient's part only: the practitioner signs theirs once staff have the tablet back.
  'documents.signConsentAsPatient': documentPatient,
};

/** Whether the operation is one the tablet may make at all (checked before its input is read). */
export function patientModeAllows(name: OperationName): boolean {
  return Object.hasOwn(allowed, name);
}

/** Whether a call the tablet may make is about the tablet's own patient. */
export async function patientModeCovers<N extends OperationName>(
  db: Queryable,
  mode: PatientMode,
  name: N,
  input: OpParsedInput<N>,
): Promise<boolean> {
  const patientOf = allowed[name] as PatientOf<N> | undefined;
  if (!patientOf) return false;
  const patientId = await patientOf(db, input);
  return patientId === undefined || patientId === mode.patientId;
}

/** The operations the tablet may make, for the tests that call every other one. */
export const patientModeOperations = Object.keys(allowed) as OperationName[];

import { TREATMENTS_KEY } from '../../lib/query-keys';
import { patientsKeys } from '../patients';

/** Query keys of treatment sessions. */
export const sessionsKeys = {
  one: (sessionId: string) => [...TREATMENTS_KEY, 'session', sessionId] as const,
  /** A patient's sessions as the treatments panel and the aftercare panel list them. */
  list: (patientId: string) => [...TREATMENTS_KEY, 'sessions', patientId] as const,
  /** The same list as the photo tags offer it: under the patient, not the treatments prefix. */
  forPhotoTags: (patientId: string) => [...patientsKeys.patient(patientId), 'sessions'] as const,
};

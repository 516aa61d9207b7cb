import { patientsKeys } from '../patients';

/** Query keys of the patient's recorded consents (treatment, photos, data). */
export const consentsKeys = {
  list: (patientId: string) => [...patientsKeys.patient(patientId), 'consents'] as const,
};

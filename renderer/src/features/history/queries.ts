import { patientsKeys } from '../patients';

const latest = (patientId: string) => [...patientsKeys.patient(patientId), 'history'] as const;

/** Query keys of the medical history: the latest with its versions, and the tablet's own. */
export const historyKeys = {
  latest,
  version: (patientId: string, version: number) =>
    [...latest(patientId), 'version', version] as const,
  /** The tablet questionnaire keeps its reads apart from the chart's. */
  tablet: (patientId: string) => ['tablet', patientId, 'history'] as const,
};

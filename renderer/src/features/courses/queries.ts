import { TREATMENTS_KEY } from '../../lib/query-keys';

/** Query keys of treatment courses; under the treatments prefix. */
export const coursesKeys = {
  list: (patientId: string) => [...TREATMENTS_KEY, 'courses', patientId] as const,
};

import { ageOn } from '../../../../shared/api/patients';

export const PATIENTS_KEY = 'patients';

/** Query keys of one patient's data, so a save can refresh exactly what it changed. */
export const patientKeys = {
  chart: (id: string) => [PATIENTS_KEY, id, 'chart'] as const,
  changes: (id: string) => [PATIENTS_KEY, id, 'changes'] as const,
  history: (id: string) => [PATIENTS_KEY, id, 'history'] as const,
  consents: (id: string) => [PATIENTS_KEY, id, 'consents'] as const,
  search: (query: string, includeArchived: boolean) =>
    [PATIENTS_KEY, 'search', query, includeArchived] as const,
};

export {
  formatDay as formatDate,
  formatInstant as formatDateTime,
  formatDayOfInstant as formatDayOf,
} from '../../lib/dates';

export function patientAge(dateOfBirth: string): number {
  return ageOn(dateOfBirth);
}

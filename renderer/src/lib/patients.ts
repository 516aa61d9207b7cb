import { ageOn } from '../../../shared/api/domains/patients';

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

/** A calendar date (YYYY-MM-DD) in the clinic's locale, without time-zone shifts. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function patientAge(dateOfBirth: string): number {
  return ageOn(dateOfBirth);
}

/** The local calendar day of an instant. */
export function formatDayOf(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(iso));
}

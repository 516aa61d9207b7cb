import type { AuditFilterInput } from '../../../../shared/api/audit';
import type { AuditFilters } from './queries';

/** A local calendar day as the UTC instant of its midnight, so filters follow the clinic's day. */
function localMidnight(date: string, addDays = 0): string | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d + addDays).toISOString();
}

/** The screen's filters as the list and both exports take them: unset ones left out. */
export function filterInput(filters: AuditFilters): AuditFilterInput {
  const from = localMidnight(filters.from);
  const to = localMidnight(filters.to, 1);
  const patient = filters.patient.trim();
  return {
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(patient ? { patient } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

import type { AuditAction } from '../../../../shared/api/operation';

export interface AuditFilters {
  userId: string | null;
  action: AuditAction | null;
  patientId: string;
  from: string;
  to: string;
}

/** Query keys of the audit log. */
export const auditKeys = {
  events: (filters: AuditFilters) => ['audit', filters] as const,
};

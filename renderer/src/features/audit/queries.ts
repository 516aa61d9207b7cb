import type { AuditAction } from '../../../../shared/api/operation';

export interface AuditFilters {
  userId: string | null;
  action: AuditAction | null;
  /** A patient's name or clinic number, as typed. */
  patient: string;
  from: string;
  to: string;
}

/** Query keys of the audit log. */
export const auditKeys = {
  events: (filters: AuditFilters) => ['audit', 'events', filters] as const,
  verify: ['audit', 'verify'] as const,
  lastCheck: ['audit', 'lastCheck'] as const,
};

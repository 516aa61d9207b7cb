import type { Actor } from '../staff/staff';
import type { AuditSubject } from '../core/context';
import type { AuditEntry } from './audit-log';
import type { Role } from '../../../shared/api/roles';
import { operations, type OperationName } from '../../../shared/api/contract';

/**
 * The audit event of one operation: its action and object type come from the contract, so a
 * background job (a photo import) records its work under the operation that started it. A job
 * writing one event per record it makes gives that record's action and type as `record`.
 */
export function auditEntry(
  name: OperationName,
  now: Date,
  actor: Actor | null,
  subject: AuditSubject,
  outcome: AuditEntry['outcome'],
  errorCode: string | null,
  record?: { action: AuditEntry['action']; objectType: string },
): AuditEntry {
  const audit = record ?? operations[name].audit;
  const who = subject.actor ?? {
    userId: actor?.id ?? null,
    username: actor?.username ?? null,
    role: (actor?.role as Role | undefined) ?? null,
  };
  return {
    at: now.toISOString(),
    userId: who.userId,
    username: who.username,
    role: (who.role as Role | null) ?? null,
    operation: name,
    action: audit?.action ?? 'execute',
    patientId: subject.patientId ?? null,
    objectType: audit?.objectType ?? null,
    objectId: subject.objectId ?? null,
    outcome,
    errorCode,
  };
}

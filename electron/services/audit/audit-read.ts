import { sql } from 'kysely';
import type { Queryable } from '../store/db';
import type { AuditEvent } from '../../../shared/api/audit';
import type { AuditAction } from '../../../shared/api/operation';
import type { Role } from '../../../shared/api/roles';
import { AppError } from '../core/errors';
import { wordMatch } from '../patients/search';
import { matchingSeqs } from '../store/search-index';

export interface AuditReadFilter {
  patientId?: string | undefined;
  /** Name or clinic number, matched through the patient search index. */
  patient?: string | undefined;
  userId?: string | undefined;
  action?: AuditAction | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The log as a manager reads it: each event with the staff member's display name and the
 * patient's name and clinic number joined in. The chain itself (audit-log.ts) stores ids only,
 * so a renamed patient or staff member shows under today's name.
 */
function eventsQuery(db: Queryable, filter: AuditReadFilter) {
  let q = db
    .selectFrom('audit_event as e')
    .leftJoin('staff_user as u', 'u.id', 'e.user_id')
    .leftJoin('patient as p', 'p.id', 'e.patient_id')
    .select([
      'e.seq',
      'e.at',
      'e.user_id',
      'e.username',
      'e.role',
      'e.operation',
      'e.action',
      'e.patient_id',
      'e.object_type',
      'e.object_id',
      'e.outcome',
      'e.error_code',
      'u.display_name',
      'p.given_name',
      'p.family_name',
      'p.clinic_number',
    ]);
  if (filter.patientId) q = q.where('e.patient_id', '=', filter.patientId);
  const patient = filter.patient?.trim();
  if (patient) {
    const match = wordMatch(patient);
    // A query of punctuation only matches nobody rather than everybody.
    if (!match) return q.where(sql<boolean>`1 = 0`);
    q = q.where(
      'e.patient_id',
      'in',
      sql<string>`(SELECT p2.id FROM patient p2 WHERE p2.seq IN (${matchingSeqs(db, match)}))`,
    );
  }
  if (filter.userId) q = q.where('e.user_id', '=', filter.userId);
  if (filter.action) q = q.where('e.action', '=', filter.action);
  // Stored times are UTC ISO strings, so normalising the bounds makes text comparison exact.
  if (filter.from) q = q.where('e.at', '>=', new Date(filter.from).toISOString());
  if (filter.to) q = q.where('e.at', '<', new Date(filter.to).toISOString());
  return q;
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventsQuery>['execute']>>[number];

function toEvent(row: EventRow): AuditEvent {
  const named = row.given_name !== null && row.family_name !== null;
  return {
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name ?? null,
    role: row.role as Role | null,
    operation: row.operation,
    action: row.action as AuditAction,
    patientId: row.patient_id,
    patientName: named ? `${row.given_name} ${row.family_name}` : null,
    clinicNumber: row.clinic_number ?? null,
    objectType: row.object_type,
    objectId: row.object_id,
    outcome: row.outcome as AuditEvent['outcome'],
    errorCode: row.error_code,
  };
}

/** One page, newest first; `before` pages back by sequence number. */
export async function listAuditEvents(
  db: Queryable,
  filter: AuditReadFilter & { limit: number; before?: number | undefined },
): Promise<{ events: AuditEvent[]; nextBefore: number | null }> {
  let q = eventsQuery(db, filter);
  if (filter.before) q = q.where('e.seq', '<', filter.before);
  const rows = await q
    .orderBy('e.seq', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  return {
    events: page.map(toEvent),
    nextBefore: rows.length > filter.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

/** An export is a file someone will print or open in a spreadsheet: bounded, dates to narrow. */
export const EXPORT_MAX_ROWS = 20_000;

/** Every matching event, oldest first (the order an inspector reads a log in). */
export async function exportAuditEvents(
  db: Queryable,
  filter: AuditReadFilter,
): Promise<AuditEvent[]> {
  const rows = await eventsQuery(db, filter)
    .orderBy('e.seq', 'asc')
    .limit(EXPORT_MAX_ROWS + 1)
    .execute();
  if (rows.length > EXPORT_MAX_ROWS) {
    const text = { key: 'errors.audit.tooManyToExport', params: { max: EXPORT_MAX_ROWS } } as const;
    throw new AppError('VALIDATION', text, { fields: { from: text } });
  }
  return rows.map(toEvent);
}

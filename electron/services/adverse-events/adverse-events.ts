import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import type { z } from 'zod';
import type { Db } from '../store/db';
import { preparedQuery } from '../store/prepared';
import type {
  AdverseEvent,
  AdverseEventKind,
  Severity,
  adverseEventRecordInput,
  adverseEventResolveInput,
} from '../../../shared/api/adverse-events';
import { AppError } from '../core/errors';

type Reader = Pick<Db, 'selectFrom' | 'executeQuery'>;
function baseQuery(db: Pick<Db, 'selectFrom'>) {
  return db
    .selectFrom('adverse_event')
    .innerJoin('treatment_session', 'treatment_session.id', 'adverse_event.session_id')
    .innerJoin('staff_user', 'staff_user.id', 'adverse_event.recorded_by')
    .selectAll('adverse_event')
    .select(['treatment_session.performed_on', 'staff_user.display_name']);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toEvent(r: EventRow): AdverseEvent {
  return {
    id: r.id,
    patientId: r.patient_id,
    sessionId: r.session_id,
    sessionDate: r.performed_on,
    kind: r.kind as AdverseEventKind,
    severity: r.severity as Severity,
    onsetOn: r.onset_on,
    description: r.description,
    actionTaken: r.action_taken,
    resolvedOn: r.resolved_on,
    outcome: r.outcome,
    recordedByName: r.display_name,
    recordedAt: r.recorded_at,
  };
}

export async function adverseEventsOfSession(db: Reader, sessionId: string) {
  const rows = await baseQuery(db)
    .where('adverse_event.session_id', '=', sessionId)
    .orderBy('adverse_event.seq')
    .execute();
  return rows.map(toEvent);
}

const eventsOfPatient = preparedQuery((db, patientId: string) =>
  baseQuery(db)
    .where('adverse_event.patient_id', '=', patientId)
    .orderBy('adverse_event.onset_on', 'desc'),
);
// The chart's alerts strip reads this on every chart opened.
const openEventsOfPatient = preparedQuery((db, patientId: string) =>
  baseQuery(db)
    .where('adverse_event.patient_id', '=', patientId)
    .where('adverse_event.resolved_on', 'is', null)
    .orderBy('adverse_event.onset_on', 'desc'),
);

export async function adverseEventsOfPatient(db: Reader, patientId: string, openOnly: boolean) {
  const rows = await (openOnly ? openEventsOfPatient : eventsOfPatient)(db, patientId);
  return rows.map(toEvent);
}

async function getEvent(db: Queryable, id: string): Promise<AdverseEvent> {
  const row = await baseQuery(db).where('adverse_event.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'This adverse event does not exist');
  return toEvent(row);
}

export async function recordAdverseEvent(
  db: Queryable,
  input: z.output<typeof adverseEventRecordInput>,
  actorId: string,
  now: Date,
  today: string,
): Promise<AdverseEvent> {
  const session = await db
    .selectFrom('treatment_session')
    .select(['id', 'patient_id', 'performed_on', 'status'])
    .where('id', '=', input.sessionId)
    .executeTakeFirst();
  if (!session || session.status === 'abandoned') {
    throw new AppError('NOT_FOUND', 'This session does not exist');
  }
  if (input.onsetOn < session.performed_on || input.onsetOn > today) {
    const message = 'The onset date must be between the session and today';
    throw new AppError('VALIDATION', message, { fields: { onsetOn: message } });
  }
  const id = randomUUID();
  await db
    .insertInto('adverse_event')
    .values({
      id,
      patient_id: session.patient_id,
      session_id: session.id,
      kind: input.kind,
      severity: input.severity,
      onset_on: input.onsetOn,
      description: input.description.trim(),
      action_taken: input.actionTaken.trim(),
      resolved_on: null,
      outcome: null,
      recorded_by: actorId,
      recorded_at: now.toISOString(),
      resolved_by: null,
      resolved_at: null,
    })
    .execute();
  return getEvent(db, id);
}

export async function resolveAdverseEvent(
  db: Queryable,
  input: z.output<typeof adverseEventResolveInput>,
  actorId: string,
  now: Date,
  today: string,
): Promise<AdverseEvent> {
  const event = await getEvent(db, input.id);
  if (event.resolvedOn !== null) {
    throw new AppError('CONFLICT', 'This adverse event is already resolved');
  }
  if (input.resolvedOn < event.onsetOn || input.resolvedOn > today) {
    const message = 'The resolved date must be between the onset and today';
    throw new AppError('VALIDATION', message, { fields: { resolvedOn: message } });
  }
  await db
    .updateTable('adverse_event')
    .set({
      resolved_on: input.resolvedOn,
      outcome: input.outcome.trim(),
      resolved_by: actorId,
      resolved_at: now.toISOString(),
    })
    .where('id', '=', input.id)
    .execute();
  return getEvent(db, input.id);
}

export async function patientOfAdverseEvent(db: Queryable, id: string): Promise<string> {
  return (await getEvent(db, id)).patientId;
}

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
import { AppError, type Refusal } from '../core/errors';
import type { TreatmentArea } from '../../../shared/sessions/treatment-terms';

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

/** The photos linked to each event, in the order they were chosen. */
async function photoLinks(db: Reader, eventIds: readonly string[]) {
  const links = new Map<string, string[]>(eventIds.map((id) => [id, []]));
  if (eventIds.length === 0) return links;
  const rows = await db
    .selectFrom('adverse_event_photo')
    .select(['adverse_event_id', 'photo_id'])
    .where('adverse_event_id', 'in', [...eventIds])
    .orderBy('seq')
    .execute();
  for (const r of rows) links.get(r.adverse_event_id)?.push(r.photo_id);
  return links;
}

async function toEvents(db: Reader, rows: readonly EventRow[]): Promise<AdverseEvent[]> {
  const links = await photoLinks(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toEvent(r, links.get(r.id) ?? []));
}

function toEvent(r: EventRow, photoIds: string[]): AdverseEvent {
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
    areas: JSON.parse(r.areas) as TreatmentArea[],
    photoIds,
  };
}

export async function adverseEventsOfSession(db: Reader, sessionId: string) {
  const rows = await baseQuery(db)
    .where('adverse_event.session_id', '=', sessionId)
    .orderBy('adverse_event.seq')
    .execute();
  return toEvents(db, rows);
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
  return toEvents(db, rows);
}

async function getEvent(db: Queryable, id: string): Promise<AdverseEvent> {
  const row = await baseQuery(db).where('adverse_event.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { key: 'errors.adverseEvents.notFound' });
  const [event] = await toEvents(db, [row]);
  return event!;
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
    throw new AppError('NOT_FOUND', { key: 'errors.sessions.notFound' });
  }
  if (input.onsetOn < session.performed_on || input.onsetOn > today) {
    const text = { key: 'errors.adverseEvents.onsetOutOfRange' } as const;
    throw new AppError('VALIDATION', text, { fields: { onsetOn: text } });
  }
  if (input.photoIds.length > 0) {
    const own = await db
      .selectFrom('photo')
      .select('id')
      .where('id', 'in', input.photoIds)
      .where('patient_id', '=', session.patient_id)
      .where('archived', '=', 0)
      .execute();
    const found = new Set(own.map((p) => p.id));
    const fields: Record<string, Refusal> = {};
    input.photoIds.forEach((photoId, i) => {
      if (!found.has(photoId))
        fields[`photoIds.${i}`] = { key: 'errors.adverseEvents.photoNotOwn' };
    });
    if (Object.keys(fields).length > 0) {
      throw new AppError('VALIDATION', { key: 'errors.adverseEvents.linkOwnPhotos' }, { fields });
    }
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
      areas: JSON.stringify(input.areas),
    })
    .execute();
  if (input.photoIds.length > 0) {
    await db
      .insertInto('adverse_event_photo')
      .values(input.photoIds.map((photoId) => ({ adverse_event_id: id, photo_id: photoId })))
      .execute();
  }
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
    throw new AppError('CONFLICT', { key: 'errors.adverseEvents.alreadyResolved' });
  }
  if (input.resolvedOn < event.onsetOn || input.resolvedOn > today) {
    const text = { key: 'errors.adverseEvents.resolvedOutOfRange' } as const;
    throw new AppError('VALIDATION', text, { fields: { resolvedOn: text } });
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

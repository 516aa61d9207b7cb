import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import { preparedQuery } from '../store/prepared';
import type { ConsentDecision, ConsentEvent } from '../../../shared/api/consents';
import type { ConsentKind } from '../../../shared/api/patients';
import { AppError } from '../core/errors';

interface ConsentInput {
  patientId: string;
  kind: ConsentKind;
  decision: ConsentDecision;
  note: string;
}

export async function insertConsentEvent(
  db: Queryable,
  input: ConsentInput,
  actorId: string,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('consent_event')
    .values({
      id,
      patient_id: input.patientId,
      kind: input.kind,
      decision: input.decision,
      note: input.note,
      recorded_at: now.toISOString(),
      recorded_by: actorId,
    })
    .execute();
  return id;
}

const consentsOfPatient = preparedQuery((db, patientId: string) =>
  db
    .selectFrom('consent_event as c')
    .innerJoin('staff_user as s', 's.id', 'c.recorded_by')
    .select(['c.id', 'c.kind', 'c.decision', 'c.note', 'c.recorded_at', 's.display_name'])
    .where('c.patient_id', '=', patientId)
    .orderBy('c.seq'),
);

export async function listConsents(
  db: Queryable,
  patientId: string,
): Promise<{ current: ConsentEvent[]; events: ConsentEvent[] }> {
  const rows = await consentsOfPatient(db, patientId);
  const events: ConsentEvent[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind as ConsentKind,
    decision: r.decision as ConsentDecision,
    note: r.note,
    recordedAt: r.recorded_at,
    recordedBy: r.display_name,
  }));
  const latest = new Map<ConsentKind, ConsentEvent>();
  for (const e of events) latest.set(e.kind, e);
  return { current: [...latest.values()], events: events.reverse() };
}

/** A new decision; withdrawing needs a consent that is currently given. */
export async function recordConsent(
  db: Queryable,
  input: ConsentInput,
  actorId: string,
  now: Date,
): Promise<ConsentEvent> {
  const { current } = await listConsents(db, input.patientId);
  const was = current.find((c) => c.kind === input.kind)?.decision;
  if (input.decision === 'withdrawn' && was !== 'given') {
    throw new AppError(
      'CONFLICT',
      { key: 'errors.consents.notGiven' },
      { fields: { decision: { key: 'errors.consents.onlyGivenWithdrawn' } } },
    );
  }
  await insertConsentEvent(db, input, actorId, now);
  const after = await listConsents(db, input.patientId);
  const event = after.current.find((c) => c.kind === input.kind);
  if (!event) throw new Error('consent event not written');
  return event;
}

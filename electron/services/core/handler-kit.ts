import type { HandlerContext } from './context';
import type { OpOutput, OpParsedInput, OperationName } from '../../../shared/api/contract';
import { AppError } from './errors';
import { localDate } from './local-date';
import { findPatientRow } from '../patients/patients';

/** One operation's service call. Validation, roles, audit and projection belong to the wrapper. */
export type Handler<N extends OperationName> = (
  ctx: HandlerContext,
  input: OpParsedInput<N>,
) => Promise<OpOutput<N>>;

/** A domain's handler table: one handler for each operation of its `shared/api` table. */
export type DomainHandlers<Ops> = { [N in keyof Ops & OperationName]: Handler<N> };

/** The signed-in user; the wrapper has already refused a call that needed one and had none. */
export function requireActor(ctx: HandlerContext) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', { key: 'errors.signInFirst' });
  return ctx.actor;
}

export const actorId = (ctx: HandlerContext): string => requireActor(ctx).id;

/** The clinic's calendar day of this call, for expiry dates and same-day rules. */
export const today = (ctx: HandlerContext): string => localDate(ctx.now);

/**
 * Names the patient in the audit event and checks they exist before anything is read or written.
 * The audit object is `objectId` when given, else whatever the handler named first, else the
 * patient.
 */
export async function forPatient(ctx: HandlerContext, patientId: string, objectId?: string) {
  ctx.subject.patientId = patientId;
  if (objectId !== undefined) ctx.subject.objectId = objectId;
  else ctx.subject.objectId ??= patientId;
  return findPatientRow(ctx.db, patientId);
}

/** Names a patient's record (a session, photo, document) and its patient in the audit event. */
export function forRecord<R extends { id: string; patient_id: string }>(
  ctx: HandlerContext,
  row: R,
) {
  ctx.subject.patientId = row.patient_id;
  ctx.subject.objectId = row.id;
  return row;
}

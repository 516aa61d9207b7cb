import type { HandlerContext } from '../context';
import { findPatientRow } from '../patients';

/**
 * Names the patient in the audit event (and as its object, unless the handler named one first)
 * and checks they exist before anything is read or written.
 */
export async function forPatient(ctx: HandlerContext, patientId: string) {
  ctx.subject.patientId = patientId;
  ctx.subject.objectId ??= patientId;
  return findPatientRow(ctx.db, patientId);
}

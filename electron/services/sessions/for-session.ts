import type { HandlerContext } from '../core/context';
import { requireSession } from './session-read';

/** Names the session and its patient in the audit event, after checking the session exists. */
export async function forSession(ctx: HandlerContext, sessionId: string) {
  const row = await requireSession(ctx.db, sessionId);
  ctx.subject.patientId = row.patient_id;
  ctx.subject.objectId = row.id;
  return row;
}

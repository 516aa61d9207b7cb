import type { HandlerContext } from '../core/context';
import { forRecord } from '../core/handler-kit';
import { requireSession } from './session-read';

/** Names the session and its patient in the audit event, after checking the session exists. */
export async function forSession(ctx: HandlerContext, sessionId: string) {
  return forRecord(ctx, await requireSession(ctx.db, sessionId));
}

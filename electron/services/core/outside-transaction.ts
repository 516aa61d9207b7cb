import type { ApiError, Result } from '../../../shared/api/result';
import { operations, type OperationName } from '../../../shared/api/contract';
import type { AppState, AuditSubject, HandlerContext } from './context';
import { AppError } from './errors';
import type { Handler } from './handler-kit';
import { projectOutput } from './projection';
import type { Actor } from '../staff/staff';

const OUTSIDE_TRANSACTION = Symbol('runs outside the transaction');

/**
 * A handler that waits on something other than the store (another server, over the network):
 * the wrapper runs it outside its transaction, so the store's connection (SQLite's one writer)
 * is not held while it waits; `ctx.db` is the store itself, each query on its own. Only for an
 * operation that writes nothing and is not audited (the wrapper runs any other in its
 * transaction as usual); long work that writes is a job instead (jobs/registry).
 */
export function outsideTransaction<N extends OperationName>(handler: Handler<N>): Handler<N> {
  return Object.assign(handler, { [OUTSIDE_TRANSACTION]: true });
}

/** Whether the wrapper runs this operation's handler outside its transaction. */
export function runsOutside(name: OperationName, handler: Handler<OperationName>): boolean {
  return operations[name].audit === null && OUTSIDE_TRANSACTION in handler;
}

/** The handler run on the store itself, its output projected onto the contract as any other's. */
export async function runOutsideTransaction(
  app: AppState,
  name: OperationName,
  handler: Handler<OperationName>,
  input: unknown,
  now: Date,
  actor: Actor | null,
): Promise<Result<unknown>> {
  const subject: AuditSubject = {};
  try {
    const ctx: HandlerContext = { db: app.store.db, now, app, actor, subject };
    const value = projectOutput(operations[name].output, await handler(ctx, input as never));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: apiErrorOf(name, error) };
  }
}

/** A service's typed error as the window gets it; anything else is a bug, logged without data. */
export function apiErrorOf(name: OperationName, error: unknown): ApiError {
  if (error instanceof AppError) return error.toApiError();
  // Only the operation and the error's kind: messages may quote patient data.
  console.error(`[mesochart] ${name} failed:`, error instanceof Error ? error.name : typeof error);
  return {
    code: 'INTERNAL',
    message: 'Something went wrong; nothing was saved',
    key: 'errors.internal',
  };
}

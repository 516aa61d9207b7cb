import type { AppState, HandlerContext } from '../core/context';
import { AppError } from '../core/errors';
import { checkServerFor } from '../keys/server-connection';
import { serverUrl } from '../store/server-check';
import { ServerMoveError } from '../store/server-move';
import type { ServerMoveInput, ServerMoveJob } from '../../../shared/api/clinic';
import type { ServerCheckAnswer } from '../../../shared/api/keys';

const KIND = 'server-move';

/**
 * "Move this clinic to a server": the target tried with the schema owner's connection. A
 * database not prepared yet is what a move wants (it prepares it); whether it holds records is
 * checked inside the move, which refuses anything but an empty one.
 */
export async function checkMoveTarget(
  ctx: HandlerContext,
  input: ServerMoveInput,
): Promise<ServerCheckAnswer> {
  if (ctx.app.store.dialect !== 'sqlite') {
    throw new AppError('CONFLICT', { key: 'errors.clinic.alreadyOnServer' });
  }
  const answer = await checkServerFor(input.server, null);
  return answer.reason === 'empty-database'
    ? { ok: true, version: null, reason: null, field: null, message: null }
    : answer;
}

/**
 * Starts the move as a background job: the screen polls it (its stage, then the checked
 * report). The launcher runs it under the clinic's keys; this computer's record is only read.
 */
export async function startServerMove(
  ctx: HandlerContext,
  input: ServerMoveInput,
): Promise<ServerMoveJob> {
  const answer = await checkMoveTarget(ctx, input);
  if (!answer.ok) {
    // The connection test's own words: the screens explain a failed test with server.failure.*.
    const field = `server.${answer.field ?? 'host'}`;
    const { host, port, database, user } = input.server;
    const text = {
      key: `server.failure.${answer.reason ?? 'failed'}`,
      params: { host, port, database, user, version: answer.version ?? '?' },
    };
    const message =
      answer.message ?? 'The server refused the connection. Check the details and try again.';
    throw new AppError('VALIDATION', message, {
      text,
      fields: { [field]: message },
      fieldKeys: { [field]: text },
    });
  }
  const keys = ctx.app.keyControl;
  if (!keys) throw new AppError('CONFLICT', { key: 'errors.clinic.keysFromTool' });
  if (ctx.app.jobs.running(KIND) > 0)
    throw new AppError('CONFLICT', { key: 'errors.clinic.moveRunning' });
  const job = ctx.app.jobs.start<ServerMoveJob>(
    KIND,
    (id) => ({
      id,
      state: 'running',
      step: 'source',
      message: null,
      messageText: null,
      report: null,
    }),
    async ({ state }) => {
      try {
        state.report = await keys.moveToServer(
          { ownerUrl: serverUrl(input.server), runtimeRole: input.runtimeRole },
          (step) => {
            state.step = step;
          },
        );
        state.state = 'done';
      } catch (error) {
        state.state = 'failed';
        // The English (with an unexpected error's own words) is the log's; the screens word
        // the catalogue text, which never passes on an unexpected error's message.
        if (error instanceof ServerMoveError) {
          state.message = error.message;
          state.messageText = error.text;
        } else {
          state.message = `The move did not finish (${error instanceof Error ? error.message : 'an internal error'}); nothing was kept on the server.`;
          state.messageText = { key: 'errors.clinic.move.failed' };
        }
      }
    },
  );
  ctx.subject.objectId = job.id;
  return { ...job.state };
}

export function serverMoveStatus(app: AppState, jobId: string): ServerMoveJob {
  const job = app.jobs.find<ServerMoveJob>(KIND, jobId);
  if (!job) throw new AppError('NOT_FOUND', { key: 'errors.clinic.noSuchMove' });
  return { ...job.state, report: job.state.report };
}

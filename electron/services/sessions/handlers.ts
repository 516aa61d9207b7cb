import type { DomainHandlers } from '../core/handler-kit';
import type { sessionsOperations } from '../../../shared/api/sessions';
import { actorId, forPatient, today } from '../core/handler-kit';
import { visitFollowsSession } from '../appointments/visit-status';
import { forSession } from './for-session';
import { getSession, listSessions } from './session-read';
import { abandonSession, addAddendum, saveDraft, signSession, startSession } from './sessions';

export const sessionsHandlers = {
  'sessions.list': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return listSessions(ctx.db, input.patientId);
  },

  'sessions.get': async (ctx, input) => {
    await forSession(ctx, input.id);
    return getSession(ctx.db, input.id);
  },

  'sessions.start': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const session = await startSession(ctx.db, ctx.app.dataDir, input, actorId(ctx), ctx.now);
    ctx.subject.objectId = session.id;
    await visitFollowsSession(ctx.db, input.patientId, today(ctx), 'started', ctx.now);
    return session;
  },

  'sessions.saveDraft': async (ctx, input) => {
    await forSession(ctx, input.id);
    return saveDraft(ctx.db, input, actorId(ctx), ctx.now);
  },

  'sessions.sign': async (ctx, input) => {
    const row = await forSession(ctx, input.id);
    const signed = await signSession(ctx.db, ctx.app.dataDir, row, input, actorId(ctx), ctx.now);
    await visitFollowsSession(ctx.db, signed.patientId, signed.performedOn, 'signed', ctx.now);
    return signed;
  },

  'sessions.abandon': async (ctx, input) => {
    await forSession(ctx, input.id);
    return abandonSession(ctx.db, input, actorId(ctx), ctx.now);
  },

  'sessions.addAddendum': async (ctx, input) => {
    await forSession(ctx, input.sessionId);
    const addendum = await addAddendum(ctx.db, input, actorId(ctx), ctx.now);
    ctx.subject.objectId = addendum.id;
    return addendum;
  },
} satisfies DomainHandlers<typeof sessionsOperations>;

import type { DomainHandlers } from '../core/handler-kit';
import type { adverseEventsOperations } from '../../../shared/api/adverse-events';
import { actorId, forPatient, today } from '../core/handler-kit';
import { forSession } from '../sessions/for-session';
import {
  adverseEventsOfPatient,
  patientOfAdverseEvent,
  recordAdverseEvent,
  resolveAdverseEvent,
} from './adverse-events';

export const adverseEventsHandlers = {
  'adverseEvents.record': async (ctx, input) => {
    await forSession(ctx, input.sessionId);
    const event = await recordAdverseEvent(ctx.db, input, actorId(ctx), ctx.now, today(ctx));
    ctx.subject.objectId = event.id;
    return event;
  },

  'adverseEvents.resolve': async (ctx, input) => {
    await forPatient(ctx, await patientOfAdverseEvent(ctx.db, input.id), input.id);
    return resolveAdverseEvent(ctx.db, input, actorId(ctx), ctx.now, today(ctx));
  },

  'adverseEvents.listOpen': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return adverseEventsOfPatient(ctx.db, input.patientId, true);
  },
} satisfies DomainHandlers<typeof adverseEventsOperations>;

import type { DomainHandlers } from '../core/handler-kit';
import type { consentsOperations } from '../../../shared/api/consents';
import { forPatient, requireActor } from '../core/handler-kit';
import { listConsents, recordConsent } from './consents';

export const consentsHandlers = {
  'consents.list': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return listConsents(ctx.db, input.patientId);
  },

  'consents.record': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const event = await recordConsent(ctx.db, input, requireActor(ctx).id, ctx.now);
    ctx.subject.objectId = event.id;
    return event;
  },
} satisfies DomainHandlers<typeof consentsOperations>;

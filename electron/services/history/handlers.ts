import type { DomainHandlers } from '../core/handler-kit';
import type { historyOperations } from '../../../shared/api/history';
import { forPatient, requireActor } from '../core/handler-kit';
import { getHistory, getHistoryVersion, submitHistory } from './medical-history';

export const historyHandlers = {
  'history.get': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return getHistory(ctx.db, input.patientId);
  },

  'history.version': async (ctx, input) => {
    ctx.subject.objectId = `${input.patientId}#${input.version}`;
    await forPatient(ctx, input.patientId);
    return getHistoryVersion(ctx.db, input.patientId, input.version);
  },

  'history.submit': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const saved = await submitHistory(ctx.db, input, requireActor(ctx).id, ctx.now);
    ctx.subject.objectId = `${input.patientId}#${saved.version}`;
    return saved;
  },
} satisfies DomainHandlers<typeof historyOperations>;

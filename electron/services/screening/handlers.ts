import type { DomainHandlers } from '../core/handler-kit';
import type { screeningOperations } from '../../../shared/api/screening';
import { readScreeningSettings, writeScreeningSettings } from './settings';
import { completeScreening, listScreenings, prefillScreening, previewScreening } from './screening';
import { actorId, forPatient } from '../core/handler-kit';
import { AppError } from '../core/errors';

export const screeningHandlers = {
  'screening.settings': (ctx) => readScreeningSettings(ctx.db),

  'screening.updateSettings': (ctx, input) => writeScreeningSettings(ctx.db, input),

  'screening.prefill': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return prefillScreening(ctx.db, input.patientId, ctx.now);
  },

  'screening.preview': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return previewScreening(ctx.db, input, ctx.now);
  },

  'screening.complete': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const record = await completeScreening(ctx.db, input, actorId(ctx), ctx.now);
    ctx.subject.objectId = record.id;
    return record;
  },

  'screening.list': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return listScreenings(ctx.db, input.patientId, input.limit);
  },

  'screening.get': async (ctx, input) => {
    await forPatient(ctx, input.patientId, input.id);
    const [check] = await listScreenings(ctx.db, input.patientId, 1, input.id);
    if (!check) {
      throw new AppError('NOT_FOUND', 'This patient has no check with that identifier', {
        text: { key: 'screeningRefusals.noSuchCheck' },
      });
    }
    return check;
  },
} satisfies DomainHandlers<typeof screeningOperations>;

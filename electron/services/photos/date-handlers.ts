import type { DomainHandlers } from '../core/handler-kit';
import type { photosOperations } from '../../../shared/api/photos';
import { forPatient, forRecord, requireActor } from '../core/handler-kit';
import { requirePhotoRow } from './photos';
import { confirmPhotoDate } from './date-confirmation';
import { readPhotoDateSettings, writePhotoDateSettings } from './photo-dates';
import { checkAlignmentPair, readAlignment, saveAlignment } from './alignment';

type DateOps = Pick<
  typeof photosOperations,
  | 'photos.confirmDate'
  | 'photos.alignment'
  | 'photos.saveAlignment'
  | 'photos.dateSettings'
  | 'photos.updateDateSettings'
>;

/** Photo dates that need a person's word, and the alignment kept with a comparison. */
export const photoDateHandlers = {
  'photos.confirmDate': async (ctx, input) => {
    forRecord(ctx, await requirePhotoRow(ctx.db, input.id));
    return confirmPhotoDate(ctx.db, input, requireActor(ctx).id, ctx.now);
  },

  'photos.alignment': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    await checkAlignmentPair(ctx.db, input.patientId, input.firstId, input.secondId);
    return readAlignment(ctx.db, input.firstId, input.secondId);
  },

  'photos.saveAlignment': async (ctx, input) => {
    await forPatient(ctx, input.patientId, input.secondId);
    await checkAlignmentPair(ctx.db, input.patientId, input.firstId, input.secondId);
    return saveAlignment(ctx.db, input, requireActor(ctx).id, ctx.now);
  },

  'photos.dateSettings': (ctx) => readPhotoDateSettings(ctx.db),

  'photos.updateDateSettings': (ctx, input) => writePhotoDateSettings(ctx.db, input),
} satisfies DomainHandlers<DateOps>;

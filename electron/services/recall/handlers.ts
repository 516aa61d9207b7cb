import type { DomainHandlers } from '../core/handler-kit';
import type { recallOperations } from '../../../shared/api/recall';
import { today } from '../core/handler-kit';
import { recallCsv, recallFileName, recallLot } from './lot-recall';
import { dueCourses } from './due-courses';

export const recallHandlers = {
  'recall.due': (ctx, input) => dueCourses(ctx.db, input, today(ctx)),

  'recall.search': (ctx, input) => {
    // The lot number, not a patient, is what the recall is about.
    ctx.subject.objectId = input.lotNumber.trim();
    return recallLot(ctx.db, input.lotNumber);
  },

  'recall.export': async (ctx, input) => {
    ctx.subject.objectId = input.lotNumber.trim();
    const { rows } = await recallLot(ctx.db, input.lotNumber);
    return { fileName: recallFileName(input.lotNumber, today(ctx)), csv: recallCsv(rows) };
  },
} satisfies DomainHandlers<typeof recallOperations>;

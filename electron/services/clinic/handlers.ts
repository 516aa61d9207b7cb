import { requireActor, type DomainHandlers } from '../core/handler-kit';
import { outsideTransaction } from '../core/outside-transaction';
import type { clinicOperations } from '../../../shared/api/clinic';
import { requireSettings, writeSettings } from './clinic-settings';
import { dismissFirstSteps, readFirstSteps } from './first-steps';
import { checkMoveTarget, serverMoveStatus, startServerMove } from './server-move-job';

export const clinicHandlers = {
  'clinic.settings': (ctx) => requireSettings(ctx.db),

  'clinic.updateSettings': async (ctx, input) => {
    await writeSettings(ctx.db, input);
    ctx.app.settings = await requireSettings(ctx.db);
    return ctx.app.settings;
  },

  'clinic.firstSteps': (ctx) => readFirstSteps(ctx.db),

  'clinic.dismissFirstSteps': (ctx) => dismissFirstSteps(ctx.db, requireActor(ctx).id, ctx.now),

  // Waits on the target server (up to the connect timeout): never while holding the store.
  'clinic.checkServer': outsideTransaction<'clinic.checkServer'>((ctx, input) =>
    checkMoveTarget(ctx, input),
  ),

  'clinic.moveToServer': (ctx, input) => startServerMove(ctx, input),

  'clinic.moveJob': (ctx, input) => Promise.resolve(serverMoveStatus(ctx.app, input.jobId)),
} satisfies DomainHandlers<typeof clinicOperations>;

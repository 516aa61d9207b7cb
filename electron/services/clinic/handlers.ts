import type { DomainHandlers } from '../core/handler-kit';
import type { clinicOperations } from '../../../shared/api/clinic';
import { requireSettings, writeSettings } from './clinic-settings';

export const clinicHandlers = {
  'clinic.settings': (ctx) => requireSettings(ctx.db),

  'clinic.updateSettings': async (ctx, input) => {
    await writeSettings(ctx.db, input);
    ctx.app.settings = await requireSettings(ctx.db);
    return ctx.app.settings;
  },
} satisfies DomainHandlers<typeof clinicOperations>;

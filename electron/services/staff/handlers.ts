import type { DomainHandlers } from '../core/handler-kit';
import type { staffOperations } from '../../../shared/api/staff';
import { requireActor } from '../core/handler-kit';
import {
  changeOwnPassword,
  createStaff,
  listStaff,
  resetStaffPassword,
  updateStaff,
} from './staff';

export const staffHandlers = {
  'staff.list': (ctx) => listStaff(ctx.db),

  'staff.create': async (ctx, input) => {
    const user = await createStaff(ctx.db, input, ctx.now);
    ctx.subject.objectId = user.id;
    return user;
  },

  'staff.update': async (ctx, input) => {
    ctx.subject.objectId = input.id;
    return updateStaff(ctx.db, requireActor(ctx).id, input, ctx.now);
  },

  'staff.resetPassword': async (ctx, input) => {
    ctx.subject.objectId = input.id;
    return resetStaffPassword(ctx.db, input, ctx.now);
  },

  'staff.changeOwnPassword': async (ctx, input) => {
    const { id } = requireActor(ctx);
    ctx.subject.objectId = id;
    return changeOwnPassword(ctx.db, id, input, ctx.now);
  },
} satisfies DomainHandlers<typeof staffOperations>;

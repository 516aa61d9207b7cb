import type { DomainHandlers } from '../core/handler-kit';
import type { staffOperations } from '../../../shared/api/staff';
import { requireActor } from '../core/handler-kit';
import { AppError } from '../core/errors';
import {
  changeOwnPassword,
  createStaff,
  listStaff,
  findStaffById,
  resetStaffPassword,
  setOwnLanguage,
  toStaffUser,
  updateOwnProfile,
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

  'staff.ownProfile': async (ctx) => {
    const { id } = requireActor(ctx);
    ctx.subject.objectId = id;
    const row = await findStaffById(ctx.db, id);
    if (!row) throw new AppError('NOT_FOUND', { key: 'errors.staff.noSuchAccount' });
    return toStaffUser(row);
  },

  'staff.updateOwnProfile': async (ctx, input) => {
    const { id } = requireActor(ctx);
    ctx.subject.objectId = id;
    return updateOwnProfile(ctx.db, id, input, ctx.now);
  },

  'staff.setOwnLanguage': async (ctx, input) => {
    const { id } = requireActor(ctx);
    ctx.subject.objectId = id;
    return setOwnLanguage(ctx.db, id, input.language, ctx.now);
  },

  'staff.changeOwnPassword': async (ctx, input) => {
    const { id } = requireActor(ctx);
    ctx.subject.objectId = id;
    return changeOwnPassword(ctx.db, id, input, ctx.now);
  },
} satisfies DomainHandlers<typeof staffOperations>;

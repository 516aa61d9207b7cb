import type { DomainHandlers } from '../core/handler-kit';
import type { authOperations } from '../../../shared/api/auth';
import { AppError } from '../core/errors';
import { signIn, unlock } from './sign-in';
import { asActor, sessionState } from './session-state';
import { requireSettings, writeSettings } from '../clinic/clinic-settings';
import { countStaff, createStaff, findStaffByUsername } from '../staff/staff';
import { auditedTypedName } from './typed-name';
import { handTablet, resumeStaff } from './tablet';
import { holdDrafts, takeDrafts } from './lock-drafts';

export const authHandlers = {
  'auth.state': (ctx) => sessionState(ctx),

  'auth.setup': async (ctx, input) => {
    // Setup is public only while the clinic has no accounts at all.
    if ((await countStaff(ctx.db)) > 0) {
      throw new AppError('CONFLICT', { key: 'errors.auth.alreadySetUp' });
    }
    await writeSettings(ctx.db, { clinic: input.clinic });
    const admin = await createStaff(ctx.db, { ...input.admin, role: 'admin' }, ctx.now);
    ctx.app.settings = await requireSettings(ctx.db);
    Object.assign(ctx.app.session, {
      userId: admin.id,
      locked: false,
      lastActivityMs: ctx.now.getTime(),
    });
    ctx.subject.actor = { userId: admin.id, username: admin.username, role: admin.role };
    ctx.subject.objectId = admin.id;
    return sessionState(ctx);
  },

  'auth.signIn': async (ctx, input) => {
    const known = await findStaffByUsername(ctx.db, input.username);
    ctx.subject.actor = {
      userId: null,
      username: auditedTypedName(ctx.app.auditKey, input.username, known !== undefined),
      role: null,
    };
    const row = await signIn(ctx.db, ctx.app.session, input, ctx.now);
    ctx.subject.actor = asActor(row);
    return sessionState(ctx);
  },

  'auth.signOut': async (ctx) => {
    Object.assign(ctx.app.session, { userId: null, locked: false, lastActivityMs: 0 });
    return sessionState(ctx);
  },

  'auth.lock': async (ctx, input) => {
    holdDrafts(ctx.app.session, input.drafts ?? []);
    ctx.app.session.locked = true;
    return sessionState(ctx);
  },

  'auth.takeDrafts': async (ctx) => ({ drafts: takeDrafts(ctx.app.session) }),

  'auth.unlock': async (ctx, input) => {
    const row = await unlock(ctx.db, ctx.app.session, input.password, ctx.now);
    ctx.subject.actor = asActor(row);
    return sessionState(ctx);
  },

  'auth.heartbeat': async () => ({ done: true }),

  'auth.handTablet': (ctx, input) => handTablet(ctx, input),

  'auth.resumeStaff': (ctx, input) => resumeStaff(ctx, input),
} satisfies DomainHandlers<typeof authOperations>;

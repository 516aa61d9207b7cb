import type { DomainHandlers } from '../core/handler-kit';
import type { HandlerContext, KeyControl } from '../core/context';
import type { KeysStatus, keysOperations } from '../../../shared/api/keys';
import { AppError } from '../core/errors';
import { saveRecoverySheet } from './recovery-sheet';

/** Services opened with keys passed in (tools, unit tests): open, nothing pending. */
const PASSED_IN: KeysStatus = {
  state: 'open',
  method: 'keychain',
  message: null,
  recoveryKeyPending: false,
  server: null,
};

function control(ctx: HandlerContext): KeyControl {
  const keys = ctx.app.keyControl;
  if (!keys) throw new AppError('CONFLICT', { key: 'errors.clinic.keysFromTool' });
  return keys;
}

/**
 * The pending recovery key goes to whoever set the clinic up (before setup nobody can sign in)
 * and, once a clinic exists, to an admin only: never to the sign-in screen or other staff.
 */
function pending(ctx: HandlerContext): string {
  if (ctx.app.settings !== null && ctx.actor?.role !== 'admin') {
    throw new AppError('FORBIDDEN', { key: 'errors.keys.adminOnlyKey' });
  }
  const key = control(ctx).pendingRecoveryKey();
  if (!key) {
    throw new AppError('NOT_FOUND', { key: 'errors.keys.shownOnce' });
  }
  return key;
}

/** Opening, creating and recovering happen before the services exist: the launcher answers them. */
const opened = () => Promise.reject(new AppError('CONFLICT', { key: 'errors.keys.alreadyOpen' }));

export const keysHandlers = {
  'keys.status': (ctx) => Promise.resolve(ctx.app.keyControl?.status() ?? PASSED_IN),
  'keys.create': opened,
  'keys.unlock': opened,
  'keys.recover': opened,
  // Answered by the launcher, only while this computer's clinic is not set up yet.
  'keys.checkServer': () =>
    Promise.reject(new AppError('CONFLICT', { key: 'errors.keys.alreadyWorks' })),
  'keys.connectServer': () =>
    Promise.reject(new AppError('CONFLICT', { key: 'errors.keys.alreadyWorks' })),
  // Open already: nothing to try again (the launcher answers it while the server is awaited).
  'keys.retryServer': (ctx) => Promise.resolve(ctx.app.keyControl?.status() ?? PASSED_IN),
  'keys.recoveryKey': (ctx) => Promise.resolve({ recoveryKey: pending(ctx) }),
  'keys.saveRecoverySheet': (ctx, input) =>
    saveRecoverySheet(
      ctx,
      pending(ctx),
      ctx.app.fileTokens.takeOne('save-pdf', input.target, 'target'),
    ),
  'keys.confirmRecoveryKey': (ctx) => {
    const keys = ctx.app.keyControl;
    if (!keys) return Promise.resolve(PASSED_IN);
    if (ctx.app.settings !== null && ctx.actor?.role !== 'admin') {
      throw new AppError('FORBIDDEN', { key: 'errors.keys.adminOnlyConfirm' });
    }
    keys.confirmRecoveryKey();
    return Promise.resolve(keys.status());
  },
  'keys.newRecoveryKey': async (ctx) => {
    const keys = control(ctx);
    await keys.newRecoveryKey();
    return keys.status();
  },
} satisfies DomainHandlers<typeof keysOperations>;

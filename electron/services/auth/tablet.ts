import type { HandlerContext } from '../core/context';
import type { SessionState } from '../../../shared/api/auth';
import { AppError } from '../core/errors';
import { forPatient } from '../core/handler-kit';
import { authenticate } from './sign-in';
import { asActor, sessionState } from './session-state';
import { auditedTypedName } from './typed-name';
import { findStaffByUsername } from '../staff/staff';

/**
 * Hands the tablet to a patient: the staff session locks behind it and, until a member of staff
 * takes it back with their password, the wrapper lets through only this patient's questionnaire
 * and consent signing (patient-mode.ts). The window follows the state, not its address, so a
 * back button or a reload lands on the tablet screen again.
 */
export async function handTablet(
  ctx: HandlerContext,
  input: { patientId: string },
): Promise<SessionState> {
  await forPatient(ctx, input.patientId);
  Object.assign(ctx.app.session, {
    locked: true,
    patientMode: { patientId: input.patientId },
  });
  return sessionState(ctx);
}

/**
 * Takes the tablet back: any active member of staff, with their own name and password (throttled
 * and audited like a sign-in). The session continues as the one who took it back.
 */
export async function resumeStaff(
  ctx: HandlerContext,
  input: { username: string; password: string },
): Promise<SessionState> {
  const { session } = ctx.app;
  if (!session.patientMode) {
    throw new AppError('CONFLICT', 'The tablet is not with a patient');
  }
  ctx.subject.patientId = session.patientMode.patientId;
  const known = await findStaffByUsername(ctx.db, input.username);
  ctx.subject.actor = {
    userId: null,
    username: auditedTypedName(ctx.app.auditKey, input.username, known !== undefined),
    role: null,
  };
  const row = await authenticate(ctx.db, input.username, input.password, ctx.now);
  ctx.subject.actor = asActor(row);
  Object.assign(session, {
    userId: row.id,
    locked: false,
    patientMode: null,
    lastActivityMs: ctx.now.getTime(),
  });
  return sessionState(ctx);
}

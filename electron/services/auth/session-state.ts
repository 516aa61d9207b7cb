import type { HandlerContext } from '../core/context';
import type { SessionState } from '../../../shared/api/auth';
import type { Role } from '../../../shared/api/roles';
import { countStaff, findStaffById, toStaffUser } from '../staff/staff';
import { tabletLanguage } from './tablet-language';

/** What the window needs to know to show setup, sign-in, the lock screen or the app. */
export async function sessionState(ctx: HandlerContext): Promise<SessionState> {
  const { session, settings } = ctx.app;
  const user = session.userId ? await findStaffById(ctx.db, session.userId) : undefined;
  return {
    needsSetup: (await countStaff(ctx.db)) === 0,
    clinicName: settings?.clinic.name ?? null,
    user: user && user.active === 1 ? toStaffUser(user) : null,
    locked: session.locked,
    idleLockMinutes: settings?.idleLockMinutes ?? 10,
    clinicLanguage: settings?.uiLanguage ?? 'en',
    patientMode: await patientModeState(ctx),
  };
}

/** The tablet's patient and the first name its screen greets them with. */
async function patientModeState(ctx: HandlerContext): Promise<SessionState['patientMode']> {
  const mode = ctx.app.session.patientMode;
  if (!mode) return null;
  const row = await ctx.db
    .selectFrom('patient')
    .select('given_name')
    .where('id', '=', mode.patientId)
    .executeTakeFirst();
  return {
    patientId: mode.patientId,
    givenName: row?.given_name ?? '',
    consentId: mode.consentId,
    language: await tabletLanguage(ctx, mode.patientId),
  };
}

/** The audit event's actor for a staff row just signed in or unlocked. */
export function asActor(row: { id: string; username: string; role: string }) {
  return { userId: row.id, username: row.username, role: row.role as Role };
}

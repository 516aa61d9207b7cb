import type { HandlerContext } from '../core/context';
import type { SessionState } from '../../../shared/api/auth';
import { AppError, type Refusal } from '../core/errors';
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
  input: { patientId: string; consentId?: string | undefined },
): Promise<SessionState> {
  await forPatient(ctx, input.patientId);
  if (input.consentId !== undefined) await handedConsent(ctx, input.patientId, input.consentId);
  Object.assign(ctx.app.session, {
    locked: true,
    patientMode: { patientId: input.patientId, consentId: input.consentId ?? null },
  });
  return sessionState(ctx);
}

/** A consent handed over must be this patient's, unsigned, and not yet signed by them. */
async function handedConsent(ctx: HandlerContext, patientId: string, consentId: string) {
  const refuse = (key: Refusal['key']) =>
    new AppError('CONFLICT', { key }, { fields: { consentId: { key } } });
  const row = await ctx.db
    .selectFrom('document')
    .leftJoin('consent_patient_part', 'consent_patient_part.document_id', 'document.id')
    .select(['document.patient_id', 'document.kind', 'document.status', 'consent_patient_part.seq'])
    .where('document.id', '=', consentId)
    .executeTakeFirst();
  if (!row || row.patient_id !== patientId || row.kind !== 'consent') {
    throw refuse('errors.auth.tabletNotThisPatientsConsent');
  }
  if (row.status !== 'generated') throw refuse('errors.auth.tabletConsentNotWaiting');
  if (row.seq !== null) throw refuse('errors.documents.patientAlreadySigned');
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
    throw new AppError('CONFLICT', { key: 'errors.auth.tabletNotWithPatient' });
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

import type { HandlerContext } from './context';
import type { OpOutput, OpParsedInput, OperationName } from '../../shared/api/contract';
import type { SessionState } from '../../shared/api/domains/auth';
import type { Role } from '../../shared/api/roles';
import { AppError } from './errors';
import { signIn, unlock } from './auth';
import { listAudit, verifyAudit } from './audit';
import { requireSettings, writeSettings } from './settings';
import {
  countStaff,
  createStaff,
  findStaffById,
  listStaff,
  resetStaffPassword,
  toStaffUser,
  updateStaff,
} from './staff';
import {
  createPatient,
  listPatientChanges,
  readPatientSettings,
  setArchived,
  toPatient,
  updatePatient,
  writePatientSettings,
} from './patients';
import { findDuplicates, searchPatients } from './patient-search';
import { getHistory, getHistoryVersion, latestHistory, submitHistory } from './medical-history';
import { listConsents, recordConsent } from './patient-consents';
import { historyAlerts } from '../../shared/api/domains/medical-history';
import { treatmentHandlers } from './handlers/treatments';
import { documentHandlers } from './handlers/documents';
import { photoHandlers } from './handlers/photos';
import { screeningHandlers } from './handlers/screening';
import { backupHandlers } from './handlers/backup';
import { chartHandlers } from './handlers/chart';
import { forPatient } from './handlers/subject';

export type Handler<N extends OperationName> = (
  ctx: HandlerContext,
  input: OpParsedInput<N>,
) => Promise<OpOutput<N>>;

type HandlerTable = { [N in OperationName]: Handler<N> };

function requireActor(ctx: HandlerContext) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return ctx.actor;
}

export async function sessionState(ctx: HandlerContext): Promise<SessionState> {
  const { session, settings } = ctx.app;
  const user = session.userId ? await findStaffById(ctx.db, session.userId) : undefined;
  return {
    needsSetup: (await countStaff(ctx.db)) === 0,
    clinicName: settings?.clinic.name ?? null,
    user: user && user.active === 1 ? toStaffUser(user) : null,
    locked: session.locked,
    idleLockMinutes: settings?.idleLockMinutes ?? 10,
  };
}

function asActor(row: { id: string; username: string; role: string }) {
  return { userId: row.id, username: row.username, role: row.role as Role };
}

/**
 * One handler per operation in the contract; the compiler refuses a contract entry without one.
 * Validation, role checks and auditing are done by the wrapper, never here.
 */
export const handlers: HandlerTable = {
  'auth.state': (ctx) => sessionState(ctx),

  'auth.setup': async (ctx, input) => {
    // Setup is public only while the clinic has no accounts at all.
    if ((await countStaff(ctx.db)) > 0) {
      throw new AppError('CONFLICT', 'This clinic is already set up');
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
    ctx.subject.actor = { userId: null, username: input.username.trim().toLowerCase(), role: null };
    const row = await signIn(ctx.db, ctx.app.session, input, ctx.now);
    ctx.subject.actor = asActor(row);
    return sessionState(ctx);
  },

  'auth.signOut': async (ctx) => {
    Object.assign(ctx.app.session, { userId: null, locked: false, lastActivityMs: 0 });
    return sessionState(ctx);
  },

  'auth.lock': async (ctx) => {
    ctx.app.session.locked = true;
    return sessionState(ctx);
  },

  'auth.unlock': async (ctx, input) => {
    const row = await unlock(ctx.db, ctx.app.session, input.password, ctx.now);
    ctx.subject.actor = asActor(row);
    return sessionState(ctx);
  },

  'auth.heartbeat': async () => ({ done: true }),

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
    await resetStaffPassword(ctx.db, input, ctx.now);
    return { done: true };
  },

  'clinic.settings': (ctx) => requireSettings(ctx.db),

  'clinic.updateSettings': async (ctx, input) => {
    await writeSettings(ctx.db, input);
    ctx.app.settings = await requireSettings(ctx.db);
    return ctx.app.settings;
  },

  'audit.list': (ctx, input) => listAudit(ctx.db, input),

  'audit.verify': (ctx) => verifyAudit(ctx.db, ctx.app.auditKey),

  'patients.search': (ctx, input) => searchPatients(ctx.db, input),

  'patients.duplicates': (ctx, input) => findDuplicates(ctx.db, input),

  'patients.create': async (ctx, input) => {
    const patient = await createPatient(ctx.db, input, requireActor(ctx).id, ctx.now);
    ctx.subject.patientId = patient.id;
    ctx.subject.objectId = patient.id;
    return patient;
  },

  'patients.get': async (ctx, input) => {
    const row = await forPatient(ctx, input.id);
    const history = await latestHistory(ctx.db, row.id);
    return {
      patient: toPatient(row),
      alerts: historyAlerts(history?.answers ?? null),
      historyVersion: history?.version ?? null,
    };
  },

  'patients.update': async (ctx, input) => {
    await forPatient(ctx, input.id);
    return updatePatient(ctx.db, input, requireActor(ctx).id, ctx.now);
  },

  'patients.archive': async (ctx, input) => {
    await forPatient(ctx, input.id);
    return setArchived(ctx.db, input, requireActor(ctx).id, ctx.now);
  },

  'patients.changes': async (ctx, input) => {
    await forPatient(ctx, input.id);
    return listPatientChanges(ctx.db, input.id);
  },

  'patients.settings': (ctx) => readPatientSettings(ctx.db),

  'patients.updateSettings': (ctx, input) => writePatientSettings(ctx.db, input),

  'history.get': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return getHistory(ctx.db, input.patientId);
  },

  'history.version': async (ctx, input) => {
    ctx.subject.objectId = `${input.patientId}#${input.version}`;
    await forPatient(ctx, input.patientId);
    return getHistoryVersion(ctx.db, input.patientId, input.version);
  },

  'history.submit': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const saved = await submitHistory(ctx.db, input, requireActor(ctx).id, ctx.now);
    ctx.subject.objectId = `${input.patientId}#${saved.version}`;
    return saved;
  },

  'consents.list': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return listConsents(ctx.db, input.patientId);
  },

  'consents.record': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const event = await recordConsent(ctx.db, input, requireActor(ctx).id, ctx.now);
    ctx.subject.objectId = event.id;
    return event;
  },
  ...treatmentHandlers,
  ...photoHandlers,
  ...documentHandlers,
  ...screeningHandlers,
  ...backupHandlers,
  ...chartHandlers,
};

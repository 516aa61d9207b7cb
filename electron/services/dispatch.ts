import type { z } from 'zod';
import type { AppState, AuditSubject, HandlerContext } from './core/context';
import type { ApiError, ErrorText, Result } from '../../shared/api/result';
import { textOfMessage } from '../../shared/api/field-text';
import type { Role } from '../../shared/api/roles';
import { roleMayCall } from '../../shared/api/roles';
import {
  DEFAULT_MAX_INPUT_BYTES,
  isOperationName,
  operations,
  type OperationName,
} from '../../shared/api/contract';
import { AppError } from './core/errors';
import { ServerUnreachableError } from './store/server-guard';
import { projectOutput } from './core/projection';
import { appendAudit, type AuditEntry } from './audit/audit-log';
import { auditEntry } from './audit/audit-entry';
import { sealedContentHash } from './audit/sealed-records';
import { findActor, type Actor } from './staff/staff';
import { allowedBeforePasswordChange, PASSWORD_CHANGE_MESSAGE } from './auth/forced-change';
import { handlers } from './handlers';
import type { Handler } from './core/handler-kit';
import { apiErrorOf, runOutsideTransaction, runsOutside } from './core/outside-transaction';
import { patientModeAllows, patientModeCovers, type PatientMode } from './auth/patient-mode';

/** Where a call came from: in the app, the IPC event's sending frame. */
export interface Sender {
  url: string;
  isMainFrame: boolean;
}

/** Told to the user when the audit log cannot be written (a full disk): no work goes unrecorded. */
const AUDIT_UNAVAILABLE =
  'The audit log could not be saved (is the disk full?); nothing was done. Free some space and try again';

/** The wrapper's own refusals, each with its catalogue key (renderer i18n, errors.*). */
const wrapperKeys: Partial<Record<string, string>> = {
  [AUDIT_UNAVAILABLE]: 'errors.auditUnavailable',
  'This request did not come from the Mesochart window': 'errors.badSender',
  'Unknown operation': 'errors.unknownOperation',
  'The request could not be read': 'errors.unreadable',
  'The request is too large': 'errors.tooLarge',
  'Sign in first': 'errors.signInFirst',
  'The screen is locked': 'errors.locked',
  'Your role does not allow this': 'errors.forbidden',
  'Some fields need attention': 'errors.fieldsNeedAttention',
  'Something went wrong; nothing was saved': 'errors.internal',
  [PASSWORD_CHANGE_MESSAGE]: 'errors.passwordChangeRequired',
  'The tablet is with the patient: a member of staff must enter their password first':
    'errors.patientMode',
};

function fail(
  code: ApiError['code'],
  message: string,
  fields?: Record<string, string>,
): Result<never> {
  const key = wrapperKeys[message];
  return {
    ok: false,
    error: { code, message, ...(fields ? { fields } : {}), ...(key ? { key } : {}) },
  };
}

// The window's address changes rarely and every call checks it: the last one parsed is kept.
let lastSenderUrl: string | null = null;
let lastSenderOrigin: string | null = null;

function originOf(url: string): string | null {
  if (url === lastSenderUrl) return lastSenderOrigin;
  let origin: string | null = null;
  try {
    const u = new URL(url);
    // Custom schemes have an opaque origin in WHATWG URL, so compare scheme and host directly.
    origin = `${u.protocol}//${u.host}`;
  } catch {
    origin = null;
  }
  lastSenderUrl = url;
  lastSenderOrigin = origin;
  return origin;
}

function inputSize(raw: unknown): number | null {
  try {
    return Buffer.byteLength(JSON.stringify(raw) ?? '', 'utf8');
  } catch {
    return null;
  }
}

/**
 * The input's problems by field: the English message, and its catalogue key and values where the
 * schema gave it one (every message of the shared schemas has), so the screens word it in their
 * reader's language.
 */
function invalidInput(error: z.ZodError): Result<never> {
  const fields: Record<string, string> = {};
  const fieldKeys: Record<string, ErrorText> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (path in fields) continue;
    fields[path] = issue.message;
    const text = textOfMessage(issue.message);
    if (text) fieldKeys[path] = text;
  }
  const refusal = fail('VALIDATION', 'Some fields need attention', fields);
  if (refusal.ok || Object.keys(fieldKeys).length === 0) return refusal;
  return { ok: false, error: { ...refusal.error, fieldKeys } };
}

/**
 * The one wrapper every operation goes through: sender check, size and shape of the input, the
 * signed-in user's role, the service in one transaction with its audit event, and the output
 * projected onto the contract so nothing outside it (a password hash) can leak.
 */
export async function dispatch(
  app: AppState,
  sender: Sender,
  name: unknown,
  raw: unknown,
): Promise<Result<unknown>> {
  try {
    return await checkAndRun(app, sender, name, raw);
  } catch (error) {
    // The reads before the operation's own transaction (who is signed in) need the server too.
    if (error instanceof ServerUnreachableError) return { ok: false, error: error.toApiError() };
    throw error;
  }
}

/**
 * The audit log could not be written first: on a clinic server out of reach, say so (the events
 * wait and are written when it returns); otherwise the disk is full.
 */
function auditUnavailable(app: AppState): Result<never> {
  if (app.store.server?.reachable === false) {
    return { ok: false, error: new ServerUnreachableError().toApiError() };
  }
  return fail('INTERNAL', AUDIT_UNAVAILABLE);
}

async function checkAndRun(
  app: AppState,
  sender: Sender,
  name: unknown,
  raw: unknown,
): Promise<Result<unknown>> {
  if (!sender.isMainFrame || originOf(sender.url) !== app.trustedOrigin) {
    return fail('BAD_SENDER', 'This request did not come from the Mesochart window');
  }
  if (!isOperationName(name)) return fail('UNKNOWN_OPERATION', 'Unknown operation');
  const def = operations[name];
  const size = inputSize(raw);
  if (size === null) return fail('VALIDATION', 'The request could not be read');
  if (size > (def.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES)) {
    return fail('TOO_LARGE', 'The request is too large');
  }
  // Who may call comes before what was sent: a role that may not call an operation learns
  // nothing about its input rules, and the refusal is the same whatever the input.
  const now = app.clock();
  const lockedBefore = app.session.locked;
  const actor = await currentActor(app, now);
  const mode = app.session.patientMode;
  if (mode && !patientModeAllows(name)) return refuseInPatientMode(app, name, now, actor, mode);
  if (def.access !== 'public') {
    if (!actor) return fail('UNAUTHENTICATED', 'Sign in first');
    // The window's own idle lock reaches here just as the idle period runs out, when this call
    // has only now locked the session: it is let through so the unsaved forms it carries are kept.
    const ownIdleLock = name === 'auth.lock' && !lockedBefore;
    // While the patient holds the tablet the staff session is locked; the calls the tablet may
    // make were let through above and are held to the patient below.
    if (app.session.locked && !ownIdleLock && !mode) {
      return fail('LOCKED', 'The screen is locked');
    }
    if (!roleMayCall(def.access, actor.role as Role)) {
      await auditOutside(app, name, now, actor, {}, 'denied', 'FORBIDDEN');
      return fail('FORBIDDEN', 'Your role does not allow this');
    }
  }
  if (actor?.must_change_password === 1 && !allowedBeforePasswordChange(name)) {
    await auditOutside(app, name, now, actor, {}, 'denied', 'PASSWORD_CHANGE_REQUIRED');
    return fail('PASSWORD_CHANGE_REQUIRED', PASSWORD_CHANGE_MESSAGE);
  }
  const parsed = def.input.safeParse(raw);
  if (!parsed.success) {
    return invalidInput(parsed.error);
  }
  if (mode && !(await patientModeCovers(app.store.db, mode, name, parsed.data as never))) {
    return refuseInPatientMode(app, name, now, actor, mode);
  }
  if (def.access !== 'public') app.session.lastActivityMs = now.getTime();
  return run(app, name, parsed.data, now, actor);
}

/**
 * A call the tablet may not make (another operation, or another patient's record): refused with
 * its own code and always audited, also for operations that are not otherwise audited, since it
 * is someone trying to get past the patient screen.
 */
async function refuseInPatientMode(
  app: AppState,
  name: OperationName,
  now: Date,
  actor: Actor | null,
  mode: PatientMode,
): Promise<Result<never>> {
  await auditOutside(
    app,
    name,
    now,
    actor,
    { patientId: mode.patientId },
    'denied',
    'PATIENT_MODE',
    {
      action: operations[name].audit?.action ?? 'execute',
      objectType: 'patient-mode',
    },
  );
  return fail(
    'PATIENT_MODE',
    'The tablet is with the patient: a member of staff must enter their password first',
  );
}

/** The signed-in user, re-read on every call so deactivation and role changes apply at once. */
async function currentActor(app: AppState, now: Date): Promise<Actor | null> {
  const { session } = app;
  if (!session.userId) return null;
  const row = await findActor(app.store.db, session.userId);
  if (!row || row.active !== 1) {
    // A tablet in the patient's hands stays held: only a staff password ends patient mode.
    Object.assign(session, {
      userId: null,
      locked: session.patientMode !== null,
      lastActivityMs: 0,
    });
    return null;
  }
  const idleMs = (app.settings?.idleLockMinutes ?? 10) * 60_000;
  if (!session.locked && now.getTime() - session.lastActivityMs > idleMs) {
    // The renderer locks itself on idle too; this makes the lock hold even if it did not.
    session.locked = true;
  }
  return row;
}

async function run(
  app: AppState,
  name: OperationName,
  input: unknown,
  now: Date,
  actor: Actor | null,
): Promise<Result<unknown>> {
  const def = operations[name];
  const handler = handlers[name] as Handler<OperationName>;
  const subject: AuditSubject = {};
  // A wait on the network (a server being tested): the store stays free for everyone else.
  if (runsOutside(name, handler))
    return runOutsideTransaction(app, name, handler, input, now, actor);
  // The audit log's own operations see every queued event.
  const readsAuditLog = name.startsWith('audit.');
  if (def.audit?.action === 'read' && !readsAuditLog) {
    return runBatched(app, name, input, now, actor, subject);
  }
  // Queued events go first, so the chain keeps the order in which calls were made.
  if ((def.audit || readsAuditLog) && !(await flushQueue(app))) {
    await auditOutside(app, name, now, actor, subject, 'failed', 'INTERNAL');
    return auditUnavailable(app);
  }
  try {
    const outcome = await app.store.transaction(async (db) => {
      const ctx: HandlerContext = { db, now, app, actor, subject };
      try {
        const value = projectOutput(def.output, await handler(ctx, input as never));
        if (def.audit) {
          const entry = auditEntry(name, now, actor, subject, 'success', null);
          // A record made final by this call (a signed note) is sealed into its event.
          entry.contentHash = await sealedContentHash(
            db,
            app.auditKey,
            entry.objectType,
            entry.objectId,
          );
          await appendAudit(db, app.auditKey, entry);
        }
        return { ok: true as const, value };
      } catch (error) {
        // Kept writes (a counted failed sign-in) commit together with their audit event.
        if (error instanceof AppError && error.keepWrites) {
          if (def.audit) {
            await appendAudit(
              db,
              app.auditKey,
              auditEntry(name, now, actor, subject, 'failed', error.code),
            );
          }
          return { ok: false as const, error: error.toApiError() };
        }
        throw error;
      }
    });
    if (outcome.ok && def.audit && def.audit.action !== 'read') {
      // Committed: the open windows refresh what this write touched.
      app.changes.emit({
        domains: [name.slice(0, name.indexOf('.'))],
        patientIds: subject.patientId ? [subject.patientId] : [],
      });
    }
    return outcome;
  } catch (error) {
    const apiError = apiErrorOf(name, error);
    await auditOutside(app, name, now, actor, subject, 'failed', apiError.code);
    return { ok: false, error: apiError };
  }
}

/**
 * A read whose audit event is queued rather than written in its own transaction: the search box
 * calls it on every keystroke and a chart opens with several reads, and a disk flush for each
 * would make both lag. The read itself still runs in one transaction, for a consistent view.
 */
async function runBatched(
  app: AppState,
  name: OperationName,
  input: unknown,
  now: Date,
  actor: Actor | null,
  subject: AuditSubject,
): Promise<Result<unknown>> {
  const def = operations[name];
  const handler = handlers[name] as Handler<OperationName>;
  // While earlier events cannot be written, a read would go unrecorded: refuse it (and queue
  // the refusal) until the queue is written again.
  if (app.auditQueue.failing && !(await flushQueue(app))) {
    app.auditQueue.add(auditEntry(name, now, actor, subject, 'failed', 'INTERNAL'));
    return auditUnavailable(app);
  }
  try {
    const value = await app.store.transaction(async (db) =>
      projectOutput(def.output, await handler({ db, now, app, actor, subject }, input as never)),
    );
    app.auditQueue.add(auditEntry(name, now, actor, subject, 'success', null));
    return { ok: true, value };
  } catch (error) {
    const apiError =
      error instanceof AppError
        ? error.toApiError()
        : {
            code: 'INTERNAL' as const,
            message: 'Something went wrong; nothing was saved',
            key: 'errors.internal',
          };
    app.auditQueue.add(auditEntry(name, now, actor, subject, 'failed', apiError.code));
    return { ok: false, error: apiError };
  }
}

/** Writes the queued events first; false when they could not be written (they stay queued). */
async function flushQueue(app: AppState): Promise<boolean> {
  if (app.auditQueue.size === 0) return true;
  try {
    await app.auditQueue.flush();
    return true;
  } catch {
    return false;
  }
}

/**
 * Records a refused or failed call in its own transaction, after the operation's was undone. If
 * that write fails too (the disk is full), the event is queued and retried, never thrown: the
 * caller still gets its typed error.
 */
async function auditOutside(
  app: AppState,
  name: OperationName,
  now: Date,
  actor: Actor | null,
  subject: AuditSubject,
  outcome: AuditEntry['outcome'],
  errorCode: string,
  record?: { action: AuditEntry['action']; objectType: string },
): Promise<void> {
  if (!operations[name].audit && !record) return;
  const entry = auditEntry(name, now, actor, subject, outcome, errorCode, record);
  if (!(await flushQueue(app))) {
    app.auditQueue.add(entry);
    return;
  }
  try {
    await app.store.transaction((db) => appendAudit(db, app.auditKey, entry));
  } catch {
    app.auditQueue.add(entry);
  }
}

import { createHash } from 'node:crypto';
import type { Queryable } from '../store/db';
import type { StaffUserRow } from '../store/schema';
import type { LockDraft } from '../../../shared/api/auth';
import { AppError } from '../core/errors';
import { decoyHash, verifyPassword } from './passwords';
import { findStaffById, findStaffByUsername } from '../staff/staff';
import type { PatientMode } from './patient-mode';

/**
 * Who is at the keyboard of this window. Held in memory by the main process only: the renderer
 * can ask for it but never set it.
 */
export interface AuthSession {
  userId: string | null;
  locked: boolean;
  lastActivityMs: number;
  /** Set while the tablet is in a patient's hands (the staff session is locked behind it). */
  patientMode: PatientMode | null;
  /** Unsaved forms from before a lock, per staff user id (lock-drafts.ts). */
  drafts: Map<string, LockDraft[]>;
}

export function newAuthSession(): AuthSession {
  return { userId: null, locked: false, lastActivityMs: 0, patientMode: null, drafts: new Map() };
}

/** Failures allowed before delays start, then 2 s, 4 s, 8 s ... capped at five minutes. */
const FREE_FAILURES = 2;
const MAX_DELAY_SECONDS = 300;

export function delayAfterFailures(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS);
}

async function checkThrottle(db: Queryable, key: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where('username_key', '=', key)
    .executeTakeFirst();
  if (row && Date.parse(row.next_allowed_at) > now.getTime()) {
    const wait = Math.ceil((Date.parse(row.next_allowed_at) - now.getTime()) / 1000);
    throw new AppError('RATE_LIMITED', { key: 'errors.rateLimited', params: { count: wait } });
  }
  return row?.failures ?? 0;
}

async function recordFailure(db: Queryable, key: string, failures: number, now: Date) {
  const next = failures + 1;
  const nextAllowed = new Date(now.getTime() + delayAfterFailures(next) * 1000).toISOString();
  await db
    .insertInto('sign_in_throttle')
    .values({ username_key: key, failures: next, next_allowed_at: nextAllowed })
    .onConflict((oc) =>
      oc.column('username_key').doUpdateSet({ failures: next, next_allowed_at: nextAllowed }),
    )
    .execute();
}

/**
 * The throttle counts failures per typed name, and a failed name may be a password typed into
 * the wrong field: the table keeps a hash of it, never the text.
 */
function throttleKey(name: string): string {
  return createHash('sha256').update(`sign-in-throttle:${name}`).digest('hex');
}

/**
 * Checks a user name and password with a growing delay per user name. The same message is given
 * for an unknown name and a wrong password, and the same work done, so neither can be told apart.
 */
export async function authenticate(
  db: Queryable,
  username: string,
  password: string,
  now: Date,
): Promise<StaffUserRow> {
  const name = username.trim().toLowerCase();
  const key = throttleKey(name);
  const failures = await checkThrottle(db, key, now);
  const row = await findStaffByUsername(db, name);
  const valid = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
  if (!row || !valid) {
    await recordFailure(db, key, failures, now);
    throw new AppError(
      'INVALID_CREDENTIALS',
      { key: 'errors.badCredentials' },
      { keepWrites: true },
    );
  }
  if (row.active !== 1) {
    throw new AppError('FORBIDDEN', { key: 'errors.deactivated' });
  }
  // Only the right code reaches this: an expired one is told apart from a wrong one.
  const expires = row.temporary_code_expires_at;
  if (row.must_change_password === 1 && expires && Date.parse(expires) <= now.getTime()) {
    throw new AppError('CODE_EXPIRED', { key: 'errors.auth.codeExpired' });
  }
  await db.deleteFrom('sign_in_throttle').where('username_key', '=', key).execute();
  return row;
}

export async function signIn(
  db: Queryable,
  session: AuthSession,
  input: { username: string; password: string },
  now: Date,
): Promise<StaffUserRow> {
  const row = await authenticate(db, input.username, input.password, now);
  session.userId = row.id;
  session.locked = false;
  session.lastActivityMs = now.getTime();
  return row;
}

/** Unlocking needs the password of the user who was signed in; anyone else signs in instead. */
export async function unlock(
  db: Queryable,
  session: AuthSession,
  password: string,
  now: Date,
): Promise<StaffUserRow> {
  const nobody = { key: 'errors.auth.nobodySignedIn' } as const;
  if (!session.userId) throw new AppError('UNAUTHENTICATED', nobody);
  const current = await findStaffById(db, session.userId);
  if (!current) throw new AppError('UNAUTHENTICATED', nobody);
  const row = await authenticate(db, current.username, password, now);
  session.locked = false;
  session.lastActivityMs = now.getTime();
  return row;
}

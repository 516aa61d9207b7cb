import type { Db, Store } from '../store/database';
import type { StaffUserRow } from '../store/schema';
import type { Actor } from '../staff/staff';
import type { AuthSession } from '../auth/sign-in';
import type { Settings } from '../../../shared/api/clinic';
import type { AuditQueue } from '../audit/audit-queue';

/** Everything the services of one running Mesochart share: store, keys, clock, who is signed in. */
export interface AppState {
  store: Store;
  dataDir: string;
  auditKey: Buffer;
  /** Audit events of reads, written in batches. */
  auditQueue: AuditQueue;
  session: AuthSession;
  clock: () => Date;
  /** Origin (scheme://host) of the page allowed to call operations. */
  trustedOrigin: string;
  /** Read once and refreshed on every settings change; the idle check runs on every call. */
  settings: Settings | null;
}

export interface AuditSubject {
  patientId?: string | null;
  objectId?: string | null;
  /** Who the event is about when it is not the signed-in user (a sign-in attempt). */
  actor?: { userId: string | null; username: string | null; role: StaffUserRow['role'] | null };
}

export interface HandlerContext {
  db: Db;
  now: Date;
  app: AppState;
  actor: Actor | null;
  subject: AuditSubject;
}

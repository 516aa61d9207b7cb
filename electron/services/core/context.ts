import type { Store } from '../store/database';
import type { Db } from '../store/db';
import type { StaffUserRow } from '../store/schema';
import type { Actor } from '../staff/staff';
import type { AuthSession } from '../auth/sign-in';
import type { ServerMoveReport, ServerMoveStep, Settings } from '../../../shared/api/clinic';
import type { AuditQueue } from '../audit/audit-queue';
import type { JobRegistry } from '../jobs/registry';
import type { ChangeFeed } from './changes';
import type { FileTokens } from './file-tokens';
import type { KdfParams } from '../backup/archive';
import type { KeysStatus } from '../../../shared/api/keys';

/**
 * Seals the backup passphrase with the operating system's protection (Electron safeStorage), so
 * scheduled backups can run unattended without the passphrase ever being stored in clear.
 */
export interface SecretStore {
  seal(text: string): Buffer;
  open(sealed: Buffer): string;
}

/**
 * The clinic's keys as the running services see them (the launcher that opened them holds them):
 * their status for the screen, and the recovery key while it waits to be written down.
 */
export interface KeyControl {
  status(): KeysStatus;
  /** The recovery key just made, until confirmed; null afterwards. */
  pendingRecoveryKey(): string | null;
  confirmRecoveryKey(): void;
  /** Replaces the recovery slot with a new key, which becomes the pending one. */
  newRecoveryKey(): Promise<void>;
  /**
   * Copies this computer's clinic into an empty server database (store/server-move) under the
   * keys only the launcher holds; the data folder is only read.
   */
  moveToServer(
    target: { ownerUrl: string; runtimeRole: string },
    onStep: (step: ServerMoveStep) => void,
  ): Promise<ServerMoveReport>;
}

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
  /** Background work (photo imports, backups); closing the app waits for all of it. */
  jobs: JobRegistry;
  /** Announces committed writes to the open windows (see core/changes.ts). */
  changes: ChangeFeed;
  /** The OS secret store for the backup passphrase; null where the system offers none. */
  secretStore: SecretStore | null;
  /** Backup key derivation cost; lowered only by tests. */
  backupKdf?: KdfParams;
  /** Paths the user chose in the main process's dialogs, behind one-time tokens. */
  fileTokens: FileTokens;
  /** better-sqlite3 built for Electron, where the app runs; a restore opens its copy with it. */
  nativeBinding?: string | undefined;
  /** The clinic's keys, where a launcher opened them (the app, the e2e harness); absent in tools. */
  keyControl?: KeyControl | undefined;
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

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AppState } from './core/context';
import type { Result } from '../../shared/api/result';
import { openStore, type Store } from './store/database';
import { openPostgresStore } from './store/postgres';
import { newAuthSession } from './auth/sign-in';
import { readSettings } from './clinic/clinic-settings';
import { dispatch, type Sender } from './dispatch';
import { AuditQueue } from './audit/audit-queue';
import { loadAuditKey } from './audit/audit-key';
import { sealLegacyHead } from './audit/audit-log';
import { sweepPhotoTempFiles } from './photos/import-jobs';
import type { KeyControl, SecretStore } from './core/context';
import { JobRegistry } from './jobs/registry';
import { ChangeFeed } from './core/changes';
import { relayChanges } from './store/change-relay';
import { FileTokens } from './core/file-tokens';
import { startBackupScheduler } from './backup/schedule';
import { startReminderScheduler } from './reminders/reminder-sender';
import { sweepBackupSnapshots } from './backup/archive/index';
import { sweepRestoreStaging } from './backup/restore-sweep';
import { openVault } from './vault/open-vault';

export interface AppOptions {
  dataDir: string;
  trustedOrigin: string;
  nativeBinding?: string;
  /**
   * The clinic's 256-bit data key: the database is encrypted with it (an unencrypted one is
   * encrypted in place on opening). The desktop app keeps it sealed by the OS keychain; tests
   * and tools pass one in. Without it the database stays unencrypted.
   */
  databaseKey?: Buffer;
  /**
   * A clinic server: the record is on this PostgreSQL database (postgres://user:pass@host/db)
   * instead of the data folder's SQLite file, shared by every workstation. The role in it reads
   * and writes rows only.
   */
  databaseUrl?: string | undefined;
  /** The schema owner's connection, to migrate the server's database (admin and tests). */
  databaseOwnerUrl?: string | undefined;
  clock?: () => Date;
  /**
   * The registry of files chosen in the main process's dialogs: electron/main registers into it
   * and operations take tokens from it. One is made when none is given.
   */
  fileTokens?: FileTokens;
  /** Runs the daily backup timer; the desktop app does, tests drive the schedule themselves. */
  scheduleBackups?: boolean;
  /** Runs the reminder queue every minute; the desktop app does, tests run it themselves. */
  scheduleReminders?: boolean;
  /** Keeps the backup passphrase sealed for scheduled backups; null where the OS offers none. */
  secretStore?: SecretStore | null;
  /**
   * The audit chain's key, from the clinic's sealed key file (see keys/launcher). Without it the
   * folder's legacy `audit.key` is used (tools and tests that pass keys in).
   */
  auditKey?: Buffer;
  /** The launcher that opened the keys, for keys.* operations (status, the recovery key). */
  keyControl?: KeyControl;
}

export interface MesochartServices {
  state: AppState;
  dispatch(sender: Sender, operation: unknown, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'mesochart.sqlite';

/** Opens the data directory and returns the operation dispatcher bound to it. */
export async function createServices(options: AppOptions): Promise<MesochartServices> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const store: Store = options.databaseUrl
    ? await openPostgresStore({ url: options.databaseUrl, ownerUrl: options.databaseOwnerUrl })
    : openStore(path.join(options.dataDir, DATABASE_FILE), {
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        ...(options.databaseKey ? { key: options.databaseKey } : {}),
      });
  // Leftovers of a crash during a photo import or a backup (a full plaintext copy of the
  // database); nothing can be importing or backing up yet.
  await sweepPhotoTempFiles(options.dataDir).catch(() => undefined);
  await sweepBackupSnapshots(options.dataDir).catch(() => undefined);
  await sweepRestoreStaging(options.dataDir).catch(() => undefined);
  let auditKey: Buffer;
  try {
    const head = await store.db.selectFrom('audit_head').select('id').executeTakeFirst();
    auditKey = options.auditKey ?? loadAuditKey(options.dataDir, () => head !== undefined);
    // A server's schema was never at a version before heads were sealed.
    if (store.dialect === 'sqlite') sealLegacyHead(store, auditKey);
  } catch (error) {
    await store.close();
    throw error;
  }
  // Photos and PDFs are encrypted under keys derived from the data key; an upgraded clinic's
  // plain files are encrypted now, before anything reads them.
  const files = await openVault(options.dataDir, options.databaseKey, store).catch(
    async (error: unknown) => {
      await store.close();
      throw error;
    },
  );
  const state: AppState = {
    store,
    dataDir: options.dataDir,
    auditKey,
    auditQueue: new AuditQueue(store, auditKey),
    session: newAuthSession(),
    clock: options.clock ?? (() => new Date()),
    trustedOrigin: options.trustedOrigin,
    settings: await readSettings(store.db),
    jobs: new JobRegistry(),
    changes: new ChangeFeed(),
    fileTokens: options.fileTokens ?? new FileTokens(options.clock),
    secretStore: options.secretStore ?? null,
    nativeBinding: options.nativeBinding,
    keyControl: options.keyControl,
  };
  // On a clinic server, the other workstations' writes reach this one's feed and the reverse.
  const stopRelay = store.relay ? relayChanges(store.relay, state.changes) : async () => undefined;
  const stopBackups = options.scheduleBackups ? startBackupScheduler(state) : () => undefined;
  const stopReminders = options.scheduleReminders ? startReminderScheduler(state) : () => undefined;
  return {
    state,
    dispatch: (sender, operation, input) => dispatch(state, sender, operation, input),
    close: async () => {
      stopBackups();
      stopReminders();
      // Imports and backups being written finish (or fail cleanly) before the database closes.
      await state.jobs.close();
      await files.close();
      // Events that cannot be written now (a full disk) must not keep the app from quitting.
      await state.auditQueue.flush().catch(() => {
        console.error(`[mesochart] ${state.auditQueue.size} audit events could not be written`);
      });
      state.auditQueue.stop();
      await stopRelay();
      await store.close();
    },
  };
}

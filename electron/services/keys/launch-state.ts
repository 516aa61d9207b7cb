import { createServices, DATABASE_FILE, type AppOptions, type MesochartServices } from '../app';
import type { KeyControl, SecretStore } from '../core/context';
import { FileTokens } from '../core/file-tokens';
import { ChangeFeed } from '../core/changes';
import type { KdfParams } from '../backup/archive/encrypted-file';
import type { KeysStatus, ServerWait } from '../../../shared/api/keys';
import { DatabaseKeyError } from '../store/database';
import { moveToServer } from '../store/server-move';
import { startStartupCheck, sweepVerifyFolders } from '../audit/startup-check';
import type { ClinicKeys } from './clinic-keys';
import { KeyError } from './key-errors';
import { removeLegacyAuditKey, replaceRecoveryKey, type KeySeal } from './keyring';
import { localRecord } from './data-folder';
import { configuredServer, whyNotOpened } from './server-wait';
import { SEALED_ELSEWHERE } from './server-connection';

export interface LaunchOptions extends Omit<AppOptions, 'databaseKey' | 'auditKey' | 'keyControl'> {
  /** The OS keychain; null where none exists (the clinic passphrase seals the keys). */
  secretStore: SecretStore | null;
  /** Key derivation cost of the passphrase and recovery slots; lowered only by tests. */
  kdf?: KdfParams;
  /**
   * The desktop app: once open, the audit chain is verified in the background (the admin sees
   * the result) and old temp folders of backup checks are removed.
   */
  checkAtStart?: boolean;
}

type State = Omit<KeysStatus, 'recoveryKeyPending' | 'server'>;

/**
 * What one launcher holds while the window runs: the keys once open, the services started on
 * them, the recovery key waiting to be written down, and the state the window is told. The
 * launcher's concerns (opening at start, the keys.* operations, recovery, the clinic server at
 * start-up) each work on this one object.
 */
export class Launch {
  services: MesochartServices | null = null;
  keys: ClinicKeys | null = null;
  pending: string | null = null;
  state: State;
  /**
   * The opened keys, while the clinic server they work on cannot be opened (state `server`):
   * kept so that Try again, and a changed connection, open the clinic without asking again.
   */
  waiting: { keys: ClinicKeys; server: ServerWait } | null = null;
  /** The attempt on the server under way, so a click and the window's timer share it. */
  retrying: Promise<void> | null = null;
  // One registry for the launcher and the services it opens: a folder chosen before the clinic is
  // open (a recovery) is taken from the same tokens the window's dialogs register into.
  readonly fileTokens: FileTokens;
  // The windows listen here: services started later (unlock, recovery) feed the same relay.
  readonly changes = new ChangeFeed();
  readonly control: KeyControl;

  constructor(readonly options: LaunchOptions) {
    this.fileTokens = options.fileTokens ?? new FileTokens(options.clock);
    this.state = {
      state: 'new',
      method: options.secretStore ? 'keychain' : 'passphrase',
      message: null,
    };
    this.control = {
      status: () => this.status(),
      pendingRecoveryKey: () => this.pending,
      confirmRecoveryKey: () => {
        this.pending = null;
      },
      newRecoveryKey: async () => {
        if (!this.keys) throw new KeyError('wrong-key', { key: 'errors.keys.notOpen' });
        this.pending = await replaceRecoveryKey(options.dataDir, this.keys, options.kdf);
      },
      moveToServer: (target, onStep) => {
        const keys = this.keys;
        if (!keys) return Promise.reject(new KeyError('wrong-key', { key: 'errors.keys.notOpen' }));
        return moveToServer({
          dataDir: options.dataDir,
          dataKey: keys.dataKey,
          auditKey: keys.auditKey,
          ownerUrl: target.ownerUrl,
          runtimeRole: target.runtimeRole,
          nativeBinding: options.nativeBinding,
          onStep,
        });
      },
    };
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  status(): KeysStatus {
    return {
      ...this.state,
      recoveryKeyPending: this.pending !== null,
      server: this.state.state === 'server' ? (this.waiting?.server ?? null) : null,
    };
  }

  now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  sealHere(passphrase: string): KeySeal {
    const store = this.options.secretStore;
    return store ? { kind: 'keychain', store } : { kind: 'passphrase', passphrase };
  }

  /**
   * Starts the services on opened keys; a database that refuses them is a typed refusal. On a
   * clinic server that cannot be opened, `wait` keeps the keys and says why (state `server`)
   * instead of failing: never this computer's own record in its place. Without `wait` (first
   * run's connect, which reopens this computer's empty record itself) the failure is thrown.
   */
  async start(opened: ClinicKeys, wait = true): Promise<void> {
    const server = configuredServer(this.options, opened);
    let services: MesochartServices;
    try {
      // A password this computer cannot open is not tried on the server: it is asked for again.
      if (server?.sealedElsewhere) throw new KeyError('keychain-refused', SEALED_ELSEWHERE);
      services = await createServices({
        ...this.options,
        databaseUrl: server?.url,
        databaseKey: opened.dataKey,
        auditKey: opened.auditKey,
        keyControl: this.control,
        fileTokens: this.fileTokens,
      });
    } catch (error) {
      if (error instanceof DatabaseKeyError) {
        throw new KeyError('wrong-key', { key: 'errors.keys.wrongKey' });
      }
      if (!server || !wait) throw error;
      const { dataDir, nativeBinding } = this.options;
      const local = localRecord(dataDir, DATABASE_FILE, opened.dataKey, nativeBinding);
      const before = this.waiting?.server;
      const why = await whyNotOpened(server, opened, error, before, this.now(), local);
      this.waiting = { keys: opened, server: why };
      this.state = { state: 'server', method: this.state.method, message: why.message };
      return;
    }
    this.waiting = null;
    this.services = services;
    services.state.changes.subscribe((change) => this.changes.emit(change));
    this.keys = opened;
    // The audit key now lives in the key file; the data opened with it, so the old file goes.
    removeLegacyAuditKey(this.dataDir);
    if (this.options.checkAtStart) {
      startStartupCheck(services.state);
      await sweepVerifyFolders().catch(() => undefined);
    }
    this.state = { state: 'open', method: this.state.method, message: null };
  }

  /** The services closed and started again on the same keys (on the store now chosen). */
  async restart(opened: ClinicKeys): Promise<void> {
    const here = this.services;
    this.services = null;
    if (here) await here.close();
    await this.start(opened, false);
  }

  /** The clinic open here on a new, empty SQLite record: the only time a server may be chosen. */
  notSetUp(): ClinicKeys {
    const here = this.services;
    if (
      this.state.state !== 'open' ||
      !this.keys ||
      !here ||
      here.state.settings !== null ||
      here.state.store.dialect !== 'sqlite' ||
      this.options.databaseUrl
    ) {
      throw new KeyError('exists', { key: 'errors.keys.alreadyWorks' });
    }
    return this.keys;
  }
}

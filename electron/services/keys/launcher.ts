import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createServices, DATABASE_FILE, type AppOptions, type MesochartServices } from '../app';
import type { Sender } from '../dispatch';
import type { KeyControl, SecretStore } from '../core/context';
import { FileTokens } from '../core/file-tokens';
import { ChangeFeed, type ChangeListener } from '../core/changes';
import type { KdfParams } from '../backup/archive/encrypted-file';
import type { Result } from '../../../shared/api/result';
import { operations } from '../../../shared/api/contract';
import { MIN_CLINIC_PASSPHRASE, type KeysStatus } from '../../../shared/api/keys';
import { DatabaseKeyError } from '../store/database';
import { AuditKeyError } from '../audit/audit-key';
import { startStartupCheck, sweepVerifyFolders } from '../audit/startup-check';
import type { ClinicKeys } from './clinic-keys';
import { KeyError } from './key-errors';
import { KEY_FILE, readKeyFile } from './key-file';
import {
  createKeys,
  keyMethod,
  legacyAuditKey,
  openKeys,
  removeLegacyAuditKey,
  replaceRecoveryKey,
  resealKeys,
  type KeySeal,
} from './keyring';
import { dataFolderState } from './data-folder';
import { checkServerFor, connectToServer, savedServerUrl } from './server-connection';
import type { ServerSettings } from '../store/server-check';
import { moveToServer } from '../store/server-move';

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

/**
 * The clinic as the window sees it from the first moment: before its keys are open only the
 * `keys.*` operations answer (status, create, unlock, recover); once open, every operation goes
 * to the services. The keys never leave this object and the services it starts.
 */
export interface ClinicLauncher {
  readonly services: MesochartServices | null;
  status(): KeysStatus;
  dispatch(sender: Sender, operation: unknown, input: unknown): Promise<Result<unknown>>;
  /**
   * Hears every committed change of the services open now or opened later (after the passphrase
   * or a recovery), so a window subscribes once, before the clinic is open. Returns the function
   * that stops listening.
   */
  onChange(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

type State = Omit<KeysStatus, 'recoveryKeyPending'>;

const KEY_OPERATIONS = new Set([
  'keys.status',
  'keys.create',
  'keys.unlock',
  'keys.recover',
  'keys.checkServer',
  'keys.connectServer',
]);

function fail(
  code: 'VALIDATION' | 'CONFLICT' | 'LOCKED' | 'BAD_SENDER',
  message: string,
  fields?: Record<string, string>,
): Result<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

function refusal(error: KeyError): Result<never> {
  return fail(
    'VALIDATION',
    error.message,
    error.field ? { [error.field]: error.message } : undefined,
  );
}

function fromSender(sender: Sender, origin: string): boolean {
  try {
    const url = new URL(sender.url);
    return sender.isMainFrame && `${url.protocol}//${url.host}` === origin;
  } catch {
    return false;
  }
}

export async function launchClinic(options: LaunchOptions): Promise<ClinicLauncher> {
  const { dataDir, secretStore, kdf } = options;
  let services: MesochartServices | null = null;
  let keys: ClinicKeys | null = null;
  let pending: string | null = null;
  let state: State;
  // One registry for the launcher and the services it opens: a folder chosen before the clinic is
  // open (a recovery) is taken from the same tokens the window's dialogs register into.
  const fileTokens = options.fileTokens ?? new FileTokens(options.clock);
  // The windows listen here: services started later (unlock, recovery) feed the same relay.
  const changes = new ChangeFeed();
  const sealHere = (passphrase: string): KeySeal =>
    secretStore ? { kind: 'keychain', store: secretStore } : { kind: 'passphrase', passphrase };

  const status = (): KeysStatus => ({ ...state, recoveryKeyPending: pending !== null });
  const control: KeyControl = {
    status,
    pendingRecoveryKey: () => pending,
    confirmRecoveryKey: () => {
      pending = null;
    },
    newRecoveryKey: async () => {
      if (!keys) throw new KeyError('wrong-key', 'The clinic is not open');
      pending = await replaceRecoveryKey(dataDir, keys, kdf);
    },
    moveToServer: (target, onStep) => {
      if (!keys) return Promise.reject(new KeyError('wrong-key', 'The clinic is not open'));
      return moveToServer({
        dataDir,
        dataKey: keys.dataKey,
        auditKey: keys.auditKey,
        ownerUrl: target.ownerUrl,
        runtimeRole: target.runtimeRole,
        nativeBinding: options.nativeBinding,
        onStep,
      });
    },
  };

  /** Starts the services on opened keys; a database that refuses them is a typed refusal. */
  const start = async (opened: ClinicKeys): Promise<void> => {
    try {
      // A clinic server chosen at first run, unless the administrator set one for the computer.
      const databaseUrl =
        options.databaseUrl ?? savedServerUrl(dataDir, secretStore, opened) ?? undefined;
      services = await createServices({
        ...options,
        databaseUrl,
        databaseKey: opened.dataKey,
        auditKey: opened.auditKey,
        keyControl: control,
        fileTokens,
      });
      services.state.changes.subscribe((change) => changes.emit(change));
    } catch (error) {
      if (error instanceof DatabaseKeyError) {
        throw new KeyError(
          'wrong-key',
          "The clinic's keys do not open its database: the key file belongs to another clinic " +
            'or was restored from another copy. Nothing has been changed.',
        );
      }
      throw error;
    }
    keys = opened;
    // The audit key now lives in the key file; the data opened with it, so the old file goes.
    removeLegacyAuditKey(dataDir);
    if (options.checkAtStart && services) {
      startStartupCheck(services.state);
      await sweepVerifyFolders().catch(() => undefined);
    }
    state = { state: 'open', method: state.method, message: null };
  };

  state = { state: 'new', method: secretStore ? 'keychain' : 'passphrase', message: null };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  sweepKeyTemps(dataDir);
  try {
    const file = readKeyFile(dataDir);
    if (file) {
      state.method = keyMethod(file) === 'passphrase' || !secretStore ? 'passphrase' : 'keychain';
      state.state = 'locked';
      if (file.keychain && secretStore) {
        try {
          await start(await openKeys(dataDir, { kind: 'keychain', store: secretStore }));
        } catch (error) {
          if (!(error instanceof KeyError) || error.reason !== 'keychain-refused') throw error;
          state.message = error.message;
        }
      } else if (file.keychain) {
        state.message =
          "The clinic's keys were sealed by another computer's keychain, and this computer has " +
          'none. Open the clinic with its recovery key and choose a clinic passphrase.';
      }
    } else {
      const data = dataFolderState(dataDir, DATABASE_FILE, options.nativeBinding);
      if (data === 'encrypted') {
        throw new KeyError(
          'missing-key-file',
          `The clinic's key file (${KEY_FILE}) is missing from the data folder, which holds ` +
            'encrypted data. Put the key file back from a copy of the folder, or restore a ' +
            'backup; Mesochart will not make new keys, which could never open this data.',
        );
      }
      if (data === 'plain-with-audit-log' && !legacyAuditKey(dataDir)) {
        throw new AuditKeyError(
          'The audit key (audit.key) is missing from the data folder, but the database holds an ' +
            'audit log signed with it. Restore the key from a backup; Mesochart will not replace it.',
        );
      }
      if (secretStore) {
        const made = await createKeys(dataDir, sealHere(''), kdf);
        pending = made.recoveryKey;
        await start(made.keys);
      }
    }
  } catch (error) {
    if (!(error instanceof KeyError) && !(error instanceof AuditKeyError)) throw error;
    state = { state: 'refused', method: state.method, message: error.message };
  }

  /** The clinic open here on a new, empty SQLite record: the only time a server may be chosen. */
  const notSetUp = (): { opened: ClinicKeys } => {
    const here = services as MesochartServices | null;
    if (
      state.state !== 'open' ||
      !keys ||
      !here ||
      here.state.settings !== null ||
      here.state.store.dialect !== 'sqlite' ||
      options.databaseUrl
    ) {
      throw new KeyError('exists', 'This computer already works on its clinic.');
    }
    return { opened: keys };
  };

  /** The services closed and started again on the same keys (on the store now chosen). */
  const restart = async (opened: ClinicKeys): Promise<void> => {
    const here = services as MesochartServices | null;
    services = null;
    if (here) await here.close();
    await start(opened);
  };

  const handleKeys = async (
    name: string,
    input: Record<string, string | null>,
  ): Promise<unknown> => {
    switch (name) {
      case 'keys.checkServer':
        return checkServerFor(input as unknown as ServerSettings, notSetUp().opened);
      case 'keys.connectServer': {
        const { opened } = notSetUp();
        const settings = input as unknown as ServerSettings;
        await connectToServer(dataDir, settings, secretStore, opened, () => restart(opened));
        return status();
      }
      case 'keys.create': {
        if (state.state !== 'new')
          throw new KeyError('exists', 'This clinic already has its keys.');
        const made = await createKeys(
          dataDir,
          { kind: 'passphrase', passphrase: input.passphrase ?? '' },
          kdf,
        );
        pending = made.recoveryKey;
        await start(made.keys);
        return status();
      }
      case 'keys.unlock': {
        if (state.state !== 'locked' || state.method !== 'passphrase') {
          throw new KeyError('wrong-passphrase', 'The clinic is not waiting for its passphrase.');
        }
        await start(
          await openKeys(dataDir, { kind: 'passphrase', passphrase: input.passphrase ?? '' }),
        );
        return status();
      }
      case 'keys.recover': {
        // The folder is a token from the main process's folder dialog, never a typed path.
        let folder: string | null = null;
        if (input.folder) {
          try {
            folder = fileTokens.takeOne('clinic-folder', input.folder, 'folder');
          } catch (error) {
            throw new KeyError('missing-key-file', (error as Error).message, 'folder');
          }
        }
        await recover(input.recoveryKey ?? '', folder, input.passphrase ?? '');
        return status();
      }
      default:
        return status();
    }
  };

  /**
   * Opens the clinic with its recovery key and seals the keys for this computer. With a folder,
   * the clinic there is copied into this computer's data folder, which must hold no clinic yet.
   */
  const recover = async (recoveryKey: string, folder: string | null, passphrase: string) => {
    const source = folder ? path.resolve(folder) : dataDir;
    const elsewhere = source !== path.resolve(dataDir);
    const here = services as MesochartServices | null;
    const setUp = here !== null && here.state.settings !== null;
    if (state.state === 'refused' || (state.state === 'open' && (setUp || !elsewhere))) {
      throw new KeyError(
        'exists',
        'This computer already has an open clinic; the recovery key is for a new computer.',
        'folder',
      );
    }
    // Another folder's clinic is copied in only where this folder holds none (a fresh start).
    const fresh =
      (state.state === 'open' && !setUp) ||
      (state.state === 'new' &&
        dataFolderState(dataDir, DATABASE_FILE, options.nativeBinding) === 'none');
    if (elsewhere && !fresh) {
      throw new KeyError(
        'exists',
        'This data folder already holds a clinic; open that one here.',
        'folder',
      );
    }
    if (elsewhere && !readKeyFile(source)) {
      throw new KeyError(
        'missing-key-file',
        `That folder holds no clinic key file (${KEY_FILE}).`,
        'folder',
      );
    }
    if (!elsewhere && state.state === 'new') {
      throw new KeyError('missing-key-file', "Choose the clinic's data folder.", 'folder');
    }
    const opened = await openKeys(source, { kind: 'recovery', recoveryKey });
    const seal = sealHere(passphrase);
    if (seal.kind === 'passphrase' && passphrase.length < MIN_CLINIC_PASSPHRASE) {
      throw new KeyError(
        'wrong-passphrase',
        `Choose a clinic passphrase of at least ${MIN_CLINIC_PASSPHRASE} characters.`,
        'passphrase',
      );
    }
    if (elsewhere) {
      if (here) await here.close();
      services = null;
      // This folder held only the empty clinic made at start-up: it gives way to the real one.
      for (const name of readdirSync(dataDir))
        rmSync(path.join(dataDir, name), { recursive: true, force: true });
      cpSync(source, dataDir, { recursive: true, errorOnExist: true, force: false });
    }
    await resealKeys(dataDir, opened, seal, kdf);
    pending = null;
    await start(opened);
  };

  return {
    get services() {
      return services;
    },
    status,
    dispatch: async (sender, operation, input) => {
      if (typeof operation === 'string' && KEY_OPERATIONS.has(operation)) {
        if (!fromSender(sender, options.trustedOrigin)) {
          return fail('BAD_SENDER', 'This request did not come from the Mesochart window');
        }
        const def = operations[operation as 'keys.recover'];
        const parsed = def.input.safeParse(input);
        if (!parsed.success) {
          const fields: Record<string, string> = {};
          for (const issue of parsed.error.issues)
            fields[issue.path.join('.') || '_'] ??= issue.message;
          return fail('VALIDATION', 'Some fields need attention', fields);
        }
        try {
          return {
            ok: true,
            value: await handleKeys(operation, parsed.data as Record<string, string | null>),
          };
        } catch (error) {
          if (error instanceof KeyError) return refusal(error);
          console.error(
            '[mesochart] opening the clinic failed:',
            error instanceof Error ? error.name : typeof error,
          );
          return {
            ok: false,
            error: {
              code: 'INTERNAL',
              message:
                'The clinic could not be opened because of an internal error; nothing was changed.',
            },
          };
        }
      }
      const open = services as MesochartServices | null;
      if (!open) return fail('LOCKED', 'Open the clinic first (its passphrase or recovery key).');
      return open.dispatch(sender, operation, input);
    },
    onChange: (listener) => changes.subscribe(listener),
    close: async () => {
      const open = services as MesochartServices | null;
      if (open) await open.close();
    },
  };
}

/** Temp files of a key file write that crashed before its rename. */
function sweepKeyTemps(dataDir: string): void {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) return;
  for (const name of readdirSync(dataDir)) {
    if (/^mesochart\.keys\.[0-9a-f]{12}\.tmp$/.test(name))
      rmSync(path.join(dataDir, name), { force: true });
  }
}

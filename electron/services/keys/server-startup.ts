import { hostname } from 'node:os';
import type { ServerWait } from '../../../shared/api/keys';
import type { MesochartServices } from '../app';
import { appendAudit } from '../audit/audit-log';
import { auditEntry } from '../audit/audit-entry';
import { isUnreachable } from '../store/server-guard';
import {
  serverUrl,
  settingsFromUrl,
  unreachableFailure,
  type ServerSettings,
} from '../store/server-check';
import type { ClinicKeys } from './clinic-keys';
import { KeyError } from './key-errors';
import type { Launch, LaunchOptions } from './launch-state';
import {
  checkServerFor,
  SEALED_ELSEWHERE,
  savedServerPlace,
  savedServerSettings,
  saveServerConnection,
} from './server-connection';

/**
 * A workstation's clinic server at start-up. The record is on the server and nowhere else: when
 * it cannot be opened (switched off, a changed password, TLS, a record of another version) the
 * launcher keeps the opened keys and waits on it, saying which server and why, rather than open
 * this computer's own record, which for a workstation is empty. From there staff try again, or
 * change the connection (tested before it is kept; the change recorded in the server's audit
 * log once it opens).
 */
export interface ConfiguredServer {
  url: string;
  settings: ServerSettings;
  setBy: ServerWait['setBy'];
  /** The saved password cannot be opened here: the server is not tried, its password asked for. */
  sealedElsewhere?: boolean;
}

/** The server this computer works on: its administrator's URL, else the one chosen here. */
export function configuredServer(
  options: LaunchOptions,
  keys: ClinicKeys,
): ConfiguredServer | null {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    return { url, settings: settingsFromUrl(url), setBy: 'administrator' };
  }
  let settings: ServerSettings | null;
  try {
    settings = savedServerSettings(options.dataDir, options.secretStore, keys);
  } catch (error) {
    if (!(error instanceof KeyError) || error.reason !== 'keychain-refused') throw error;
    // Still this computer's server: named on the waiting screen, its password typed again there.
    const place = { ...savedServerPlace(options.dataDir), password: '' };
    return {
      url: serverUrl(place),
      settings: place,
      setBy: 'this-computer',
      sealedElsewhere: true,
    };
  }
  return settings ? { url: serverUrl(settings), settings, setBy: 'this-computer' } : null;
}

/** Why the services could not open on `server`, as the waiting screen tells it. */
export async function whyNotOpened(
  server: ConfiguredServer,
  keys: ClinicKeys,
  error: unknown,
  before: ServerWait | null | undefined,
  now: Date,
  local: ServerWait['localRecord'],
): Promise<ServerWait> {
  const { password: _password, ...where } = server.settings;
  const base = {
    ...where,
    setBy: server.setBy,
    localRecord: local,
    triedAt: now.toISOString(),
    attempts: (before?.attempts ?? 0) + 1,
  };
  if (server.sealedElsewhere) {
    return { ...base, reason: 'password-sealed', version: null, message: SEALED_ELSEWHERE };
  }
  // Out of reach: asking again would only wait as long once more.
  if (isUnreachable(error)) {
    return { ...base, reason: 'unreachable', version: null, message: unreachableFailure(where) };
  }
  const check = await checkServerFor(server.settings, keys);
  if (!check.ok) {
    return {
      ...base,
      reason: check.reason ?? 'failed',
      version: check.version,
      message: check.message ?? '',
    };
  }
  return {
    ...base,
    reason: 'failed',
    version: check.version,
    message:
      'The server answered, but the clinic could not be opened on it. Try again; if it goes on, ' +
      "tell the clinic's administrator.",
  };
}

/** Tries the saved server again; one attempt at a time, shared by the button and the timer. */
export function retryServer(launch: Launch): Promise<void> {
  const waiting = launch.waiting;
  if (launch.state.state !== 'server' || !waiting) return Promise.resolve();
  launch.retrying ??= launch.start(waiting.keys).finally(() => {
    launch.retrying = null;
  });
  return launch.retrying;
}

/**
 * The keys waiting on a server whose connection may be changed from the screen; null when the
 * clinic is not waiting on one. A connection the computer's administrator set is theirs to change.
 */
export function changeableServer(launch: Launch): ClinicKeys | null {
  const waiting = launch.waiting;
  if (launch.state.state !== 'server' || !waiting) return null;
  if (waiting.server.setBy === 'administrator') {
    throw new KeyError('exists', { key: 'errors.keys.serverSetByAdministrator' });
  }
  return waiting.keys;
}

/**
 * "Change the connection" while the saved server cannot be opened: the new one is tested first
 * (and held against this computer's keys), and kept only if it works; then the clinic opens on
 * it and the change is recorded in its audit log. Where it still cannot open, the screen says
 * why, as for the old one.
 */
export async function changeServer(
  launch: Launch,
  keys: ClinicKeys,
  settings: ServerSettings,
): Promise<void> {
  const check = await checkServerFor(settings, keys);
  if (!check.ok) throw new KeyError('server', check.message ?? '', check.field);
  // The window's timer may be trying the old connection: one attempt at a time, and where the
  // old server answered meanwhile the clinic is open on it, with nothing left to change.
  await launch.retrying?.catch(() => undefined);
  const before = launch.waiting?.server;
  if (launch.state.state !== 'server' || !before) return;
  saveServerConnection(launch.dataDir, settings, launch.options.secretStore, keys);
  launch.retrying = launch.start(keys).finally(() => {
    launch.retrying = null;
  });
  await launch.retrying;
  if (launch.services) await recordConnection(launch.services, before, settings, launch.now());
}

/**
 * Nobody is signed in yet: the event names this computer (its host name) and its server
 * (user@host:port/database), the one before it where the connection was changed, never a
 * password. At first run as when
 * it is changed, so the server's log says which workstations were connected, and when.
 */
export async function recordConnection(
  services: MesochartServices,
  before: ServerWait | null,
  after: ServerSettings,
  now: Date,
): Promise<void> {
  const where = (s: Pick<ServerSettings, 'user' | 'host' | 'port' | 'database'>) =>
    `${s.user}@${s.host}:${s.port}/${s.database}`;
  const entry = auditEntry(
    'keys.connectServer',
    now,
    null,
    // Nobody is signed in: the computer (its host name) says which workstation it was.
    { objectId: `${before ? `${where(before)} -> ` : ''}${where(after)} (computer ${hostname()})` },
    'success',
    null,
    { action: before ? 'update' : 'create', objectType: 'server-connection' },
  );
  const { state } = services;
  try {
    await state.store.transaction((db) => appendAudit(db, state.auditKey, entry));
  } catch {
    // Written with the next events once the server answers again; never lost.
    state.auditQueue.add(entry);
  }
}

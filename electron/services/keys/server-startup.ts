import { hostname } from 'node:os';
import type { ServerWait } from '../../../shared/api/keys';
import type { MesochartServices } from '../app';
import { appendAudit } from '../audit/audit-log';
import { auditEntry } from '../audit/audit-entry';
import type { ServerSettings } from '../store/server-check';
import type { ClinicKeys } from './clinic-keys';
import { KeyError } from './key-errors';
import type { Launch } from './launch-state';
import { checkServerFor, saveServerConnection } from './server-connection';

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

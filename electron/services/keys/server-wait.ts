import type { ServerWait } from '../../../shared/api/keys';
import type { SecretStore } from '../core/context';
import { isUnreachable } from '../store/server-guard';
import {
  serverUrl,
  settingsFromUrl,
  unreachableFailure,
  type ServerSettings,
} from '../store/server-check';
import type { ClinicKeys } from './clinic-keys';
import { KeyError } from './key-errors';
import {
  checkServerFor,
  SEALED_ELSEWHERE,
  savedServerPlace,
  savedServerSettings,
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
  // The launcher's options, as far as they name the server (apart, so launch-state can call this).
  options: { databaseUrl?: string | undefined; dataDir: string; secretStore: SecretStore | null },
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

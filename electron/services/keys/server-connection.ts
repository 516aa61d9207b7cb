import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import type { SecretStore } from '../core/context';
import { headMac } from '../audit/audit-log';
import { CONNECT_TIMEOUT_MS } from '../store/postgres';
import { checkServer, serverUrl, type ServerSettings } from '../store/server-check';
import type { ServerCheckAnswer, ServerCheckReason } from '../../../shared/api/keys';
import { deriveKey, type ClinicKeys } from './clinic-keys';
import { KeyError } from './key-errors';
import { textSeal } from './text-seal';

/**
 * The clinic server this computer works on, chosen at first run ("Connect to the clinic
 * server"). Kept in the data folder beside the key file; the password only sealed: by the OS
 * keychain where there is one, else under a key derived from the clinic's data key (which the
 * clinic passphrase already guards). The file never holds it in clear.
 */
export const SERVER_FILE = 'mesochart.server.json';

const fileSchema = z.object({
  format: z.literal(1),
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  user: z.string(),
  tls: z.enum(['off', 'require', 'verify']),
  password: z.object({ by: z.enum(['keychain', 'clinic-key']), sealed: z.string() }),
});

/** Seals the server's password the way this computer can open it again at its next start. */
interface PasswordSeal {
  by: 'keychain' | 'clinic-key';
  seal(text: string): Buffer;
  open(sealed: Buffer): string;
}

function clinicKeySeal(keys: ClinicKeys): PasswordSeal {
  return { by: 'clinic-key', ...textSeal(deriveKey(keys.dataKey, 'server/password')) };
}

function sealFor(by: 'keychain' | 'clinic-key', store: SecretStore | null, keys: ClinicKeys) {
  if (by === 'keychain') {
    if (!store) return null;
    return { by, seal: (t: string) => store.seal(t), open: (s: Buffer) => store.open(s) };
  }
  return clinicKeySeal(keys);
}

/** Why a saved password cannot be opened here, in English (the screens word it by reason). */
export const SEALED_ELSEWHERE =
  "The server's password was sealed by another computer's keychain (or its keychain entry is " +
  "gone), so it cannot be opened here. Type the server's password again under Change the " +
  'connection: it is tested, then sealed anew on this computer.';

const serverFile = (dataDir: string) => path.join(dataDir, SERVER_FILE);

export function hasServerConnection(dataDir: string): boolean {
  return existsSync(serverFile(dataDir));
}

/** Keeps the connection for the next start: a temp file renamed over, so never half written. */
export function saveServerConnection(
  dataDir: string,
  settings: ServerSettings,
  store: SecretStore | null,
  keys: ClinicKeys,
): void {
  const seal = sealFor(store ? 'keychain' : 'clinic-key', store, keys) as PasswordSeal;
  const { password, ...rest } = settings;
  const file: z.infer<typeof fileSchema> = {
    format: 1,
    ...rest,
    password: { by: seal.by, sealed: seal.seal(password).toString('base64') },
  };
  const target = serverFile(dataDir);
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flush: true });
  renameSync(temp, target);
}

export function forgetServerConnection(dataDir: string): void {
  rmSync(serverFile(dataDir), { force: true });
}

function readServerFile(dataDir: string): z.infer<typeof fileSchema> {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(serverFile(dataDir), 'utf8')));
  if (!parsed.success) {
    throw new KeyError('damaged', {
      key: 'errors.keys.serverFileDamaged',
      params: { file: SERVER_FILE },
    });
  }
  return parsed.data;
}

/** Where the saved server is (no password): what the waiting screen names when it can't open. */
export function savedServerPlace(dataDir: string): Omit<ServerSettings, 'password'> {
  const { password: _password, format: _format, ...rest } = readServerFile(dataDir);
  return rest;
}

/**
 * The saved server, its password opened; null where none was chosen. A password this computer
 * cannot open (sealed by another computer's keychain, or its entry gone) is `keychain-refused`:
 * the launcher waits on the server and asks for the password again (Change the connection).
 */
export function savedServerSettings(
  dataDir: string,
  store: SecretStore | null,
  keys: ClinicKeys,
): ServerSettings | null {
  if (!hasServerConnection(dataDir)) return null;
  const { password, format: _format, ...rest } = readServerFile(dataDir);
  const seal = sealFor(password.by, store, keys);
  let clear: string;
  try {
    if (!seal) throw new Error('no keychain');
    clear = seal.open(Buffer.from(password.sealed, 'base64'));
  } catch {
    throw new KeyError('keychain-refused', SEALED_ELSEWHERE);
  }
  return { ...rest, password: clear };
}

/** The saved server as a database URL, its password opened; null where none was chosen. */
export function savedServerUrl(
  dataDir: string,
  store: SecretStore | null,
  keys: ClinicKeys,
): string | null {
  const settings = savedServerSettings(dataDir, store, keys);
  return settings ? serverUrl(settings) : null;
}

/**
 * Whether this computer's keys are the server clinic's: its audit chain's head is sealed with
 * the clinic's audit key. A server with no events yet is any clinic's to start.
 */
async function keysMatch(settings: ServerSettings, keys: ClinicKeys): Promise<boolean> {
  const client = new pg.Client({
    connectionString: serverUrl(settings),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const head = await client.query<{ seq: number; hash: string; mac: string | null }>(
      'SELECT seq, hash, mac FROM audit_head WHERE id = 1',
    );
    const row = head.rows[0];
    return !row || row.mac === headMac(keys.auditKey, row.seq, row.hash);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The field of the connection form each failure is shown next to. */
const FIELD_OF: Record<ServerCheckReason, keyof ServerSettings> = {
  unreachable: 'host',
  'wrong-password': 'password',
  'no-database': 'database',
  'tls-mismatch': 'tls',
  'tls-certificate': 'tls',
  'empty-database': 'database',
  'schema-older': 'database',
  'schema-newer': 'database',
  'not-allowed': 'user',
  'other-clinic': 'database',
  failed: 'host',
};

/**
 * The connection test, and before connecting, that this computer holds the server clinic's keys
 * (a workstation with another clinic's keys would write an audit chain nobody can verify).
 * Never throws; nothing is written.
 */
export async function checkServerFor(
  settings: ServerSettings,
  keys: ClinicKeys | null,
): Promise<ServerCheckAnswer> {
  const check = await checkServer(settings);
  if (check.ok && keys && !(await keysMatch(settings, keys).catch(() => false))) {
    return {
      ok: false,
      version: check.version,
      reason: 'other-clinic',
      field: FIELD_OF['other-clinic'],
      message:
        "This computer holds another clinic's keys. Bring the server clinic's keys here first " +
        '(Open an existing clinic with its recovery key), then connect.',
    };
  }
  if (check.ok)
    return { ok: true, version: check.version, reason: null, field: null, message: null };
  return {
    ok: false,
    version: check.found ?? null,
    reason: check.reason,
    field: FIELD_OF[check.reason],
    message: check.message,
  };
}

/**
 * From now on this computer works on the server: the connection is tried (and the keys held
 * against the server's record), kept for the next start, and `restart` opens the services on it
 * at once. Where they cannot open there, the connection is forgotten and this computer's own
 * (empty) record is opened again.
 */
export async function connectToServer(
  dataDir: string,
  settings: ServerSettings,
  store: SecretStore | null,
  keys: ClinicKeys,
  restart: () => Promise<void>,
): Promise<void> {
  const check = await checkServerFor(settings, keys);
  if (!check.ok) throw new KeyError('server', check.message ?? '', check.field);
  saveServerConnection(dataDir, settings, store, keys);
  try {
    await restart();
  } catch (error) {
    forgetServerConnection(dataDir);
    await restart();
    throw error instanceof KeyError
      ? error
      : new KeyError('server', { key: 'errors.keys.serverNotOpened' }, 'host');
  }
}

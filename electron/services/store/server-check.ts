import pg from 'pg';
import { LATEST_SCHEMA_VERSION } from './migrations/index';
import { CONNECT_TIMEOUT_MS } from './postgres';
import { isUnreachable } from './server-guard';

/**
 * "Connect to the clinic server": what a workstation is given at first run, tried before it is
 * kept, with one plain answer for each way it can fail.
 */
export interface ServerSettings {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** off: plain; require: encrypted, any certificate; verify: encrypted, certificate checked. */
  tls: 'off' | 'require' | 'verify';
}

export type ServerCheckFailure =
  | 'unreachable'
  | 'wrong-password'
  | 'no-database'
  | 'tls-mismatch'
  | 'tls-certificate'
  | 'empty-database'
  | 'schema-older'
  | 'schema-newer'
  | 'not-allowed'
  | 'failed';

export type ServerCheck =
  | { ok: true; version: number }
  | { ok: false; reason: ServerCheckFailure; message: string; found?: number };

/** The settings as a database URL, for createServices({ databaseUrl }). */
export function serverUrl(s: ServerSettings): string {
  const url = new URL('postgresql://localhost');
  url.hostname = s.host;
  url.port = String(s.port);
  url.pathname = `/${encodeURIComponent(s.database)}`;
  url.username = encodeURIComponent(s.user);
  url.password = encodeURIComponent(s.password);
  if (s.tls !== 'off')
    url.searchParams.set('sslmode', s.tls === 'verify' ? 'verify-full' : 'no-verify');
  return url.toString();
}

/**
 * A database URL (the administrator's MESOCHART_DATABASE_URL) as connection settings, for the
 * connection test and the screens; libpq's sslmode read as the three choices of the form.
 */
export function settingsFromUrl(url: string): ServerSettings {
  const u = new URL(url);
  const mode = u.searchParams.get('sslmode');
  const tls: ServerSettings['tls'] =
    mode === 'verify-full' || mode === 'verify-ca'
      ? 'verify'
      : mode === 'require' || mode === 'no-verify' || mode === 'prefer'
        ? 'require'
        : 'off';
  return {
    host: u.hostname || 'localhost',
    port: u.port ? Number(u.port) : 5432,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    tls,
  };
}

/** What "no answer" says, naming the server tried. */
export function unreachableFailure(s: Pick<ServerSettings, 'host' | 'port'>): string {
  return `No answer from ${s.host}:${s.port}. Check the server's name, that it is switched on, and the network.`;
}

function ssl(tls: ServerSettings['tls']): pg.ClientConfig['ssl'] {
  if (tls === 'off') return false;
  // "require" encrypts without checking who answers, as libpq's sslmode=require does.
  return { rejectUnauthorized: tls === 'verify' };
}

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function failure(reason: ServerCheckFailure, message: string, found?: number): ServerCheck {
  return found === undefined
    ? { ok: false, reason, message }
    : { ok: false, reason, message, found };
}

/** Why connecting failed, in the words the first-run screen shows. */
function explain(error: unknown, s: ServerSettings): ServerCheck {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (/does not support SSL/i.test(message)) {
    return failure(
      'tls-mismatch',
      'The server does not accept encrypted (TLS) connections. Turn TLS off here, or turn it on on the server.',
    );
  }
  if (code === '28000' && /no encryption|hostssl|SSL off/i.test(message)) {
    return failure(
      'tls-mismatch',
      'The server accepts only encrypted (TLS) connections. Turn TLS on here.',
    );
  }
  if (typeof code === 'string' && CERTIFICATE_CODES.has(code)) {
    return failure(
      'tls-certificate',
      `The server's certificate could not be checked for ${s.host} (${code}). Install the clinic's ` +
        'certificate on this computer, or choose "encrypted, certificate not checked" if the server is on your own network.',
    );
  }
  if (code === '28P01' || (code === '28000' && /role .* does not exist/i.test(message))) {
    return failure('wrong-password', 'The user name or password was not accepted by the server.');
  }
  if (code === '28000') {
    return failure(
      'not-allowed',
      "The server does not let this computer connect as this user. Ask the clinic's administrator to allow it (pg_hba.conf).",
    );
  }
  if (code === '3D000') {
    return failure('no-database', `The server has no database called ${s.database}.`);
  }
  if (isUnreachable(error)) {
    return failure('unreachable', unreachableFailure(s));
  }
  return failure('failed', 'The server refused the connection. Check the settings and try again.');
}

/**
 * Connects with `settings` and reads the record's data version: whether this workstation can
 * work on this server as it is. Never throws; nothing is written.
 */
export async function checkServer(settings: ServerSettings): Promise<ServerCheck> {
  const client = new pg.Client({
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    password: settings.password,
    ssl: ssl(settings.tls),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    return explain(error, settings);
  }
  try {
    const table = await client.query<{ t: string | null }>(
      "SELECT to_regclass('schema_version')::text AS t",
    );
    if (!table.rows[0]?.t) {
      return failure(
        'empty-database',
        `The database ${settings.database} holds no Mesochart record yet. The clinic's administrator prepares it first (npm run admin -- migrate-server).`,
      );
    }
    const row = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const version = row.rows[0]?.version ?? 0;
    if (version > LATEST_SCHEMA_VERSION) {
      return failure(
        'schema-newer',
        `The server's record was written by a newer Mesochart (data version ${version}; this one understands up to ${LATEST_SCHEMA_VERSION}). Update Mesochart on this computer first.`,
        version,
      );
    }
    if (version < LATEST_SCHEMA_VERSION) {
      return failure(
        'schema-older',
        `The server's record is at data version ${version}; this Mesochart needs ${LATEST_SCHEMA_VERSION}. The clinic's administrator upgrades it first (npm run admin -- migrate-server).`,
        version,
      );
    }
    return { ok: true, version };
  } catch (error) {
    if (isUnreachable(error)) return explain(error, settings);
    if ((error as { code?: unknown }).code === '42501') {
      return failure(
        'not-allowed',
        `The user ${settings.user} may not read this clinic's record. Ask the clinic's administrator to grant it.`,
      );
    }
    return failure('failed', 'The server answered, but its record could not be read.');
  } finally {
    await client.end().catch(() => undefined);
  }
}

import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL 15 cluster for the tests: initdb into a temp folder, one server on a
 * free loopback port, removed afterwards. initdb refuses to run as root, so as root the cluster
 * is made and run by Debian's unprivileged `postgres` user; as anyone else, by that user.
 * Missing binaries fail the run with how to install them; it never passes by not running.
 */
export interface TestCluster {
  /** Superuser connection to the `postgres` database. */
  superUrl: string;
  /** A database URL on this cluster for `role`. */
  url(database: string, role: string): string;
  /** Switches the server off, keeping its data and port: a clinic server that is down. */
  pause(): void;
  /** Switches it on again (nothing happens if it runs). */
  resume(): void;
  stop(): void;
}

export const OWNER_ROLE = 'mesochart_owner';
export const RUNTIME_ROLE = 'mesochart_app';
export const TEMPLATE_DATABASE = 'mesochart_template';
/**
 * A workstation's role that must give its password (every other role is trusted on loopback):
 * for the connection test's "wrong password". A member of the runtime role, with its rights.
 */
export const PASSWORD_ROLE = 'mesochart_desk';
export const PASSWORD_ROLE_PASSWORD = 'front desk server pass';

export function postgresBinDir(): string {
  const candidates = [
    process.env.MESOCHART_PG_BIN,
    '/usr/lib/postgresql/15/bin',
    '/usr/lib/postgresql/16/bin',
    '/usr/lib/postgresql/17/bin',
  ].filter((d): d is string => Boolean(d));
  const found = candidates.find((d) => existsSync(path.join(d, 'initdb')));
  if (!found) {
    throw new Error(
      'The PostgreSQL test run needs PostgreSQL 15 or newer and found no initdb in ' +
        `${candidates.join(', ')}. Install it (Debian/Ubuntu: sudo apt-get install postgresql) ` +
        'or set MESOCHART_PG_BIN to the folder holding initdb and pg_ctl, then run the tests again.',
    );
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Who runs the server: ourselves, or `postgres` when we are root (initdb refuses root). */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) {
    throw new Error('Running as root, the tests need the `postgres` user to run PostgreSQL');
  }
  return { uid, gid };
}

function run(bin: string, args: string[], options: SpawnSyncOptions): void {
  const result = spawnSync(bin, args, { ...options, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(bin)} failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`,
    );
  }
}

export async function startCluster(): Promise<TestCluster> {
  const bin = postgresBinDir();
  const user = serverUser();
  const root = mkdtempSync(path.join(os.tmpdir(), 'mesochart-pg-'));
  const data = path.join(root, 'data');
  if (user) chownSync(root, user.uid, user.gid);
  chmodSync(root, 0o700);
  const as: SpawnSyncOptions = { cwd: root, ...(user ?? {}), env: { ...process.env, LC_ALL: 'C' } };
  run(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    as,
  );
  // Password checked for PASSWORD_ROLE over TCP; everyone else trusted, as initdb -A trust made it.
  writeFileSync(
    path.join(data, 'pg_hba.conf'),
    [
      'local all all trust',
      `host all ${PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256`,
      'host all all 127.0.0.1/32 trust',
      'host all all ::1/128 trust',
      '',
    ].join('\n'),
  );
  if (user) chownSync(path.join(data, 'pg_hba.conf'), user.uid, user.gid);
  const port = await freePort();
  // Durability is not what these tests are about: a throwaway cluster skips fsync.
  writeFileSync(
    path.join(data, 'postgresql.auto.conf'),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${root}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'max_connections = 300',
      'shared_buffers = 64MB',
      "log_min_messages = 'fatal'",
      '',
    ].join('\n'),
  );
  if (user) chownSync(path.join(data, 'postgresql.auto.conf'), user.uid, user.gid);
  const pgStart = () =>
    run(
      path.join(bin, 'pg_ctl'),
      ['-D', data, '-l', path.join(root, 'server.log'), '-w', '-t', '60', 'start'],
      as,
    );
  pgStart();
  let paused = false;
  const url = (database: string, role: string) =>
    `postgresql://${role}@127.0.0.1:${port}/${database}`;
  return {
    superUrl: url('postgres', 'postgres'),
    url,
    pause() {
      if (paused) return;
      run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], as);
      paused = true;
    },
    resume() {
      if (!paused) return;
      pgStart();
      paused = false;
    },
    stop() {
      spawnSync(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], as);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/app';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations/index';
import { ADMIN, CLINIC, TEST_ORIGIN, TRUSTED } from '../../support/helpers';
import { runAsWorkstation } from '../../support/test-store';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..', '..');

function superUrl(): string {
  const url = process.env.MESOCHART_TEST_PG_SUPER_URL;
  if (!url) throw new Error('Run with vitest.postgres.config.ts (the throwaway cluster)');
  return url;
}

const made: { database: string; roles: string[] }[] = [];
afterAll(async () => {
  const client = new pg.Client({ connectionString: superUrl() });
  await client.connect();
  try {
    for (const { database, roles } of made) {
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      for (const role of roles) await client.query(`DROP ROLE IF EXISTS ${role}`);
    }
  } finally {
    await client.end();
  }
});

/** Expects the statement to be refused by the server, with its message. */
async function refused(url: string, statement: string): Promise<string> {
  const error = await runAsWorkstation(url, statement).then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, statement).not.toBeNull();
  return error?.message ?? '';
}

describe('npm run admin -- create-server-database', { timeout: 300_000 }, () => {
  it('makes the database and both roles in one command; the workstations get rows only', async () => {
    const suffix = randomBytes(4).toString('hex');
    const database = `clinic_${suffix}`;
    const owner = `owner_${suffix}`;
    const app = `desk_${suffix}`;
    made.push({ database, roles: [owner, app] });
    const { stdout } = await run(
      process.execPath,
      [
        path.join(root, 'electron', 'tools', 'run-tool.mjs'),
        'admin',
        'create-server-database',
        '--database',
        database,
        '--owner-role',
        owner,
        '--app-role',
        app,
      ],
      { cwd: root, env: { ...process.env, MESOCHART_SERVER_ADMIN_URL: superUrl() } },
    );
    const ownerUrl = /MESOCHART_DATABASE_OWNER_URL=(\S+)/.exec(stdout)?.[1] ?? '';
    const url = /MESOCHART_DATABASE_URL=(\S+)/.exec(stdout)?.[1] ?? '';
    expect(new URL(ownerUrl).username).toBe(owner);
    expect(new URL(url).username).toBe(app);
    // Each role got its own made-up password.
    expect(new URL(url).password.length).toBeGreaterThanOrEqual(24);
    expect(new URL(url).password).not.toBe(new URL(ownerUrl).password);

    const version = (await runAsWorkstation(url, 'SELECT version FROM schema_version'))[0] as {
      version: number;
    };
    expect(version.version).toBe(LATEST_SCHEMA_VERSION);

    // The workstations' role: no schema change, no switching the append-only rules off, no
    // rewriting the version, no other database.
    expect(await refused(url, 'CREATE TABLE intruder (id int)')).toMatch(/permission denied/);
    expect(await refused(url, 'DROP TABLE audit_event')).toMatch(/must be owner/);
    expect(await refused(url, 'ALTER TABLE audit_event DISABLE TRIGGER USER')).toMatch(
      /must be owner/,
    );
    expect(await refused(url, 'UPDATE schema_version SET version = 1')).toMatch(
      /permission denied/,
    );
    // A stranger role of the same server cannot connect to the clinic's database.
    const stranger = `stranger_${suffix}`;
    made[made.length - 1]!.roles.push(stranger);
    await runAsWorkstation(superUrl(), `CREATE ROLE ${stranger} LOGIN`);
    const strangerUrl = new URL(url);
    strangerUrl.username = stranger;
    strangerUrl.password = '';
    expect(await refused(strangerUrl.toString(), 'SELECT 1')).toMatch(/permission denied/);

    // A workstation opens the clinic with the runtime URL alone and sets it up.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-desk-'));
    try {
      const services = await createServices({
        dataDir,
        trustedOrigin: TEST_ORIGIN,
        databaseKey: randomBytes(32),
        auditKey: randomBytes(32),
        databaseUrl: url,
      });
      try {
        const setup = await services.dispatch(TRUSTED, 'auth.setup', {
          clinic: CLINIC,
          admin: ADMIN,
        });
        expect(setup.ok).toBe(true);
      } finally {
        await services.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const staff = (
      await runAsWorkstation(ownerUrl, 'SELECT count(*)::int AS n FROM staff_user')
    )[0];
    expect(staff).toEqual({ n: 1 });

    // Run again for the same name: refused, nothing changed.
    const again = await run(
      process.execPath,
      [
        path.join(root, 'electron', 'tools', 'run-tool.mjs'),
        'admin',
        'create-server-database',
        '--database',
        database,
        '--owner-role',
        owner,
        '--app-role',
        app,
      ],
      { cwd: root, env: { ...process.env, MESOCHART_SERVER_ADMIN_URL: superUrl() } },
    ).then(
      () => null,
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(again?.code).toBe(1);
    expect(again?.stderr).toMatch(/already exists/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { checkServer, type ServerSettings } from '../../../electron/services/store/server-check';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations/index';
import {
  freshDatabase,
  runAsWorkstation,
  testStore,
  type TestDatabase,
} from '../../support/test-store';
import { PASSWORD_ROLE, PASSWORD_ROLE_PASSWORD } from '../../support/postgres-cluster';
import { startProxy } from '../../support/tcp-proxy';

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const d of databases) await d.drop();
  databases.length = 0;
});

/** The settings a workstation would type for `url`'s database. */
function settingsOf(url: string, patch: Partial<ServerSettings> = {}): ServerSettings {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port),
    database: u.pathname.slice(1),
    user: decodeURIComponent(u.username),
    password: '',
    tls: 'off',
    ...patch,
  };
}

async function database(): Promise<TestDatabase> {
  const d = await freshDatabase();
  databases.push(d);
  return d;
}

describe.skipIf(testStore() !== 'postgres')('the clinic server connection test', () => {
  it('connects to an up-to-date clinic and tells each failure apart', async () => {
    const d = await database();
    expect(await checkServer(settingsOf(d.url))).toEqual({
      ok: true,
      version: LATEST_SCHEMA_VERSION,
    });

    // A role that must give its password.
    const desk = settingsOf(d.url, { user: PASSWORD_ROLE });
    expect(await checkServer({ ...desk, password: PASSWORD_ROLE_PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(await checkServer({ ...desk, password: 'not the password' })).toEqual({
      ok: false,
      reason: 'wrong-password',
      message: 'The user name or password was not accepted by the server.',
    });
    expect(await checkServer(settingsOf(d.url, { user: 'nobody_here' }))).toMatchObject({
      reason: 'wrong-password',
    });

    // Encryption asked of a server that has none.
    expect(await checkServer(settingsOf(d.url, { tls: 'require' }))).toMatchObject({
      ok: false,
      reason: 'tls-mismatch',
      message: expect.stringMatching(/does not accept encrypted \(TLS\) connections/),
    });

    expect(await checkServer(settingsOf(d.url, { database: 'no_such_clinic' }))).toEqual({
      ok: false,
      reason: 'no-database',
      message: 'The server has no database called no_such_clinic.',
    });
  });

  it('says when nothing answers at the address', async () => {
    const d = await database();
    const u = new URL(d.url);
    const proxy = await startProxy({ host: u.hostname, port: Number(u.port) });
    await proxy.cut();
    const result = await checkServer(settingsOf(d.url, { host: '127.0.0.1', port: proxy.port }));
    expect(result).toEqual({
      ok: false,
      reason: 'unreachable',
      message: `No answer from 127.0.0.1:${proxy.port}. Check the server's name, that it is switched on, and the network.`,
    });
  });

  it('names an empty database, an older record and a newer one, and changes none of them', async () => {
    const d = await database();
    const set = async (version: number) => {
      const owner = new pg.Client({ connectionString: d.ownerUrl });
      await owner.connect();
      await owner.query('UPDATE schema_version SET version = $1', [version]);
      await owner.end();
    };
    await set(LATEST_SCHEMA_VERSION - 1);
    expect(await checkServer(settingsOf(d.url))).toMatchObject({
      ok: false,
      reason: 'schema-older',
      found: LATEST_SCHEMA_VERSION - 1,
      message: expect.stringMatching(/upgrades it first \(npm run admin -- migrate-server\)/),
    });
    await set(LATEST_SCHEMA_VERSION + 1);
    expect(await checkServer(settingsOf(d.url))).toMatchObject({
      ok: false,
      reason: 'schema-newer',
      found: LATEST_SCHEMA_VERSION + 1,
      message: expect.stringMatching(/Update Mesochart on this computer first/),
    });
    const rows = (await runAsWorkstation(d.url, 'SELECT version FROM schema_version')) as {
      version: number;
    }[];
    expect(rows).toEqual([{ version: LATEST_SCHEMA_VERSION + 1 }]);

    // A database the administrator made but never prepared.
    const admin = new pg.Client({ connectionString: process.env.MESOCHART_TEST_PG_SUPER_URL });
    await admin.connect();
    await admin.query('CREATE DATABASE mesochart_empty_check');
    try {
      expect(
        await checkServer(settingsOf(d.url, { database: 'mesochart_empty_check' })),
      ).toMatchObject({ ok: false, reason: 'empty-database' });
    } finally {
      await admin.query('DROP DATABASE mesochart_empty_check WITH (FORCE)');
      await admin.end();
    }
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createServices } from '../../../electron/services/app';
import type { ClinicKeys } from '../../../electron/services/keys/clinic-keys';
import { KEY_FILE } from '../../../electron/services/keys/key-file';
import { createKeys, resealKeys } from '../../../electron/services/keys/keyring';
import { launchClinic, type ClinicLauncher } from '../../../electron/services/keys/launcher';
import {
  SERVER_FILE,
  saveServerConnection,
} from '../../../electron/services/keys/server-connection';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations/index';
import { migratePostgres } from '../../../electron/services/store/postgres';
import type { ServerSettings } from '../../../electron/services/store/server-check';
import type { KeysStatus, ServerCheckAnswer } from '../../../shared/api/keys';
import { ADMIN, CLINIC, TEST_ORIGIN, TRUSTED } from '../../support/helpers';
import { TEST_KDF } from '../../support/keys';
import {
  OWNER_ROLE,
  PASSWORD_ROLE,
  PASSWORD_ROLE_PASSWORD,
  RUNTIME_ROLE,
  startCluster,
  type TestCluster,
} from '../../support/postgres-cluster';
import { call, freshDir, launch, ok, testKeychain } from './launch';

/**
 * A workstation whose clinic server cannot be opened when it starts (switched off, a refused
 * password, TLS, a record of another version): it waits on that server and says why, tries
 * again, or takes a changed connection; it never opens an empty record of its own instead.
 * Against a throwaway PostgreSQL cluster this file starts, stopped to switch the server off.
 */
let cluster: TestCluster;
const DATABASE = 'mesochart_startup';
const keychain = testKeychain();
let clinicKeys: ClinicKeys;
/** The clinic's key file, sealed by `keychain`, as each workstation brought it here. */
let keysDir: string;

async function asSuperuser(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: cluster.superUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

const port = () => Number(new URL(cluster.superUrl).port);
const settings = (over: Partial<ServerSettings> = {}): ServerSettings => ({
  host: '127.0.0.1',
  port: port(),
  database: DATABASE,
  user: PASSWORD_ROLE,
  password: PASSWORD_ROLE_PASSWORD,
  tls: 'off',
  ...over,
});

beforeAll(async () => {
  cluster = await startCluster();
  await asSuperuser([
    `CREATE ROLE ${OWNER_ROLE} LOGIN`,
    `CREATE ROLE ${RUNTIME_ROLE} LOGIN`,
    `CREATE ROLE ${PASSWORD_ROLE} LOGIN PASSWORD '${PASSWORD_ROLE_PASSWORD}' IN ROLE ${RUNTIME_ROLE}`,
    `CREATE DATABASE ${DATABASE} OWNER ${OWNER_ROLE}`,
  ]);
  await migratePostgres(cluster.url(DATABASE, OWNER_ROLE), RUNTIME_ROLE);
  // The server clinic, set up under the keys every workstation of the clinic holds.
  keysDir = freshDir();
  clinicKeys = (await createKeys(keysDir, { kind: 'keychain', store: keychain }, TEST_KDF)).keys;
  const serverDir = freshDir();
  const desk = await createServices({
    dataDir: serverDir,
    databaseUrl: cluster.url(DATABASE, RUNTIME_ROLE),
    trustedOrigin: TEST_ORIGIN,
    databaseKey: clinicKeys.dataKey,
    auditKey: clinicKeys.auditKey,
  });
  const setUp = await desk.dispatch(TRUSTED, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
  expect(setUp.ok).toBe(true);
  await desk.close();
  rmSync(serverDir, { recursive: true, force: true });
}, 120_000);

afterAll(() => {
  cluster?.stop();
  rmSync(keysDir, { recursive: true, force: true });
});

const open: ClinicLauncher[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  cluster.resume();
});

/** A workstation holding the clinic's keys (sealed by its keychain) and `saved` as its server. */
async function workstation(saved: ServerSettings, mode: 'keychain' | 'passphrase' = 'keychain') {
  const dataDir = freshDir();
  dirs.push(dataDir);
  const store = mode === 'keychain' ? keychain : null;
  const passphrase = 'a clinic passphrase here';
  // The server clinic's keys, brought here (as with the recovery sheet) and sealed as this
  // computer seals them.
  copyFileSync(path.join(keysDir, KEY_FILE), path.join(dataDir, KEY_FILE));
  if (!store) await resealKeys(dataDir, clinicKeys, { kind: 'passphrase', passphrase }, TEST_KDF);
  saveServerConnection(dataDir, saved, store, clinicKeys);
  return { dataDir, passphrase };
}

async function started(dataDir: string, mode: 'keychain' | 'passphrase' = 'keychain') {
  const launcher = await launch(dataDir, mode === 'keychain' ? keychain : null);
  open.push(launcher);
  return launcher;
}

describe('a workstation whose clinic server cannot be opened at start-up', () => {
  it('waits on the switched-off server, opens no record of its own, and opens the clinic once the server is back', async () => {
    const { dataDir } = await workstation(settings());
    cluster.pause();
    const launcher = await started(dataDir);
    const status = launcher.status();
    expect(status).toMatchObject({
      state: 'server',
      server: {
        host: '127.0.0.1',
        port: port(),
        database: DATABASE,
        user: PASSWORD_ROLE,
        setBy: 'this-computer',
        reason: 'unreachable',
        attempts: 1,
        // Nothing of its own here: only the key file and the connection.
        localRecord: 'none',
      },
    });
    expect(status.message).toContain(`No answer from 127.0.0.1:${port()}`);
    // The password never reaches the window.
    expect(JSON.stringify(status)).not.toContain(PASSWORD_ROLE_PASSWORD);
    // No empty clinic opened in its place: nothing answers but keys.*, no database file made.
    expect(launcher.services).toBeNull();
    expect((await call(launcher, 'auth.state')).ok).toBe(false);
    expect(existsSync(path.join(dataDir, 'mesochart.sqlite'))).toBe(false);

    // Still switched off: another attempt, said again.
    const again = await ok<KeysStatus>(launcher, 'keys.retryServer');
    expect(again).toMatchObject({
      state: 'server',
      server: { reason: 'unreachable', attempts: 2 },
    });

    cluster.resume();
    const back = await ok<KeysStatus>(launcher, 'keys.retryServer');
    expect(back).toMatchObject({ state: 'open', server: null });
    expect(launcher.services?.state.store.dialect).toBe('postgres');
    expect(await ok(launcher, 'auth.state')).toMatchObject({ clinicName: CLINIC.name });
  });

  it('says each other failure in its own words: the password, TLS, a newer record', async () => {
    const cases: [Partial<ServerSettings>, string][] = [
      [{ password: 'not the password' }, 'wrong-password'],
      [{ tls: 'require' }, 'tls-mismatch'],
      [{ database: 'mesochart_nowhere' }, 'no-database'],
    ];
    for (const [wrong, reason] of cases) {
      const { dataDir } = await workstation(settings(wrong));
      const launcher = await started(dataDir);
      expect(launcher.status().server?.reason, reason).toBe(reason);
      expect(launcher.services).toBeNull();
    }
    // The server's record written by a newer Mesochart: this one waits, changing nothing.
    const owner = cluster.url(DATABASE, OWNER_ROLE);
    const bump = async (version: number) => {
      const client = new pg.Client({ connectionString: owner });
      await client.connect();
      await client.query('UPDATE schema_version SET version = $1', [version]);
      await client.end();
    };
    await bump(LATEST_SCHEMA_VERSION + 1);
    try {
      const { dataDir } = await workstation(settings());
      const launcher = await started(dataDir);
      expect(launcher.status().server).toMatchObject({
        reason: 'schema-newer',
        version: LATEST_SCHEMA_VERSION + 1,
      });
    } finally {
      await bump(LATEST_SCHEMA_VERSION);
    }
  });

  it('waits on the server after the clinic passphrase too, rather than failing', async () => {
    const { dataDir, passphrase } = await workstation(settings(), 'passphrase');
    cluster.pause();
    const launcher = await started(dataDir, 'passphrase');
    expect(launcher.status().state).toBe('locked');
    const unlocked = await ok<KeysStatus>(launcher, 'keys.unlock', { passphrase });
    expect(unlocked).toMatchObject({ state: 'server', server: { reason: 'unreachable' } });
    cluster.resume();
    expect(await ok<KeysStatus>(launcher, 'keys.retryServer')).toMatchObject({ state: 'open' });
  });

  it('takes a changed connection only once it works, and records the change in the audit log', async () => {
    // The server moved to another port; the saved one answers no more.
    const { dataDir } = await workstation(settings({ port: 1 }));
    const launcher = await started(dataDir);
    expect(launcher.status().server).toMatchObject({ reason: 'unreachable', port: 1 });
    const savedBefore = readFileSync(path.join(dataDir, SERVER_FILE), 'utf8');

    // A wrong password: said next to its field, nothing kept.
    const wrong = settings({ password: 'not the password' });
    const answer = await ok<ServerCheckAnswer>(launcher, 'keys.checkServer', wrong);
    expect(answer).toMatchObject({ ok: false, reason: 'wrong-password', field: 'password' });
    const refused = await call(launcher, 'keys.connectServer', wrong);
    expect(refused.ok ? null : refused.error.fields).toEqual({
      password: expect.stringMatching(/not accepted/),
    });
    expect(readFileSync(path.join(dataDir, SERVER_FILE), 'utf8')).toBe(savedBefore);
    expect(launcher.status().state).toBe('server');

    // The right details: tested, kept, and the clinic opens on them.
    const opened = await ok<KeysStatus>(launcher, 'keys.connectServer', settings());
    expect(opened).toMatchObject({ state: 'open' });
    const saved = JSON.parse(readFileSync(path.join(dataDir, SERVER_FILE), 'utf8')) as {
      port: number;
    };
    expect(saved.port).toBe(port());
    const client = new pg.Client({ connectionString: cluster.url(DATABASE, OWNER_ROLE) });
    await client.connect();
    const events = await client.query<{ operation: string; object_id: string; user_id: null }>(
      "SELECT operation, object_id, user_id FROM audit_event WHERE object_type = 'server-connection'",
    );
    await client.end();
    expect(events.rows).toContainEqual({
      operation: 'keys.connectServer',
      object_id: `${PASSWORD_ROLE}@127.0.0.1:1/${DATABASE} -> ${PASSWORD_ROLE}@127.0.0.1:${port()}/${DATABASE} (computer ${hostname()})`,
      user_id: null,
    });
  });
  it('waits on a server its administrator set (MESOCHART_DATABASE_URL) too, which only they change', async () => {
    const { dataDir } = await workstation(settings());
    const url = cluster.url(DATABASE, RUNTIME_ROLE);
    cluster.pause();
    const launcher = await launchClinic({
      dataDir,
      trustedOrigin: TEST_ORIGIN,
      secretStore: keychain,
      kdf: TEST_KDF,
      databaseUrl: url,
    });
    open.push(launcher);
    expect(launcher.status()).toMatchObject({
      state: 'server',
      server: { port: port(), user: RUNTIME_ROLE, setBy: 'administrator', reason: 'unreachable' },
    });
    for (const operation of ['keys.checkServer', 'keys.connectServer']) {
      const refused = await call(launcher, operation, settings());
      expect(refused.ok ? null : refused.error.message, operation).toMatch(
        /set by its administrator/,
      );
      // With its catalogue key: the waiting screen words it in its own language.
      expect(refused.ok ? null : refused.error.key).toBe('errors.keys.serverSetByAdministrator');
    }
    cluster.resume();
    expect(await ok<KeysStatus>(launcher, 'keys.retryServer')).toMatchObject({ state: 'open' });
  });
  it("tells the administrator of this computer's own older record, which is only read and never opened instead", async () => {
    const { dataDir } = await workstation(settings());
    // The clinic this computer kept before it worked on the server (it moved there).
    const before = await createServices({
      dataDir,
      trustedOrigin: TEST_ORIGIN,
      databaseKey: clinicKeys.dataKey,
      auditKey: clinicKeys.auditKey,
    });
    expect(
      (await before.dispatch(TRUSTED, 'auth.setup', { clinic: CLINIC, admin: ADMIN })).ok,
    ).toBe(true);
    await before.close();
    const file = path.join(dataDir, 'mesochart.sqlite');
    const bytes = readFileSync(file);
    cluster.pause();
    const launcher = await started(dataDir);
    expect(launcher.status().server).toMatchObject({
      reason: 'unreachable',
      localRecord: 'clinic',
    });
    expect(launcher.services).toBeNull();
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("asks again for a password sealed by another computer's keychain, rather than saying to remove the file", async () => {
    // The connection file copied from another workstation: its password sealed by that one's
    // keychain, which this computer's cannot open.
    const dataDir = freshDir();
    dirs.push(dataDir);
    copyFileSync(path.join(keysDir, KEY_FILE), path.join(dataDir, KEY_FILE));
    saveServerConnection(dataDir, settings(), testKeychain(), clinicKeys);
    const launcher = await started(dataDir);
    const status = launcher.status();
    expect(status).toMatchObject({
      state: 'server',
      server: { host: '127.0.0.1', port: port(), user: PASSWORD_ROLE, reason: 'password-sealed' },
    });
    expect(status.message).toMatch(/Type the server's password again under Change the connection/);
    expect(status.message).not.toMatch(/Remove/);
    expect(launcher.services).toBeNull();
    // Trying again cannot open the seal either: still asked for, never tried with no password.
    expect((await ok<KeysStatus>(launcher, 'keys.retryServer')).server).toMatchObject({
      reason: 'password-sealed',
      attempts: 2,
    });

    // Typed again: tested, sealed anew by this computer's keychain, and the clinic opens.
    expect(await ok<KeysStatus>(launcher, 'keys.connectServer', settings())).toMatchObject({
      state: 'open',
    });
    await launcher.close();
    open.splice(open.indexOf(launcher), 1);
    expect((await started(dataDir)).status()).toMatchObject({ state: 'open' });
  });

  it('records the first run\'s "Connect to the clinic server" in the server\'s audit log, with no password', async () => {
    // A workstation given the clinic's keys, still on its own empty record.
    const dataDir = freshDir();
    dirs.push(dataDir);
    copyFileSync(path.join(keysDir, KEY_FILE), path.join(dataDir, KEY_FILE));
    const launcher = await started(dataDir);
    expect(launcher.services?.state.store.dialect).toBe('sqlite');
    const connected = await ok<KeysStatus>(launcher, 'keys.connectServer', settings());
    expect(connected).toMatchObject({ state: 'open' });
    expect(launcher.services?.state.store.dialect).toBe('postgres');

    const client = new pg.Client({ connectionString: cluster.url(DATABASE, OWNER_ROLE) });
    await client.connect();
    const events = await client.query<Record<string, unknown>>(
      "SELECT * FROM audit_event WHERE object_type = 'server-connection' AND action = 'create'",
    );
    await client.end();
    expect(events.rows).toContainEqual(
      expect.objectContaining({
        operation: 'keys.connectServer',
        object_id: `${PASSWORD_ROLE}@127.0.0.1:${port()}/${DATABASE} (computer ${hostname()})`,
        user_id: null,
        outcome: 'success',
      }),
    );
    expect(JSON.stringify(events.rows)).not.toContain(PASSWORD_ROLE_PASSWORD);
  });
});

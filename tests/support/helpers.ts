import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { checkAgainstContract } from './contract';
import { createServices, type MesochartServices } from '../../electron/services/app';
import { AUDIT_KEY_FILE } from '../../electron/services/audit/audit-key';
import type { Result } from '../../shared/api/result';
import type { FileTokenKind } from '../../shared/api/file-token';
import type Database from 'better-sqlite3';
import {
  disableTriggers,
  freshDatabase,
  postgresStatements,
  runAsWorkstation,
  snapshotDatabase,
  testStore,
  type TestDatabase,
} from './test-store';

export const TEST_ORIGIN = 'http://mesochart.test';
export const TRUSTED = { url: `${TEST_ORIGIN}/index.html`, isMainFrame: true };
export const ADMIN = {
  username: 'amira',
  displayName: 'Amira Haddad',
  password: 'correct horse battery',
};
export const CLINIC = {
  name: 'Clinique Lumière',
  address: '12 Rue des Fleurs',
  phone: '+33 4 72 00 00 00',
  email: 'contact@lumiere.example',
  logo: null,
};

export interface TestApp {
  services: MesochartServices;
  dataDir: string;
  /** The data key the database is encrypted with, to reopen the folder. */
  databaseKey: Buffer;
  /** The PostgreSQL database the services run on, when the run is on PostgreSQL. */
  database: TestDatabase | null;
  /** Moves the services' clock, for idle-lock and sign-in-delay tests. */
  advance(ms: number): void;
  call(operation: string, input?: unknown): Promise<Result<unknown>>;
  /** Like call, but throws on a failed result: for arranging a test, not for asserting it. */
  ok<T = unknown>(operation: string, input?: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * Real services on a real SQLite file in a fresh temp directory (or, in the PostgreSQL run, on a
 * fresh database of the run's cluster, as a workstation's runtime role). With `frozenClock` the services'
 * time moves only by `advance()`, for tests of delays that a slow machine must not disturb.
 */
export async function startApp(
  options: {
    frozenClock?: boolean;
    joining?: TestApp;
    /** How the workstation reaches the server (a relay a test can cut); the owner migrates directly. */
    routeDatabase?: (url: string) => string;
  } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-unit-'));
  let offset = 0;
  const start = Date.now();
  const { joining } = options;
  // Every test clinic is encrypted, as the app's is; the key stays with the test.
  const databaseKey = joining?.databaseKey ?? randomBytes(32);
  const database = joining
    ? joining.database
    : testStore() === 'postgres'
      ? await freshDatabase()
      : null;
  // Another workstation of the same clinic holds the same audit key.
  if (joining) {
    copyFileSync(path.join(joining.dataDir, AUDIT_KEY_FILE), path.join(dataDir, AUDIT_KEY_FILE));
  }
  const services = await createServices({
    dataDir,
    databaseKey,
    databaseUrl:
      database && options.routeDatabase ? options.routeDatabase(database.url) : database?.url,
    databaseOwnerUrl: database?.ownerUrl,
    trustedOrigin: TEST_ORIGIN,
    clock: () => new Date((options.frozenClock ? start : Date.now()) + offset),
  });
  const call = async (operation: string, input: unknown = {}) => {
    const result = await services.dispatch(TRUSTED, operation, input);
    checkAgainstContract(operation, result);
    return result;
  };
  return {
    services,
    dataDir,
    databaseKey,
    database,
    advance: (ms) => {
      offset += ms;
    },
    call,
    ok: async <T>(operation: string, input: unknown = {}) => {
      const result = await call(operation, input);
      if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
    close: async () => {
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (!joining) await database?.drop();
    },
  };
}

/** The practitioner `startClinic({ as: 'practitioner' })` signs in as. */
export const CLINIC_PRACTITIONER = {
  username: 'nadia.prac',
  displayName: 'Nadia Benali',
  role: 'practitioner',
  password: 'clinic practitioner pass',
};

/**
 * A set-up clinic with its admin signed in, or with `as: 'practitioner'` a practitioner the admin
 * created: the admin writes nothing clinical (history, consents, photos), a practitioner does.
 */
export async function startClinic(
  options: { frozenClock?: boolean; as?: 'admin' | 'practitioner' } = {},
): Promise<TestApp> {
  const app = await startApp(options);
  await app.ok('auth.setup', { clinic: CLINIC, admin: ADMIN });
  if (options.as === 'practitioner') {
    await app.ok('staff.create', CLINIC_PRACTITIONER);
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', {
      username: CLINIC_PRACTITIONER.username,
      password: CLINIC_PRACTITIONER.password,
    });
  }
  return app;
}

/** Every row of every table, to prove a refused call changed nothing. */
export function snapshot(app: TestApp): string {
  if (app.database) return snapshotDatabase(app.database.url);
  const { sqlite } = app.services.state.store;
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, sqlite.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}

/**
 * Runs one SQL statement on the test clinic's database directly (the SQLite file, or the
 * PostgreSQL database as the workstation's role), for tests of what the database itself refuses.
 * Resolves to the error thrown, or null when the statement ran.
 */
export async function rawStatementError(app: TestApp, sql: string): Promise<Error | null> {
  try {
    if (app.database) await runAsWorkstation(app.database.url, sql);
    else app.services.state.store.sqlite.prepare(sql).run();
    return null;
  } catch (error) {
    return error as Error;
  }
}

/**
 * Another workstation of `app`'s clinic: its own services instance and data folder on the same
 * PostgreSQL database (PostgreSQL run only), signed out.
 */
export function joinClinic(app: TestApp): Promise<TestApp> {
  if (!app.database) throw new Error('Workstations share a clinic only on PostgreSQL');
  return startApp({ joining: app });
}

/**
 * The test clinic's database as someone holding it outright, with Mesochart's triggers out of the
 * way (dropped from the SQLite file; switched off by the server's schema owner): for tests that
 * the audit chain names a row edited behind its back.
 */
export function tamperedDb(app: TestApp): Pick<Database.Database, 'prepare'> {
  if (app.database) {
    disableTriggers(app.database.ownerUrl);
    return postgresStatements(app.database.ownerUrl) as unknown as Pick<
      Database.Database,
      'prepare'
    >;
  }
  const { sqlite } = app.services.state.store;
  for (const { name } of sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    .all() as { name: string }[]) {
    sqlite.exec(`DROP TRIGGER "${name}"`);
  }
  return sqlite;
}

/**
 * The test clinic's database for arranging or reading rows directly: the SQLite connection, or on
 * PostgreSQL a synchronous stand-in with the same prepare/get/all/run shape.
 */
export function rawDb(app: TestApp): Pick<Database.Database, 'prepare'> {
  if (app.database) {
    return postgresStatements(app.database.url) as unknown as Pick<Database.Database, 'prepare'>;
  }
  return app.services.state.store.sqlite;
}

/**
 * A one-time file token for paths "chosen in a dialog", registered in the clinic's own registry
 * as the main process's dialogs register them: operations take tokens, never paths.
 */
export function fileToken(app: TestApp, kind: FileTokenKind, paths: string | readonly string[]) {
  return app.services.state.fileTokens.register(kind, typeof paths === 'string' ? [paths] : paths);
}

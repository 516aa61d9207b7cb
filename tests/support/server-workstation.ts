/**
 * The clinic-server e2e specs' shared pieces: the roles and a migrated database of the spec's
 * throwaway cluster, and a workstation (its own data folder and services, as another computer
 * runs its own app) with a page bound to it.
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createServices, type MesochartServices } from '../../electron/services/app';
import { migratePostgres } from '../../electron/services/store/postgres';
import { FileTokens } from '../../electron/services/core/file-tokens';
import type { Sender } from '../../electron/services/dispatch';
import type { Result } from '../../shared/api/result';
import { attachHarness, type ChangeSource, type ScriptedHost } from './harness';
import { APP_TEST_ORIGIN } from './origin';
import { signIn } from './flows';
import { RECEPTIONIST } from './diary-seed';
import {
  OWNER_ROLE,
  PASSWORD_ROLE,
  PASSWORD_ROLE_PASSWORD,
  RUNTIME_ROLE,
  type TestCluster,
} from './postgres-cluster';

/** The schema owner, the workstations' role, and one of them that must give its password. */
export async function createRoles(cluster: TestCluster): Promise<void> {
  await asSuperuser(cluster, [
    `CREATE ROLE ${OWNER_ROLE} LOGIN`,
    `CREATE ROLE ${RUNTIME_ROLE} LOGIN`,
    `CREATE ROLE ${PASSWORD_ROLE} LOGIN PASSWORD '${PASSWORD_ROLE_PASSWORD}' IN ROLE ${RUNTIME_ROLE}`,
  ]);
}

/** An empty clinic database, migrated by its owner, rows granted to the workstations' role. */
export async function createClinicDatabase(cluster: TestCluster, name: string): Promise<void> {
  await asSuperuser(cluster, [`CREATE DATABASE ${name} OWNER ${OWNER_ROLE}`]);
  await migratePostgres(cluster.url(name, OWNER_ROLE), RUNTIME_ROLE);
}

async function asSuperuser(cluster: TestCluster, statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: cluster.superUrl });
  await admin.connect();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

export interface BoundPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors of the page: none is expected. */
  errors: string[];
  /** The scripted system dialogs of this window (what it opened in the system viewer). */
  host: ScriptedHost;
}

/** A window showing the built renderer, its API bound to `dispatch`, hearing `changes`. */
export async function boundPage(
  browser: Browser,
  dispatch: (sender: Sender, operation: unknown, input: unknown) => Promise<Result<unknown>>,
  changes: ChangeSource,
): Promise<BoundPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const tokens = new FileTokens();
  const host: ScriptedHost = {
    tokens: () => tokens,
    nextPickedPhotos: [],
    nextSavePath: null,
    opened: [],
  };
  await attachHarness(page, dispatch, host, changes);
  return { page, context, errors, host };
}

export interface Workstation extends BoundPage {
  services: MesochartServices;
  /** Its own data folder (on a server it holds only its cache of images shown). */
  dataDir: string;
  close(): Promise<void>;
}

/**
 * One computer of the clinic on `databaseUrl`: its own data folder and services, and a page.
 * With `dataKey` it opens the clinic's sealed photos and documents on the server too.
 */
export async function workstation(
  browser: Browser,
  databaseUrl: string,
  auditKey: Buffer,
  dataKey?: Buffer,
): Promise<Workstation> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-server-'));
  const services = await createServices({
    dataDir,
    databaseUrl,
    trustedOrigin: APP_TEST_ORIGIN,
    // Every workstation of a clinic holds the clinic's audit key.
    auditKey,
    ...(dataKey ? { databaseKey: dataKey } : {}),
  });
  const bound = await boundPage(
    browser,
    (sender, operation, input) => services.dispatch(sender, operation, input),
    (listener) => services.state.changes.subscribe(listener),
  );
  return {
    ...bound,
    services,
    dataDir,
    close: async () => {
      await bound.context.close();
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The receptionist signs in at `page` and fills the register form for a woman with care consent
 * (not yet saved); returns the form.
 */
export async function fillRegisterForm(
  page: Page,
  who: { givenName: string; familyName: string; dateOfBirth: string; phone: string },
) {
  await page.goto(`${APP_TEST_ORIGIN}/`);
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
  await page.getByRole('link', { name: 'Register patient' }).click();
  const form = page.getByRole('form', { name: 'Register patient' });
  await form.getByLabel('Given name').fill(who.givenName);
  await form.getByLabel('Family name').fill(who.familyName);
  await form.getByLabel('Date of birth').fill(who.dateOfBirth);
  await form.getByRole('textbox', { name: 'Sex' }).click();
  await page.getByRole('option', { name: 'Female' }).click();
  await form.getByRole('textbox', { name: 'Phone', exact: true }).fill(who.phone);
  await form.getByLabel('Processing of health data for care').check();
  return form;
}

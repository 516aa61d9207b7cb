/**
 * One workstation of a clinic on a PostgreSQL server (a throwaway cluster): connecting to it at
 * first run from the setup screen, and working through an outage of the network between them.
 */
import { test, expect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../electron/services/app';
import { createKeys } from '../../electron/services/keys/keyring';
import type { ClinicLauncher } from '../../electron/services/keys/launcher';
import { SERVER_FILE } from '../../electron/services/keys/server-connection';
import { APP_TEST_ORIGIN } from '../support/origin';
import { call, CLINIC, screenshot, seriousViolations, signIn } from '../support/flows';
import { INES, RECEPTIONIST, seedDiary } from '../support/diary-seed';
import { launchForTest, testKeychain, TEST_KDF } from '../support/keys';
import {
  PASSWORD_ROLE,
  PASSWORD_ROLE_PASSWORD,
  RUNTIME_ROLE,
  startCluster,
  type TestCluster,
} from '../support/postgres-cluster';
import { startProxy } from '../support/tcp-proxy';
import {
  boundPage,
  createClinicDatabase,
  createRoles,
  fillRegisterForm,
  workstation,
} from '../support/server-workstation';
import '../support/password-cost';

let cluster: TestCluster;

test.beforeAll(async () => {
  cluster = await startCluster();
  await createRoles(cluster);
});

test.afterAll(() => {
  cluster?.stop();
});

const clusterPort = () => Number(new URL(cluster.superUrl).port);

test('a new workstation connects to the clinic server from the setup screen, and opens on it at its next start', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const database = 'mesochart_connect';
  await createClinicDatabase(cluster, database);
  // The workstation already holds the clinic's keys (brought with the recovery sheet), sealed
  // by its own keychain; the server clinic was set up under the same keys.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-connect-'));
  const keychain = testKeychain();
  const { keys } = await createKeys(dataDir, { kind: 'keychain', store: keychain }, TEST_KDF);
  const serverDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-connect-desk-'));
  const desk = await createServices({
    dataDir: serverDir,
    databaseUrl: cluster.url(database, RUNTIME_ROLE),
    trustedOrigin: APP_TEST_ORIGIN,
    databaseKey: keys.dataKey,
    auditKey: keys.auditKey,
  });
  await seedDiary(desk);
  await desk.close();

  let launcher: ClinicLauncher = await launchForTest(
    dataDir,
    'keychain',
    APP_TEST_ORIGIN,
    keychain,
  );
  const window = await boundPage(
    browser,
    (sender, operation, input) => launcher.dispatch(sender, operation, input),
    (listener) => launcher.onChange(listener),
  );
  const page = window.page;
  try {
    // First run here: a new, empty record on this computer, so the setup screen.
    await page.goto(`${APP_TEST_ORIGIN}/`);
    await expect(page.getByRole('heading', { name: 'Welcome to Mesochart' })).toBeVisible();
    await page.getByRole('radio', { name: 'Connect to the clinic server' }).check();
    const form = page.getByRole('form', { name: 'Connect to the clinic server' });
    await form.getByRole('textbox', { name: 'Server' }).fill('127.0.0.1');
    await form.getByRole('textbox', { name: 'Port' }).fill(String(clusterPort()));
    await form.getByRole('textbox', { name: 'Database' }).fill(database);
    await form.getByRole('textbox', { name: 'User name' }).fill(PASSWORD_ROLE);
    await form.getByLabel('Password', { exact: true }).fill('not the password');
    await form.getByLabel('Connection security').selectOption({ label: 'Not encrypted' });
    // A wrong password is said next to the password field.
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(
      /did not accept this user name and password/,
    );
    // Checked with the message showing: its red passes with the rest of the form.
    await page.mouse.move(0, 0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'server-connect-wrong-password');

    // A database that is not there, next to the database field.
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD_ROLE_PASSWORD);
    await form.getByRole('textbox', { name: 'Database' }).fill('mesochart_nowhere');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('textbox', { name: 'Database' })).toHaveAccessibleDescription(
      /no database called mesochart_nowhere/,
    );

    await form.getByRole('textbox', { name: 'Database' }).fill(database);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('status')).toContainText('The connection works');
    await screenshot(page, 'server-connect-works');
    await form.getByRole('button', { name: 'Connect', exact: true }).click();

    // The server clinic's sign-in, and its record: Inès's appointment made at the desk.
    await expect(page.getByText(CLINIC.name)).toBeVisible({ timeout: 30_000 });
    await signIn(page, INES.username, INES.password);
    await page.getByRole('link', { name: 'Today' }).click();
    const mine = page.getByRole('table', { name: 'My appointments today' });
    await expect(mine.getByRole('row')).toHaveCount(2);
    await expect(mine.getByRole('row').nth(1)).toContainText('Anna Rossi');

    // The connection is kept for the next start, its password only sealed.
    const saved = readFileSync(path.join(dataDir, SERVER_FILE), 'utf8');
    expect(saved).toContain(PASSWORD_ROLE);
    expect(saved).not.toContain(PASSWORD_ROLE_PASSWORD);

    // The app quits and starts again: it opens on the server clinic by itself.
    await launcher.close();
    launcher = await launchForTest(dataDir, 'keychain', APP_TEST_ORIGIN, keychain);
    expect(launcher.services?.state.store.dialect).toBe('postgres');
    await page.reload();
    await expect(page.getByText(CLINIC.name)).toBeVisible();
    await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
    await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
    await screenshot(page, 'server-connect-next-start');
    expect(window.errors, 'uncaught errors in the page').toEqual([]);
  } finally {
    await window.context.close();
    await launcher.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(serverDir, { recursive: true, force: true });
  }
});

test('while the server is out of reach the banner shows, the form keeps what was typed, and saving works once it is back', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const database = 'mesochart_outage';
  await createClinicDatabase(cluster, database);
  const proxy = await startProxy({ host: '127.0.0.1', port: clusterPort() });
  const desk = await workstation(
    browser,
    proxy.route(cluster.url(database, RUNTIME_ROLE)),
    randomBytes(32),
  );
  const page = desk.page;
  try {
    await seedDiary(desk.services);
    const form = await fillRegisterForm(page, {
      givenName: 'Ayşe',
      familyName: 'Demir',
      dateOfBirth: '1990-02-02',
      phone: '+90 532 765 43 21',
    });

    // The network to the server goes as she saves.
    await proxy.cut();
    await form.getByRole('button', { name: 'Register patient' }).click();
    const banner = page.getByTestId('server-banner');
    await expect(banner).toContainText('The clinic server cannot be reached');
    await expect(form.getByRole('alert')).toContainText('nothing was saved');
    // What she typed is all still there.
    await expect(form.getByLabel('Given name')).toHaveValue('Ayşe');
    await expect(form.getByLabel('Family name')).toHaveValue('Demir');
    await expect(form.getByRole('textbox', { name: 'Phone', exact: true })).toHaveValue(
      '+90 532 765 43 21',
    );
    await expect(form.getByLabel('Processing of health data for care')).toBeChecked();
    await screenshot(page, 'server-outage-banner');
    expect(await seriousViolations(page)).toEqual([]);

    // The server is back: the banner goes by itself, and the same save now works.
    await proxy.restore();
    await expect(banner).toBeHidden({ timeout: 15_000 });
    await form.getByRole('button', { name: 'Register patient' }).click();
    await expect(page.getByRole('heading', { name: 'Ayşe Demir' })).toBeVisible();
    const found = (await call(desk.services, 'patients.search', { query: 'ayse demir' })) as {
      total: number;
    };
    // Registered once: the refused save wrote nothing.
    expect(found.total).toBe(1);
    expect(desk.errors, 'uncaught errors in the page').toEqual([]);
  } finally {
    await desk.close();
    await proxy.close();
  }
});

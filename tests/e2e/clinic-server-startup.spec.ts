/**
 * A workstation of a clinic on a PostgreSQL server (a throwaway cluster) that starts while the
 * server is switched off: the window says which server and why, tries again by itself, offers
 * to change the connection and tells the administrator why no empty record is opened instead;
 * once the server is back, Try again opens the clinic.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../../electron/services/app';
import { createKeys } from '../../electron/services/keys/keyring';
import type { ClinicLauncher } from '../../electron/services/keys/launcher';
import { saveServerConnection } from '../../electron/services/keys/server-connection';
import type enServer from '../../renderer/src/i18n/en-server.json';
import { APP_TEST_ORIGIN } from '../support/origin';
import { CLINIC, seriousViolations, signIn } from '../support/flows';
import { RECEPTIONIST, seedDiary } from '../support/diary-seed';
import { launchForTest, testKeychain, TEST_KDF } from '../support/keys';
import {
  PASSWORD_ROLE,
  PASSWORD_ROLE_PASSWORD,
  RUNTIME_ROLE,
  startCluster,
  type TestCluster,
} from '../support/postgres-cluster';
import { boundPage, createClinicDatabase, createRoles } from '../support/server-workstation';
import '../support/password-cost';

let cluster: TestCluster;

/** The Arabic catalogue, read as the app reads it: the screen shows exactly these words. */
const arServer = JSON.parse(
  readFileSync(path.join('renderer', 'src', 'i18n', 'ar-server.json'), 'utf8'),
) as typeof enServer;

test.beforeAll(async () => {
  cluster = await startCluster();
  await createRoles(cluster);
});

test.afterAll(() => {
  cluster?.stop();
});

const SHOTS = process.env.MESOCHART_SHOTS_DIR ?? path.join('test-results', 'screenshots');

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test('a workstation started while its clinic server is off waits on it, says why, and opens the clinic when it is back', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const database = 'mesochart_startup';
  await createClinicDatabase(cluster, database);
  const port = Number(new URL(cluster.superUrl).port);
  // The server clinic, set up under the keys this workstation holds (sealed by its keychain).
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-startup-'));
  const keychain = testKeychain();
  const { keys } = await createKeys(dataDir, { kind: 'keychain', store: keychain }, TEST_KDF);
  const deskDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-startup-desk-'));
  const desk = await createServices({
    dataDir: deskDir,
    databaseUrl: cluster.url(database, RUNTIME_ROLE),
    trustedOrigin: APP_TEST_ORIGIN,
    databaseKey: keys.dataKey,
    auditKey: keys.auditKey,
  });
  await seedDiary(desk);
  await desk.close();
  // This computer was connected to the server at its first run.
  saveServerConnection(
    dataDir,
    {
      host: '127.0.0.1',
      port,
      database,
      user: PASSWORD_ROLE,
      password: PASSWORD_ROLE_PASSWORD,
      tls: 'off',
    },
    keychain,
    keys,
  );

  // The server computer is switched off when the workstation starts.
  cluster.pause();
  const launcher: ClinicLauncher = await launchForTest(
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
    await page.goto(`${APP_TEST_ORIGIN}/`);
    await expect(
      page.getByRole('heading', { name: 'The clinic server cannot be opened' }),
    ).toBeVisible();
    await expect(page.getByText(`127.0.0.1:${port} (database ${database})`)).toBeVisible();
    await expect(page.getByTestId('server-failure')).toContainText(
      `No answer from 127.0.0.1:${port}`,
    );
    // It tries again by itself: the time of the last try moves on.
    const retry = page.getByTestId('server-retry');
    await expect(retry).toContainText('tries again by itself every 5 seconds');
    const first = await retry.textContent();
    await expect(retry).not.toHaveText(first ?? '', { timeout: 15_000 });
    await expect(retry).toContainText('last try at');

    // The administrator's part: no empty record here in the server's place.
    await page.getByRole('button', { name: "For the clinic's administrator" }).click();
    await expect(page.getByTestId('server-admin-details')).toContainText(
      "does not open a record of this computer in the server's place",
    );
    // Its own folder holds only its key file and the connection: no record of its own.
    await expect(page.getByTestId('server-admin-details')).toContainText(
      'keeps no clinic record of its own',
    );
    // The connection can be changed, from the saved details (the password typed again).
    await page.getByRole('button', { name: 'Change the connection' }).click();
    const form = page.getByRole('form', { name: 'Connect to the clinic server' });
    await expect(form.getByRole('textbox', { name: 'Server' })).toHaveValue('127.0.0.1');
    await expect(form.getByRole('textbox', { name: 'Database' })).toHaveValue(database);
    await expect(form.getByRole('textbox', { name: 'User name' })).toHaveValue(PASSWORD_ROLE);
    await expect(form.getByLabel('Password', { exact: true })).toHaveValue('');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('textbox', { name: 'Server' })).toHaveAccessibleDescription(
      /No answer from 127\.0\.0\.1/,
    );
    // Checked with the message showing: its red passes with the rest of the form.
    await page.mouse.move(0, 0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'server-startup-waiting');

    // In Arabic, right to left, the same screen.
    await page.getByRole('textbox', { name: 'Language of this screen' }).click();
    await page.getByRole('option', { name: 'العربية' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { name: arServer.server.startup.title })).toBeVisible();
    await expect(page.getByTestId('server-admin-details')).toContainText(
      arServer.server.startup.noFallback.slice(0, 30),
    );
    // The test's answer next to the server field is worded again in Arabic.
    await expect(
      page.getByRole('textbox', { name: arServer.server.connect.host }),
    ).toHaveAccessibleDescription(new RegExp(arServer.server.failure.unreachable.slice(0, 8)));
    await shot(page, 'server-startup-waiting-ar');
    await page.getByRole('textbox', { name: arServer.server.startup.language }).click();
    await page.getByRole('option', { name: 'English' }).click();

    // The server is back: Try again opens the clinic on it.
    cluster.resume();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText(CLINIC.name)).toBeVisible({ timeout: 30_000 });
    expect(launcher.services?.state.store.dialect).toBe('postgres');
    await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
    await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
    await shot(page, 'server-startup-opened');
    expect(window.errors, 'uncaught errors in the page').toEqual([]);
  } finally {
    cluster.resume();
    await window.context.close();
    await launcher.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(deskDir, { recursive: true, force: true });
  }
});

test("a connection file whose password another computer's keychain sealed asks for the password again, and opens the clinic with it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const database = 'mesochart_startup_sealed';
  await createClinicDatabase(cluster, database);
  const port = Number(new URL(cluster.superUrl).port);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-sealed-'));
  const keychain = testKeychain();
  const { keys } = await createKeys(dataDir, { kind: 'keychain', store: keychain }, TEST_KDF);
  const deskDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-sealed-desk-'));
  const desk = await createServices({
    dataDir: deskDir,
    databaseUrl: cluster.url(database, RUNTIME_ROLE),
    trustedOrigin: APP_TEST_ORIGIN,
    databaseKey: keys.dataKey,
    auditKey: keys.auditKey,
  });
  await seedDiary(desk);
  await desk.close();
  // mesochart.server.json copied from another workstation: its keychain sealed the password.
  const settings = {
    host: '127.0.0.1',
    port,
    database,
    user: PASSWORD_ROLE,
    password: PASSWORD_ROLE_PASSWORD,
    tls: 'off' as const,
  };
  saveServerConnection(dataDir, settings, testKeychain(), keys);
  const launcher = await launchForTest(dataDir, 'keychain', APP_TEST_ORIGIN, keychain);
  const window = await boundPage(
    browser,
    (sender, operation, input) => launcher.dispatch(sender, operation, input),
    (listener) => launcher.onChange(listener),
  );
  const page = window.page;
  try {
    await page.goto(`${APP_TEST_ORIGIN}/`);
    await expect(
      page.getByRole('heading', { name: 'The clinic server cannot be opened' }),
    ).toBeVisible();
    const why = page.getByTestId('server-failure');
    await expect(why).toContainText("sealed by another computer's keychain");
    await expect(why).not.toContainText('Remove');
    // Trying by itself could not help: not offered; the form is open with the saved details.
    await expect(page.getByTestId('server-retry')).toHaveCount(0);
    const form = page.getByRole('form', { name: 'Connect to the clinic server' });
    await expect(form.getByRole('textbox', { name: 'User name' })).toHaveValue(PASSWORD_ROLE);
    await expect(form.getByLabel('Password', { exact: true })).toHaveValue('');
    await page.mouse.move(0, 0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'server-startup-sealed');
    // In French, the same reason and the way out, in the words of its button.
    await page.getByRole('textbox', { name: 'Language of this screen' }).click();
    await page.getByRole('option', { name: 'Français' }).click();
    await expect(why).toContainText('sous « Modifier la connexion »');
    await expect(page.getByRole('button', { name: 'Modifier la connexion' })).toBeVisible();
    await shot(page, 'server-startup-sealed-fr');
    await page.getByRole('textbox', { name: 'Langue de cet écran' }).click();
    await page.getByRole('option', { name: 'English' }).click();

    await form.getByLabel('Password', { exact: true }).fill(PASSWORD_ROLE_PASSWORD);
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByText(CLINIC.name)).toBeVisible({ timeout: 30_000 });
    expect(launcher.services?.state.store.dialect).toBe('postgres');
    expect(window.errors, 'uncaught errors in the page').toEqual([]);
  } finally {
    await window.context.close();
    await launcher.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(deskDir, { recursive: true, force: true });
  }
});

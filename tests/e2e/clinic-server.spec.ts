/**
 * A clinic on a PostgreSQL server: two workstations, each its own services instance (as two
 * computers each run their own app), on one database of a throwaway cluster. The front desk's
 * page is bound to one, the treatment room's to the other; what the desk writes reaches the room
 * only through the server (LISTEN/NOTIFY into the room's change feed), never through shared memory.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createServices, type MesochartServices } from '../../electron/services/app';
import { migratePostgres } from '../../electron/services/store/postgres';
import { FileTokens } from '../../electron/services/core/file-tokens';
import { attachHarness } from '../support/harness';
import { APP_TEST_ORIGIN } from '../support/origin';
import { screenshot, signIn } from '../support/flows';
import { INES, RECEPTIONIST, localDay, openDiary, seedDiary } from '../support/diary-seed';
import {
  OWNER_ROLE,
  RUNTIME_ROLE,
  startCluster,
  type TestCluster,
} from '../support/postgres-cluster';
import '../support/password-cost';

const DATABASE = 'mesochart_clinic';

interface Workstation {
  services: MesochartServices;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

let cluster: TestCluster;

test.beforeAll(async () => {
  cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.superUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${OWNER_ROLE} LOGIN`);
    await admin.query(`CREATE ROLE ${RUNTIME_ROLE} LOGIN`);
    await admin.query(`CREATE DATABASE ${DATABASE} OWNER ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
  await migratePostgres(cluster.url(DATABASE, OWNER_ROLE), RUNTIME_ROLE);
});

test.afterAll(() => {
  cluster?.stop();
});

/** One computer of the clinic: its own data folder and services, and a page bound to them. */
async function workstation(browser: Browser, auditKey: Buffer): Promise<Workstation> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-server-'));
  const services = await createServices({
    dataDir,
    databaseUrl: cluster.url(DATABASE, RUNTIME_ROLE),
    trustedOrigin: APP_TEST_ORIGIN,
    // Every workstation of a clinic holds the clinic's audit key.
    auditKey,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await attachHarness(
    page,
    (sender, operation, input) => services.dispatch(sender, operation, input),
    { tokens: () => new FileTokens(), nextPickedPhotos: [], nextSavePath: null, opened: [] },
    (listener) => services.state.changes.subscribe(listener),
  );
  return {
    services,
    page,
    errors,
    close: async () => {
      await context.close();
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

test('the desk registers and books a patient; the treatment room sees her without reloading and opens her chart', async ({
  browser,
}) => {
  // Two computers' sign-ins and a cluster on a busy machine.
  test.setTimeout(240_000);
  const auditKey = randomBytes(32);
  const desk = await workstation(browser, auditKey);
  // The desk sets the clinic up; the room's computer connects to it afterwards, as it would.
  await seedDiary(desk.services);
  const room = await workstation(browser, auditKey);
  try {
    // The treatment room: Inès's own list for today, on the other computer.
    await room.page.goto(`${APP_TEST_ORIGIN}/`);
    await signIn(room.page, INES.username, INES.password);
    await expect(room.page.getByTestId('signed-in-user')).toHaveText(INES.displayName);
    await room.page.getByRole('link', { name: 'Today' }).click();
    const mine = room.page.getByRole('table', { name: 'My appointments today' });
    await expect(mine.getByRole('row')).toHaveCount(2);
    await room.page.evaluate(() => {
      (window as unknown as { __sameLoad?: boolean }).__sameLoad = true;
    });

    // The front desk registers Şebnem Yılmaz and books her with Inès at 15:00.
    const page = desk.page;
    await page.goto(`${APP_TEST_ORIGIN}/`);
    await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
    await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
    await page.getByRole('link', { name: 'Register patient' }).click();
    const form = page.getByRole('form', { name: 'Register patient' });
    await form.getByLabel('Given name').fill('Şebnem');
    await form.getByLabel('Family name').fill('Yılmaz');
    await form.getByLabel('Date of birth').fill('1986-04-12');
    await form.getByRole('textbox', { name: 'Sex' }).click();
    await page.getByRole('option', { name: 'Female' }).click();
    await form.getByRole('textbox', { name: 'Phone', exact: true }).fill('+90 532 123 45 67');
    await form.getByLabel('Processing of health data for care').check();
    await form.getByRole('button', { name: 'Register patient' }).click();
    await expect(page.getByRole('heading', { name: 'Şebnem Yılmaz' })).toBeVisible();

    await openDiary(page);
    await page.getByRole('button', { name: 'New appointment' }).click();
    const booking = page.getByRole('dialog', { name: 'New appointment' });
    await booking.getByRole('textbox', { name: 'Patient' }).fill('Yılmaz');
    await page.getByRole('option', { name: /Şebnem Yılmaz/ }).click();
    await booking.getByRole('textbox', { name: 'Practitioner' }).click();
    await page.getByRole('option', { name: INES.displayName }).click();
    await booking.getByLabel('Date').fill(localDay());
    await booking.getByLabel('Start time').fill('15:00');
    await booking.getByRole('button', { name: 'Book' }).click();
    await expect(booking).toBeHidden();

    // The room's list gains her row, heard from the server: the page was not reloaded.
    await expect(mine.getByRole('row')).toHaveCount(3, { timeout: 5_000 });
    await expect(mine.getByRole('row').nth(2)).toContainText('Şebnem Yılmaz');
    expect(
      await room.page.evaluate(
        () => (window as unknown as { __sameLoad?: boolean }).__sameLoad === true,
      ),
    ).toBe(true);
    await screenshot(room.page, 'clinic-server-room-today');

    // And the room opens her chart, found as typed without the Turkish letters.
    await room.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Patients' })
      .click();
    const search = room.page.getByRole('combobox', { name: 'Search patients' });
    await search.fill('sebnem yilmaz');
    const found = room.page
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: /Yılmaz, Şebnem/ });
    await expect(found).toBeVisible();
    await found.click({ timeout: 20_000 });
    await expect(room.page.getByRole('heading', { name: 'Şebnem Yılmaz' })).toBeVisible();
    await screenshot(room.page, 'clinic-server-room-chart');

    expect(desk.errors, 'uncaught errors at the desk').toEqual([]);
    expect(room.errors, 'uncaught errors in the room').toEqual([]);
  } finally {
    await room.close();
    await desk.close();
  }
});

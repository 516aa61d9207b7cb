/**
 * The end-to-end harness. Each test gets:
 *   - `dataDir`: a fresh, empty data directory, removed after the test;
 *   - `services`: the real Mesochart services (SQLite store, handlers, the one wrapper) on it;
 *   - `page`: Chromium showing the built renderer (dist/renderer), whose `window.mesochart` is
 *     built by the same `buildApi` the preload uses, bound to `services.dispatch`;
 *   - `host`: a scripted stand-in for the system dialogs (`window.mesochartHost`): set
 *     `host.nextPickedPhotos` before clicking "Add photos", read `host.opened` afterwards. For a
 *     drag-and-drop test, map dropped file names to paths with `setDropPaths(page, {...})`.
 * Only the transport differs from the app: a Playwright binding instead of IPC.
 *
 *   import { test, expect } from './fixtures';
 *   test('...', async ({ page, services }) => { await page.goto('/'); ... });
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type MesochartServices } from '../../electron/services/app';
import { checkAgainstContract } from './contract';
import { attachHarness, type ScriptedHost } from './harness';
import { APP_TEST_ORIGIN } from './origin';

export type { ScriptedHost } from './harness';

export interface HarnessFixtures {
  dataDir: string;
  services: MesochartServices;
  host: ScriptedHost;
}

export const test = base.extend<HarnessFixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  services: async ({ dataDir }, use) => {
    const services = await createServices({ dataDir, trustedOrigin: APP_TEST_ORIGIN });
    await use(services);
    await services.close();
  },
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    await use({ nextPickedPhotos: [], nextSavePath: null, opened: [] });
  },
  page: async ({ page, services, host }, use) => {
    // Page errors fail the test: a renderer exception is a bug even when the screen looks fine.
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await attachHarness(
      page,
      async (sender, operation, input) => {
        const result = await services.dispatch(sender, operation, input);
        checkAgainstContract(operation, result);
        return result;
      },
      host,
    );
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

/** Tells the page which absolute path each dropped file name stands for (Electron knows it; Chromium does not). */
export async function setDropPaths(page: Page, paths: Record<string, string>): Promise<void> {
  await page.evaluate((map) => {
    window.__mesochartDropPaths = map;
  }, paths);
}

export { expect };

/**
 * The end-to-end harness. Each test gets:
 *   - `dataDir`: a fresh, empty data directory, removed after the test;
 *   - `services`: the real Mesochart services (SQLite store, handlers, the one wrapper) on it,
 *     opened the way the app opens them (`launcher`): encrypted under keys sealed by a test
 *     keychain. With `test.use({ keyMode: 'passphrase' })` there is no keychain: the clinic waits
 *     for its passphrase (`launcher.services` is null until the page opens it). The recovery key
 *     made with new keys is confirmed unless `keepRecoveryKey: true`;
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
import type { MesochartServices } from '../../electron/services/app';
import type { ClinicLauncher } from '../../electron/services/keys/launcher';
import { ChangeFeed } from '../../electron/services/core/changes';
import { launchForTest, testKeychain, type KeyMode } from './keys';
import { FileTokens } from '../../electron/services/core/file-tokens';
import { call } from './flows';
import { checkAgainstContract } from './contract';
import { attachHarness, type ScriptedHost } from './harness';
import { APP_TEST_ORIGIN } from './origin';
// Accounts made by the tests are hashed cheaply; see password-cost.ts.
import './password-cost';

export type { ScriptedHost } from './harness';

/** The clinic the page talks to; `relaunch` quits and starts it again, as the app would. */
export interface TestLauncher extends ClinicLauncher {
  /** With `newComputer`, another keychain: the one that sealed the keys is gone. */
  relaunch(options?: { newComputer?: boolean }): Promise<void>;
}

export interface HarnessFixtures {
  keyMode: KeyMode;
  keepRecoveryKey: boolean;
  launcher: TestLauncher;
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
  keyMode: ['keychain', { option: true }],
  keepRecoveryKey: [false, { option: true }],
  launcher: async ({ dataDir, keyMode, keepRecoveryKey, host }, use) => {
    let keychain = testKeychain();
    // The scripted dialogs register into the registry the clinic takes file tokens from.
    const tokens = host.tokens();
    let current = await launchForTest(dataDir, keyMode, APP_TEST_ORIGIN, keychain, tokens);
    // Pages listen here, so a relaunched clinic's changes reach them as the first one's did.
    const relay = new ChangeFeed();
    current.onChange((change) => relay.emit(change));
    if (!keepRecoveryKey && current.services) {
      await call(current.services, 'keys.confirmRecoveryKey');
    }
    const launcher: TestLauncher = {
      get services() {
        return current.services;
      },
      status: () => current.status(),
      dispatch: (sender, operation, input) => current.dispatch(sender, operation, input),
      onChange: (listener) => relay.subscribe(listener),
      close: () => current.close(),
      relaunch: async (options = {}) => {
        await current.close();
        if (options.newComputer) keychain = testKeychain();
        current = await launchForTest(dataDir, keyMode, APP_TEST_ORIGIN, keychain, tokens);
        current.onChange((change) => relay.emit(change));
      },
    };
    await use(launcher);
    await launcher.close();
  },
  services: async ({ launcher }, use) => {
    if (!launcher.services) throw new Error('The clinic is not open (keyMode passphrase)');
    await use(launcher.services);
  },
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const tokens = new FileTokens();
    await use({
      tokens: () => tokens,
      nextPickedPhotos: [],
      nextSavePath: null,
      opened: [],
      asked: [],
    });
  },
  page: async ({ page, launcher, host }, use) => {
    // Page errors fail the test: a renderer exception is a bug even when the screen looks fine.
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await attachHarness(
      page,
      async (sender, operation, input) => {
        const result = await launcher.dispatch(sender, operation, input);
        checkAgainstContract(operation, result);
        return result;
      },
      host,
      (listener) => launcher.onChange(listener),
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

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
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type MesochartServices } from '../../electron/services/app';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { APP_TEST_ORIGIN } from './origin';

const root = path.resolve(import.meta.dirname, '..', '..');
const rendererDir = path.join(root, 'dist', 'renderer');

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

let bridgeScript: Promise<string> | undefined;
function bridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [path.join(root, 'tests', 'e2e', 'bridge.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  }).then((r) => r.outputFiles[0]!.text);
  return bridgeScript;
}

async function serveRenderer(page: Page): Promise<void> {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` before the e2e tests');
  }
  await page.route(`${APP_TEST_ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    const relative = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = path.normalize(path.join(rendererDir, relative));
    if (!file.startsWith(rendererDir + path.sep) || !existsSync(file)) {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
    return route.fulfill({
      status: 200,
      body: readFileSync(file),
      headers: {
        'Content-Type': mimeTypes[path.extname(file)] ?? 'application/octet-stream',
        // The same policy the app's protocol handler sends.
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      },
    });
  });
}

/**
 * The scripted stand-in for the system dialogs: set what the next dialog returns, read what the
 * app asked the system to open.
 */
export interface ScriptedHost {
  /** Paths the next photo dialog returns (then reset to empty, as a cancelled dialog). */
  nextPickedPhotos: string[];
  /** Path the next save dialog returns; null means the user cancelled. */
  nextSavePath: string | null;
  /** Every path the app asked the system viewer to open. */
  opened: string[];
}

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
    await serveRenderer(page);
    await page.exposeBinding('__mesochartInvoke', (source, operation: unknown, input: unknown) =>
      services.dispatch(
        { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() },
        operation,
        input,
      ),
    );
    await page.exposeBinding('__mesochartHost', (_source, call: string, arg: unknown) => {
      switch (call) {
        case 'pickPhotos': {
          const picked = host.nextPickedPhotos;
          host.nextPickedPhotos = [];
          return picked;
        }
        case 'chooseSavePath':
          return host.nextSavePath;
        case 'openPath':
          host.opened.push(String(arg));
          return undefined;
        default:
          throw new Error(`Unknown host call ${call}`);
      }
    });
    await page.addInitScript({ content: await bridge() });
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

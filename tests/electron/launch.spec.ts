import { _electron as electron, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The Electron binary, if this machine has one (installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1 do not). */
function electronBinary(): string | null {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(
    root,
    'node_modules',
    'electron',
    'dist',
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON =
  'Electron launch test skipped: the Electron binary is not installed here (installed with ' +
  'ELECTRON_SKIP_BINARY_DOWNLOAD=1). It runs wherever `npm install` could download Electron.';
if (!binary) console.log(SKIP_REASON);

test.describe('the Electron app', () => {
  test.skip(!binary, SKIP_REASON);

  test('launches a hardened window that shows first-run setup', async () => {
    execFileSync(
      process.execPath,
      [path.join(root, 'electron', 'tools', 'native.mjs'), 'electron'],
      { stdio: 'inherit' },
    );
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [root],
      env: { ...process.env, MESOCHART_DATA_DIR: dataDir },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'Welcome to Mesochart' })).toBeVisible();
      // No Node in the page: sandboxed, isolated, no integration.
      expect(
        await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
      ).toBe('undefined');
      expect(
        await page.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process),
      ).toBe('undefined');
      // A permission request (the camera) is refused by the session's handler.
      const media = await page.evaluate(() =>
        navigator.mediaDevices.getUserMedia({ video: true }).then(
          () => 'granted',
          (e: Error) => e.name,
        ),
      );
      expect(media).not.toBe('granted');
      expect(await page.evaluate(() => Object.keys(window.mesochart).sort())).toContain('auth');
      // window.open and navigation away are refused.
      await page.evaluate(() => window.open('https://evil.example/'));
      expect(app.windows()).toHaveLength(1);
      expect(existsSync(path.join(dataDir, 'mesochart.sqlite'))).toBe(true);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

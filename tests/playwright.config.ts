import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './support/chromium';
import { APP_TEST_ORIGIN } from './support/origin';

export default defineConfig({
  testDir: '.',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: '../test-results/playwright',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 120_000,
  // Sign-in and account creation run scrypt at 128 MiB; on a busy 2-core machine that takes seconds.
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: APP_TEST_ORIGIN,
    viewport: { width: 1280, height: 860 },
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
});

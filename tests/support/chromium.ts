import { existsSync } from 'node:fs';

/**
 * The browser the end-to-end tests drive: Debian's Chromium, or CHROMIUM_PATH. A missing browser
 * fails the run with instructions; it never lets the tests pass by not running them.
 */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `No Chromium found at ${candidate}. Install it (Debian/Ubuntu: sudo apt-get install chromium) ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable, then run the tests again.',
    );
  }
  return candidate;
}

/** Flags for a headless run on a closed network, as root in CI. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

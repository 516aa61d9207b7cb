/**
 * The benchmark's data: a seeded data directory cached per size under the temp directory (seeding
 * L takes a while), copied afresh for each run so that what a run writes never skews the next.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SizeName } from './seed-volume';

const root = path.resolve(import.meta.dirname, '..', '..');
const DONE_MARKER = 'seed-complete';

/**
 * `unencrypted`: the same clinic as a version before encryption kept it (plain database, plain
 * files named by their SHA-256, audit.key beside the database), for tests of the upgrade.
 */
export interface SeedVariant {
  unencrypted?: boolean;
}

export function cacheDir(size: SizeName, variant: SeedVariant = {}): string {
  return path.join(
    os.tmpdir(),
    `mesochart-bench-${size}${variant.unencrypted ? '-unencrypted' : ''}`,
  );
}

/** Seeds the cache for `size` when it is missing or was left half-done; returns the seconds spent (0 when cached). */
export function ensureSeeded(size: SizeName, variant: SeedVariant = {}): number {
  const dir = cacheDir(size, variant);
  // A cache from before the clinic's keys (an unencrypted database) is seeded again, encrypted.
  const keyed = existsSync(path.join(dir, 'mesochart.keys'));
  if (existsSync(path.join(dir, DONE_MARKER)) && keyed !== (variant.unencrypted ?? false)) {
    return 0;
  }
  rmSync(dir, { recursive: true, force: true });
  const started = Date.now();
  execFileSync(
    process.execPath,
    [
      path.join(root, 'electron', 'tools', 'run-tool.mjs'),
      'seed',
      '--size',
      size,
      '--dir',
      dir,
      ...(variant.unencrypted ? ['--unencrypted'] : []),
    ],
    { stdio: 'inherit' },
  );
  writeFileSync(path.join(dir, DONE_MARKER), new Date().toISOString());
  return (Date.now() - started) / 1000;
}

/** A fresh copy of the cached data directory; the caller removes it. */
export function workingCopy(size: SizeName, variant: SeedVariant = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `mesochart-bench-run-${size}-`));
  cpSync(cacheDir(size, variant), dir, { recursive: true });
  rmSync(path.join(dir, DONE_MARKER), { force: true });
  return dir;
}

import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/services/app';
import { launchClinic } from '../../../electron/services/keys/launcher';
import { openKeys } from '../../../electron/services/keys/keyring';
import { openStore } from '../../../electron/services/store/database';
import { Sqlite, applyKey, isPlainDatabase } from '../../../electron/services/store/encryption';
import { sealedVault } from '../../../electron/services/vault/file-vault';
import { ensureSeeded, workingCopy } from '../../../electron/tools/bench-data';
import { buildCrashWriter } from '../../../electron/tools/crash-check';
import { fixturePhotosDir } from '../../../electron/tools/seed-photos';
import { CRASH_KEYCHAIN_ENV, crashKeychain } from '../../../electron/tools/stand-in-keychain';
import { TEST_ORIGIN } from '../../support/helpers';

/**
 * A clinic at true S size (npm run seed -- --size S: 3,000 patients, 10,000 signed sessions,
 * 50,000 photo rows over 1,000 stored pictures, a consent PDF) as a version before encryption
 * kept it, encrypted in place when the app first opens it with keys. The seeded folder is cached
 * in the temp folder like the benchmark's (seeding takes about a minute); the upgrade is timed.
 */
const UNENCRYPTED = { unencrypted: true };
const NOTE = 'Mild erythema, settled.';
/** Where the upgrade leaves its own paths, which change by design: photos and PDFs move to .enc. */
const MOVED: Record<string, string[]> = {
  photo: ['original_path', 'thumbnail_path', 'preview_path'],
  document: ['file_path'],
};

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

interface TableState {
  count: number;
  /** SHA-256 over every row's content (order-free), the moved path columns left out. */
  digest: string;
}

/** Every table's row count and content digest, read without changing the file. */
function readTables(file: string, key?: Buffer): Record<string, TableState> {
  const sqlite = new Sqlite(file, { readonly: true });
  try {
    if (key) applyKey(sqlite, key);
    const tables = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    const out: Record<string, TableState> = {};
    for (const { name } of tables) {
      const hashes: string[] = [];
      for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).iterate()) {
        const kept = { ...(row as Record<string, unknown>) };
        for (const column of MOVED[name] ?? []) delete kept[column];
        hashes.push(
          sha256(
            JSON.stringify(kept, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
          ),
        );
      }
      out[name] = { count: hashes.length, digest: sha256(hashes.sort().join('\n')) };
    }
    return out;
  } finally {
    sqlite.close();
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** Waits until the app, started in a child process, is making the encrypted copy; then kills it. */
function killDuringEncryption(writer: string, dataDir: string, keychain: string): Promise<void> {
  const work = path.join(dataDir, `${DATABASE_FILE}.encrypting`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mesochart-upgrade-src-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, scratch, '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, [CRASH_KEYCHAIN_ENV]: keychain },
    });
    let ready = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) ready = true;
    });
    const poll = setInterval(() => {
      if (existsSync(work)) child.kill('SIGKILL');
    }, 5);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      rmSync(scratch, { recursive: true, force: true });
      if (ready || signal !== 'SIGKILL') reject(new Error('the upgrade ended before the kill'));
      else resolve();
    });
  });
}

let dataDir: string;
let writer: string;

beforeAll(async () => {
  // The first run on a machine seeds the cache; later runs copy it.
  ensureSeeded('S', UNENCRYPTED);
  dataDir = workingCopy('S', UNENCRYPTED);
  writer = await buildCrashWriter();
}, 900_000);

afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('upgrade of an unencrypted clinic at S size', () => {
  it('encrypts it in place: every row kept, the old file replaced only after success, nothing readable', async () => {
    const file = path.join(dataDir, DATABASE_FILE);
    expect(isPlainDatabase(file)).toBe(true);
    // At the current schema, so the comparison is of the encryption alone.
    await openStore(file).close();
    const before = readTables(file);
    expect(before.patient?.count).toBeGreaterThanOrEqual(3_000);
    expect(before.treatment_session?.count).toBeGreaterThanOrEqual(10_000);
    expect(before.photo?.count).toBeGreaterThanOrEqual(50_000);
    expect(before.document?.count).toBeGreaterThanOrEqual(1);

    const plain = new Sqlite(file, { readonly: true });
    const { family_name: name } = plain
      .prepare('SELECT family_name FROM patient WHERE length(family_name) >= 7 LIMIT 1')
      .get() as { family_name: string };
    const noted = plain
      .prepare('SELECT count(*) AS n FROM treatment_session WHERE notes = ?')
      .get(NOTE) as { n: number };
    const sample = plain
      .prepare('SELECT sha256 FROM photo GROUP BY sha256 ORDER BY sha256 LIMIT 40')
      .all() as { sha256: string }[];
    plain.close();
    expect(noted.n).toBeGreaterThan(0);
    const picture = readFileSync(path.join(fixturePhotosDir(), 'sony-a6000-24mp.jpg'));
    const needles: [string, Buffer][] = [
      ['a patient name', Buffer.from(name, 'utf8')],
      ['a note', Buffer.from(NOTE, 'utf8')],
      ['photo bytes', picture.subarray(picture.length - 8192, picture.length - 8192 + 64)],
    ];
    // The needles are there to find before: in the database and the photo store.
    const plainBytes = filesUnder(dataDir).map((f) => readFileSync(f));
    for (const [what, needle] of needles) {
      expect(
        plainBytes.some((b) => b.includes(needle)),
        what,
      ).toBe(true);
    }

    // Killed while the encrypted copy is being made: the original is as it was.
    const keychainKey = randomBytes(32).toString('hex');
    const keychain = crashKeychain(keychainKey)!;
    await killDuringEncryption(writer, dataDir, keychainKey);
    expect(isPlainDatabase(file)).toBe(true);
    expect(readTables(file)).toEqual(before);

    // Opened as the app opens it on the same computer: upgraded in place.
    const started = performance.now();
    const launcher = await launchClinic({
      dataDir,
      trustedOrigin: TEST_ORIGIN,
      secretStore: keychain,
    });
    const seconds = (performance.now() - started) / 1000;
    expect(launcher.status()).toMatchObject({ state: 'open' });
    await launcher.close();
    console.log(
      `upgrade of the S clinic (database and ${before.photo!.count} photo rows): ${seconds.toFixed(1)} s`,
    );

    expect(isPlainDatabase(file)).toBe(false);
    const names = readdirSync(dataDir);
    expect(names.filter((n) => n.includes('encrypting'))).toEqual([]);
    expect(names).not.toContain('audit.key');
    const keys = await openKeys(dataDir, { kind: 'keychain', store: keychain });
    expect(readTables(file, keys.dataKey)).toEqual(before);
    const store = openStore(file, { key: keys.dataKey });
    try {
      expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const paths = store.sqlite
        .prepare('SELECT original_path FROM photo WHERE sha256 = ? LIMIT 1')
        .pluck();
      const vault = sealedVault(dataDir, keys.dataKey);
      // A sample of the pictures: the same bytes, sealed under keyed names.
      for (const { sha256: hash } of sample) {
        const original = paths.get(hash) as string;
        expect(original.endsWith('.enc')).toBe(true);
        expect(sha256(await vault.read(`photos/${original}`))).toBe(hash);
      }
    } finally {
      await store.close();
    }
    const after = filesUnder(dataDir);
    for (const f of after.filter((f) => /[\\/](photos|documents)[\\/]/.test(f))) {
      expect(f.endsWith('.enc'), path.relative(dataDir, f)).toBe(true);
    }
    // Nothing readable in any byte of the folder: database, key file, photos, PDFs.
    for (const f of after) {
      const bytes = readFileSync(f);
      for (const [what, needle] of needles) {
        expect(bytes.includes(needle), `${what} in ${path.relative(dataDir, f)}`).toBe(false);
      }
    }
  }, 300_000);
});

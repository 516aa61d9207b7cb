import { readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BackupError,
  createBackup,
  type BackupResult,
} from '../../../electron/services/backup/archive';
import { restoreBackup, verifyBackup } from '../../../electron/services/backup/restore';
import type { TestApp } from '../../support/helpers';
import {
  FAST_KDF,
  PASSPHRASE,
  databaseRows,
  fileHashes,
  seededClinic,
  tempDir,
} from './backup-fixtures';

let app: TestApp;
let names: string[];
let folder: string;
let backup: BackupResult;
const scratch: string[] = [];

function scratchDir(prefix: string) {
  const dir = tempDir(prefix);
  scratch.push(dir);
  return dir;
}

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

beforeAll(async () => {
  const seeded = await seededClinic();
  app = seeded.clinic.app;
  names = seeded.names;
  folder = scratchDir('backups');
  const started = Date.now();
  backup = await createBackup({
    sqlite: app.services.state.store.sqlite,
    snapshot: (file) => app.services.state.store.snapshotTo(file),
    dataDir: app.dataDir,
    folder,
    passphrase: PASSPHRASE,
    keep: 3,
    now: new Date(),
    kdf: FAST_KDF,
  });
  console.warn(
    `[backup] ${backup.files} files, ${(backup.size / 1024).toFixed(0)} KiB in ${Date.now() - started} ms`,
  );
}, 60_000);

afterAll(async () => {
  await app?.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into an empty folder with every row and every file identical', async () => {
    const target = path.join(scratchDir('restore'), 'data');
    const summary = await restoreBackup(backup.file, PASSPHRASE, target);
    expect(summary.files).toBe(backup.files);
    const original = fileHashes(app.dataDir);
    expect(Object.keys(original).some((p) => p.startsWith('photos/'))).toBe(true);
    expect(Object.keys(original).some((p) => p.startsWith('documents/'))).toBe(true);
    expect(original['audit.key']).toBeDefined();
    expect(fileHashes(target)).toEqual(original);
    expect(databaseRows(target)).toEqual(databaseRows(app.dataDir, app.databaseKey));
    // No staging folder is left beside the target.
    expect(readdirSync(path.dirname(target))).toEqual(['data']);
  });

  it('restores into an existing empty folder, and verifies without restoring', async () => {
    const target = scratchDir('restore-empty');
    await restoreBackup(backup.file, PASSPHRASE, target);
    expect(fileHashes(target)).toEqual(fileHashes(app.dataDir));
    const summary = await verifyBackup(backup.file, PASSPHRASE);
    expect(summary.files).toBe(backup.files);
  });

  it('holds no patient name, photo or key in clear text', () => {
    const raw = readFileSync(backup.file);
    expect(names.length).toBeGreaterThan(4);
    for (const name of names) expect(raw.includes(Buffer.from(name, 'utf8'))).toBe(false);
    expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    const key = readFileSync(path.join(app.dataDir, 'audit.key'));
    expect(raw.includes(key)).toBe(false);
    expect(statSync(backup.file).mode & 0o077).toBe(0);
  });

  it('refuses a wrong passphrase and leaves the target untouched', async () => {
    const parent = scratchDir('wrong');
    const target = path.join(parent, 'data');
    mkdirSync(target);
    const error = await refusal(restoreBackup(backup.file, 'not the passphrase', target));
    expect(error.reason).toBe('wrong-passphrase');
    expect(error.message).toMatch(/passphrase/);
    expect(readdirSync(parent)).toEqual(['data']);
    expect(readdirSync(target)).toEqual([]);
  });

  it('refuses a flipped byte anywhere and a truncated file, leaving nothing behind', async () => {
    const original = readFileSync(backup.file);
    const damagedDir = scratchDir('damaged');
    const cases: [string, Buffer][] = [
      ['header', flip(original, 20)],
      ['first chunk', flip(original, 70)],
      ['middle', flip(original, Math.floor(original.length / 2))],
      ['last byte', flip(original, original.length - 1)],
      ['truncated', original.subarray(0, original.length - 100)],
      ['cut at half', original.subarray(0, Math.floor(original.length / 2))],
      ['extended', Buffer.concat([original, Buffer.from([0, 0, 0, 0, 0])])],
    ];
    for (const [label, bytes] of cases) {
      const file = path.join(damagedDir, `${label}.mcbak`);
      writeFileSync(file, bytes);
      const parent = scratchDir('damaged-target');
      const error = await refusal(restoreBackup(file, PASSPHRASE, path.join(parent, 'data')));
      expect(['damaged', 'wrong-passphrase'], label).toContain(error.reason);
      expect(readdirSync(parent), label).toEqual([]);
      await refusal(verifyBackup(file, PASSPHRASE));
    }
  });

  it('detects reordered and dropped chunks of a many-chunk backup', async () => {
    const small = await createBackup({
      sqlite: app.services.state.store.sqlite,
      snapshot: (file) => app.services.state.store.snapshotTo(file),
      dataDir: app.dataDir,
      folder: scratchDir('chunks'),
      passphrase: PASSPHRASE,
      keep: 1,
      now: new Date(),
      kdf: FAST_KDF,
      chunkBytes: 4096,
    });
    await verifyBackup(small.file, PASSPHRASE);
    const bytes = readFileSync(small.file);
    const frame = 5 + 4096 + 16;
    const chunk = (i: number) => bytes.subarray(56 + i * frame, 56 + (i + 1) * frame);
    const swapped = Buffer.concat([
      bytes.subarray(0, 56),
      chunk(1),
      chunk(0),
      bytes.subarray(56 + 2 * frame),
    ]);
    const dropped = Buffer.concat([
      bytes.subarray(0, 56),
      chunk(0),
      bytes.subarray(56 + 2 * frame),
    ]);
    for (const [label, altered] of [
      ['swapped', swapped],
      ['dropped', dropped],
    ] as const) {
      const file = path.join(path.dirname(small.file), `${label}.mcbak`);
      writeFileSync(file, altered);
      expect((await refusal(verifyBackup(file, PASSPHRASE))).reason, label).toBe('damaged');
    }
  });

  it('refuses a folder that is not empty and a file that is not a backup', async () => {
    const target = scratchDir('non-empty');
    writeFileSync(path.join(target, 'keep.txt'), 'mine');
    const error = await refusal(restoreBackup(backup.file, PASSPHRASE, target));
    expect(error.reason).toBe('target-not-empty');
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('mine');
    const notBackup = path.join(target, 'keep.txt');
    expect((await refusal(verifyBackup(notBackup, PASSPHRASE))).reason).toBe('not-a-backup');
  });

  it('keeps only the newest N backups and nothing else in the folder is touched', async () => {
    const other = path.join(folder, 'notes.txt');
    writeFileSync(other, 'not a backup');
    const made: string[] = [backup.file];
    for (let i = 1; i <= 4; i += 1) {
      const result = await createBackup({
        sqlite: app.services.state.store.sqlite,
        snapshot: (file) => app.services.state.store.snapshotTo(file),
        dataDir: app.dataDir,
        folder,
        passphrase: PASSPHRASE,
        keep: 3,
        now: new Date(Date.now() + i * 60_000),
        kdf: FAST_KDF,
      });
      made.push(result.file);
    }
    const left = readdirSync(folder).sort();
    expect(left).toEqual([...made.slice(-3).map((f) => path.basename(f)), 'notes.txt'].sort());
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

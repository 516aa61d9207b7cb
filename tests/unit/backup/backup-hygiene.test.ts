import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, createBackup } from '../../../electron/services/backup/archive';
import { snapshotDatabase } from '../../../electron/services/backup/archive/create-backup';
import { verifyBackup } from '../../../electron/services/backup/restore';
import { createServices } from '../../../electron/services/app';
import { startClinic, TEST_ORIGIN, type TestApp } from '../../support/helpers';
import { FAST_KDF, PASSPHRASE, tempDir } from './backup-fixtures';

let app: TestApp;
let backupFile: string;
const folder = tempDir('hygiene-backups');

beforeAll(async () => {
  app = await startClinic();
  const result = await createBackup({
    sqlite: app.services.state.store.sqlite,
    snapshot: (file) => app.services.state.store.snapshotTo(file),
    dataDir: app.dataDir,
    folder,
    passphrase: PASSPHRASE,
    keep: 3,
    now: new Date(),
    kdf: FAST_KDF,
  });
  backupFile = result.file;
}, 60_000);

afterAll(async () => {
  await app.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The same backup with its header's scrypt settings (bytes 9 to 11) rewritten. */
function withKdf(logN: number, r: number, p: number): string {
  const bytes = readFileSync(backupFile);
  bytes.writeUInt8(logN, 9);
  bytes.writeUInt8(r, 10);
  bytes.writeUInt8(p, 11);
  const file = path.join(folder, `crafted-${logN}-${r}-${p}.mesobak`);
  writeFileSync(file, bytes);
  return file;
}

describe('a crafted backup header', () => {
  it.each([
    ['the largest of every setting (4 GiB, tens of seconds)', 20, 32, 16],
    ['1 GiB of memory', 20, 8, 1],
    ['many parallel passes', 17, 8, 16],
  ])('asking for %s is refused before any key is derived', async (_label, logN, r, p) => {
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const error = await verifyBackup(withKdf(logN, r, p), PASSPHRASE).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).message).toMatch(/damaged.*key settings/);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('with settings within the bounds still verifies', async () => {
    await expect(verifyBackup(backupFile, PASSPHRASE)).resolves.toMatchObject({ files: 2 });
  });
});

describe("a backup's database snapshot", () => {
  it('is written readable by its owner only', async () => {
    const { store } = app.services.state;
    const file = await snapshotDatabase(store.sqlite, app.dataDir, (f) => store.snapshotTo(f));
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(file).size).toBeGreaterThan(0);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('left behind by a crash is removed at start-up, and nothing else is', async () => {
    const started = await startClinic();
    const dir = started.dataDir;
    await started.services.close();
    try {
      const db = readFileSync(path.join(dir, 'mesochart.sqlite'));
      writeFileSync(path.join(dir, '.backup-snapshot-0123456789abcdef.sqlite'), db);
      writeFileSync(path.join(dir, '.backup-snapshot-0123456789abcdef.sqlite-journal'), 'j');
      writeFileSync(path.join(dir, 'notes.backup-snapshot.txt'), 'kept');
      const services = await createServices({
        dataDir: dir,
        databaseKey: started.databaseKey,
        trustedOrigin: TEST_ORIGIN,
      });
      await services.close();
      const left = readdirSync(dir).filter((n) => n.includes('backup-snapshot'));
      expect(left).toEqual(['notes.backup-snapshot.txt']);
      expect(existsSync(path.join(dir, 'mesochart.sqlite'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, createBackup } from '../../../electron/services/backup/archive';
import { readAuditHead } from '../../../electron/services/backup/audit-head';
import { restoreBackup, verifyBackup } from '../../../electron/services/backup/restore';
import { startClinic, type TestApp } from '../../support/helpers';
import { FAST_KDF, PASSPHRASE, tempDir } from './backup-fixtures';

let app: TestApp;
const scratch: string[] = [];

beforeAll(async () => {
  app = await startClinic();
}, 60_000);

afterAll(async () => {
  await app?.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function backUp(auditHead: (file: string) => { seq: number; hash: string } | null) {
  const folder = tempDir('head');
  scratch.push(folder);
  return createBackup({
    sqlite: app.services.state.store.sqlite,
    snapshot: (file) => app.services.state.store.snapshotTo(file),
    dataDir: app.dataDir,
    folder,
    passphrase: PASSPHRASE,
    keep: 3,
    now: new Date(),
    kdf: FAST_KDF,
    auditKey: app.services.state.auditKey,
    auditHead,
  });
}

describe("the audit log's head in a backup's manifest", () => {
  it('is the head of the backed-up database, and a restore ends the log there', async () => {
    const backup = await backUp((file) => readAuditHead(file));
    const head = app.services.state.store.sqlite
      .prepare('SELECT seq, hash FROM audit_head WHERE id = 1')
      .get() as { seq: number; hash: string };
    expect(head.seq).toBeGreaterThan(0);
    await expect(verifyBackup(backup.file, PASSPHRASE)).resolves.toMatchObject({
      files: backup.files,
    });
    const target = path.join(tempDir('restored'), 'data');
    scratch.push(path.dirname(target));
    await restoreBackup(backup.file, PASSPHRASE, target);
    // The audit key travelled from memory (the app keeps it in its key file), as 64 hex digits.
    expect(readFileSync(path.join(target, 'audit.key'), 'utf8')).toBe(
      app.services.state.auditKey.toString('hex'),
    );
  });

  it('refuses a backup whose database does not end where its manifest says', async () => {
    const backup = await backUp((file) => {
      const real = readAuditHead(file)!;
      return { seq: real.seq + 5, hash: real.hash };
    });
    const error = await verifyBackup(backup.file, PASSPHRASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).message).toMatch(/audit log does not end where/);
  });
});

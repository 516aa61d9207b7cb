import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupJob, BackupRestoreJob } from '../../../shared/api/backup';
import { setBackupRuntime, settleBackupJobs } from '../../../electron/services/backup/jobs';
import { createServices } from '../../../electron/services/app';
import { openKeys } from '../../../electron/services/keys/keyring';
import {
  ADMIN,
  fileToken,
  TEST_ORIGIN,
  TRUSTED,
  startApp,
  type TestApp,
} from '../../support/helpers';
import {
  FAST_KDF,
  PASSPHRASE,
  databaseRows,
  fileHashes,
  plainFileHashes,
  seededClinic,
  tableRows,
  tempDir,
} from './backup-fixtures';

let source: TestApp;
let names: string[];
let backupFile: string;
const opened: TestApp[] = [];
const scratch: string[] = [];
const dir = (prefix: string) => {
  const d = tempDir(prefix);
  scratch.push(d);
  return d;
};

/** Polls the job as the progress bar does, and keeps every progress value it saw. */
async function finish(app: TestApp, job: BackupRestoreJob) {
  const seen: number[] = [];
  let state = job;
  while (state.status === 'running') {
    await new Promise((r) => setTimeout(r, 5));
    state = await app.ok<BackupRestoreJob>('backup.restoreJob', { jobId: job.id });
    if (state.totalBytes > 0) seen.push(state.doneBytes / state.totalBytes);
  }
  return { state, seen };
}

beforeAll(async () => {
  const seeded = await seededClinic();
  source = seeded.clinic.app;
  names = seeded.names;
  setBackupRuntime(source.services.state, { kdf: FAST_KDF });
  // The seeded clinic ends with its practitioner signed in; backups are the admin's.
  await source.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const folder = dir('restore-app-backups');
  await source.ok('backup.updateSettings', {
    folder: fileToken(source, 'backup-folder', folder),
    time: '13:00',
    keep: 3,
    passphrase: '',
    passphraseConfirm: '',
  });
  await source.ok<BackupJob>('backup.run', { passphrase: PASSPHRASE });
  await settleBackupJobs(source.services.state);
  const [file] = readdirSync(folder);
  backupFile = path.join(folder, file!);
}, 120_000);

afterAll(async () => {
  for (const app of opened.splice(0)) await app.close();
  await source?.close();
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

describe('restoring a backup from the app', () => {
  it('on a new computer: into an empty folder, byte for byte, then opens and signs in', async () => {
    const fresh = await startApp();
    opened.push(fresh);
    const target = path.join(dir('restore-app-target'), 'data');
    const started = await fresh.ok<BackupRestoreJob>('backup.restore', {
      file: fileToken(fresh, 'backup-file', backupFile),
      folder: fileToken(fresh, 'restore-folder', target),
      passphrase: PASSPHRASE,
    });
    expect(started.status).toBe('running');
    const { state } = await finish(fresh, started);
    expect(state).toMatchObject({ status: 'succeeded', error: null, folder: target });
    expect(state.doneBytes).toBe(state.totalBytes);
    expect(state.files).toBeGreaterThan(3);

    // This computer has no keychain: the restored clinic's new keys are sealed by the backup
    // passphrase, and its recovery key is shown once.
    expect(state.opensWith).toBe('backup-passphrase');
    expect(state.recoveryKey?.split('-')).toHaveLength(8);
    const keys = await openKeys(target, { kind: 'passphrase', passphrase: PASSPHRASE });
    expect(keys.dataKey.equals(source.databaseKey)).toBe(false);
    const recordFiles = (hashes: Record<string, string>) =>
      Object.fromEntries(Object.entries(hashes).filter(([p]) => /^(photos|documents)\//.test(p)));
    const original = recordFiles(plainFileHashes(source.dataDir, source.databaseKey));
    expect(Object.keys(original).some((p) => p.startsWith('photos/'))).toBe(true);
    // The backup holds the files decrypted; the restore sealed each under the new key as it
    // wrote it: the same files, none of them plain on disk.
    expect(recordFiles(plainFileHashes(target, keys.dataKey))).toEqual(original);
    const onDisk = recordFiles(fileHashes(target));
    for (const [file, hash] of Object.entries(onDisk)) expect(hash).not.toBe(original[file]);
    expect(Object.keys(fileHashes(target)).sort()).toEqual(
      ['mesochart.keys', ...Object.keys(original)].sort(),
    );
    // The source has moved on since the backup (its audit trail, the backup log); the record has not.
    const moving = ['audit_event', 'audit_head', 'setting', 'sign_in_throttle'];
    const record = (rows: Record<string, unknown[]>) =>
      Object.fromEntries(Object.entries(rows).filter(([table]) => !moving.includes(table)));
    expect(() => databaseRows(target)).toThrow();
    const restoredRows = databaseRows(target, keys.dataKey);
    expect(restoredRows['patient']?.length).toBeGreaterThanOrEqual(3);
    expect(record(restoredRows)).toEqual(record(tableRows(source.services.state.store.sqlite)));

    // The restored folder is a working record: it opens, the admin signs in, patients are there.
    const restored = await createServices({
      dataDir: target,
      databaseKey: keys.dataKey,
      auditKey: keys.auditKey,
      trustedOrigin: TEST_ORIGIN,
    });
    try {
      const signIn = await restored.dispatch(TRUSTED, 'auth.signIn', {
        username: ADMIN.username,
        password: ADMIN.password,
      });
      expect(signIn.ok).toBe(true);
      const found = await restored.dispatch(TRUSTED, 'patients.search', {
        query: names[2]!,
        includeArchived: false,
        offset: 0,
        limit: 10,
      });
      expect(found).toMatchObject({ ok: true, value: { total: 1 } });
      expect(await restored.dispatch(TRUSTED, 'audit.verify', {})).toMatchObject({
        ok: true,
        value: { ok: true },
      });
    } finally {
      await restored.close();
    }
  });

  it('refuses a folder that is not empty, or inside this data folder, next to the field', async () => {
    const fresh = await startApp();
    opened.push(fresh);
    const full = dir('restore-app-full');
    writeFileSync(path.join(full, 'notes.txt'), 'keep me');
    const refused = await fresh.call('backup.restore', {
      file: fileToken(fresh, 'backup-file', backupFile),
      folder: fileToken(fresh, 'restore-folder', full),
      passphrase: PASSPHRASE,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refused.ok) expect(refused.error.fields?.folder).toMatch(/not empty/);
    expect(readdirSync(full)).toEqual(['notes.txt']);

    const insideData = path.join(fresh.dataDir, 'restored');
    const inside = await fresh.call('backup.restore', {
      file: fileToken(fresh, 'backup-file', backupFile),
      folder: fileToken(fresh, 'restore-folder', insideData),
      passphrase: PASSPHRASE,
    });
    if (inside.ok) throw new Error('a restore inside the data folder was accepted');
    expect(inside.error.fields?.folder).toMatch(/outside the Mesochart data folder/);

    const missing = await fresh.call('backup.restore', {
      file: fileToken(fresh, 'backup-file', path.join(full, 'nothing.mcbak')),
      folder: fileToken(fresh, 'restore-folder', path.join(dir('restore-app-x'), 'data')),
      passphrase: PASSPHRASE,
    });
    if (missing.ok) throw new Error('a missing backup file was accepted');
    expect(missing.error.fields?.file).toMatch(/does not exist/);
  });

  it('reports a wrong passphrase and leaves the folder empty', async () => {
    const fresh = await startApp();
    opened.push(fresh);
    const target = dir('restore-app-wrong');
    const started = await fresh.ok<BackupRestoreJob>('backup.restore', {
      file: fileToken(fresh, 'backup-file', backupFile),
      folder: fileToken(fresh, 'restore-folder', target),
      passphrase: 'not the passphrase at all',
    });
    const { state } = await finish(fresh, started);
    expect(state.status).toBe('failed');
    expect(state.error).toMatch(/passphrase/i);
    expect(state.errorText).toEqual({ key: 'errors.backup.jobFailure.wrongPassphrase' });
    expect(readdirSync(target)).toEqual([]);
    const staging = `.${path.basename(target)}.restore-`;
    expect(readdirSync(path.dirname(target)).filter((n) => n.startsWith(staging))).toEqual([]);
  });

  it('once a clinic is set up, is for its admin only', async () => {
    // The source clinic is set up; sign in as a practitioner there.
    await source.ok('staff.create', {
      username: 'nurse',
      displayName: 'Nurse Ayla',
      role: 'practitioner',
      password: 'practitioner 123',
    });
    await source.ok('auth.signIn', { username: 'nurse', password: 'practitioner 123' });
    const target = path.join(dir('restore-app-nurse'), 'data');
    mkdirSync(path.dirname(target), { recursive: true });
    const refused = await source.call('backup.restore', {
      file: fileToken(source, 'backup-file', backupFile),
      folder: fileToken(source, 'restore-folder', target),
      passphrase: PASSPHRASE,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(readdirSync(path.dirname(target))).toEqual([]);
  });
});

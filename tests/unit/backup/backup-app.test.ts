import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupJob, BackupStatus } from '../../../shared/api/backup';
import { setBackupRuntime, settleBackupJobs } from '../../../electron/services/backup/jobs';
import { tickBackupSchedule } from '../../../electron/services/backup/schedule';
import { verifyBackup } from '../../../electron/services/backup/restore';
import { ADMIN, fileToken, startClinic, type TestApp } from '../../support/helpers';
import { FAST_KDF, PASSPHRASE, tempDir } from './backup-fixtures';

const opened: TestApp[] = [];
const scratch: string[] = [];
const DAY = 24 * 60 * 60_000;

/** Stands in for the OS keychain: reversible, and never the passphrase as typed. */
const fakeKeychain = {
  seal: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
  open: (sealed: Buffer) =>
    Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'base64').toString(),
};

let current: TestApp;
async function clinic(options: { keychain?: boolean } = {}) {
  const app = await startClinic({ frozenClock: true });
  opened.push(app);
  current = app;
  setBackupRuntime(app.services.state, {
    kdf: FAST_KDF,
    ...(options.keychain ? { secretStore: fakeKeychain } : {}),
  });
  const folder = tempDir('backup-folder');
  scratch.push(folder);
  return { app, folder };
}

/** The settings form as sent: the folder "chosen in the dialog" (its token), or kept (null). */
const settings = (folder: string | null, extra: Record<string, unknown> = {}) => ({
  ...(folder ? { folder: fileToken(current, 'backup-folder', folder) } : {}),
  time: '13:00',
  keep: 3,
  passphrase: '',
  passphraseConfirm: '',
  ...extra,
});

afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('backup settings', () => {
  it('refuses a relative folder, the data folder and a bad time, next to the field', async () => {
    const { app, folder } = await clinic();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...settings(null), folder: 'backups/here' }, 'folder', /typed path is not accepted/],
      [{ ...settings(null), folder }, 'folder', /typed path is not accepted/],
      [settings(null), 'folder', /Choose a backup folder/],
      [settings(app.dataDir), 'folder', /outside the Mesochart data folder/],
      [settings(path.join(app.dataDir, 'photos')), 'folder', /./],
      [settings(path.join(folder, 'missing')), 'folder', /does not exist/],
      [settings(folder, { time: '25:00' }), 'time', /HH:MM/],
      [settings(folder, { keep: 0 }), 'keep', /at least 1/],
      [settings(folder, { passphrase: 'short', passphraseConfirm: 'short' }), 'passphrase', /12/],
      [
        settings(folder, { passphrase: PASSPHRASE, passphraseConfirm: `${PASSPHRASE}x` }),
        'passphraseConfirm',
        /differ/,
      ],
    ];
    for (const [input, field, message] of cases) {
      const result = await app.call('backup.updateSettings', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.fields?.[field]).toMatch(message);
    }
    const status = await app.ok<BackupStatus>('backup.status');
    expect(status.folder).toBeNull();
  });

  it('runs a backup as a job, records it and is no longer stale until a day has passed', async () => {
    const { app, folder } = await clinic();
    const before = await app.ok<BackupStatus>('backup.status');
    expect(before).toMatchObject({ stale: true, lastSuccess: null, scheduled: false });
    await app.ok('backup.updateSettings', settings(folder, { keep: 2 }));
    const noPass = await app.call('backup.run', { passphrase: '' });
    expect(noPass.ok ? null : noPass.error.fields?.passphrase).toMatch(/Enter the backup/);

    const job = await app.ok<BackupJob>('backup.run', { passphrase: PASSPHRASE });
    expect(job.status).toBe('running');
    await settleBackupJobs(app.services.state);
    const done = await app.ok<BackupJob>('backup.job', { jobId: job.id });
    expect(done.status).toBe('succeeded');
    expect(done.totalBytes).toBeGreaterThan(0);
    expect(done.doneBytes).toBe(done.totalBytes);
    expect(existsSync(done.file ?? '')).toBe(true);
    expect((await verifyBackup(done.file ?? '', PASSPHRASE)).files).toBeGreaterThan(0);

    const after = await app.ok<BackupStatus>('backup.status');
    expect(after.stale).toBe(false);
    expect(after.lastSuccess).toMatchObject({ file: done.file, size: done.size });
    expect(after.lastFailure).toBeNull();
    // Without a keychain the passphrase is not kept: scheduled backups cannot run.
    expect(after).toMatchObject({ canStorePassphrase: false, passphraseStored: false });

    // The idle lock engages over such a gap; the admin unlocks to look.
    app.advance(DAY - 60_000);
    await app.ok('auth.unlock', { password: ADMIN.password });
    expect((await app.ok<BackupStatus>('backup.status')).stale).toBe(false);
    app.advance(2 * 60_000);
    expect((await app.ok<BackupStatus>('backup.status')).stale).toBe(true);
  });

  it('refuses to start when the chosen folder has gone, naming the field', async () => {
    const { app, folder } = await clinic();
    await app.ok('backup.updateSettings', settings(folder));
    rmSync(folder, { recursive: true, force: true });
    const result = await app.call('backup.run', { passphrase: PASSPHRASE });
    expect(result.ok ? null : result.error.fields?.folder).toMatch(/does not exist/);
  });

  it('runs a due backup from the schedule with the sealed passphrase, once per day', async () => {
    const { app, folder } = await clinic({ keychain: true });
    await app.ok(
      'backup.updateSettings',
      settings(folder, { time: '09:30', passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE }),
    );
    const stored = app.services.state.store.sqlite
      .prepare("SELECT value FROM setting WHERE key = 'backup'")
      .get() as { value: string };
    expect(stored.value).not.toContain(PASSPHRASE);
    const status = await app.ok<BackupStatus>('backup.status');
    expect(status).toMatchObject({ passphraseStored: true, scheduled: true });

    const state = app.services.state;
    const today = new Date();
    const at = (h: number, m: number) =>
      new Date(today.getFullYear(), today.getMonth(), today.getDate(), h, m);
    expect(await tickBackupSchedule(state, at(9, 29))).toBeNull();
    const job = await tickBackupSchedule(state, at(9, 31));
    expect(job?.status).toBe('running');
    await settleBackupJobs(state);
    const files = readdirSync(folder).filter((n) => n.endsWith('.mcbak'));
    expect(files).toHaveLength(1);
    expect(
      (await verifyBackup(path.join(folder, files[0] ?? ''), PASSPHRASE)).files,
    ).toBeGreaterThan(0);
    const log = await app.ok<BackupStatus>('backup.status');
    expect(log.lastSuccess?.at).toBe(at(9, 31).toISOString());
    // Already done today: the next minutes' ticks do nothing.
    expect(await tickBackupSchedule(state, at(10, 0))).toBeNull();
    // Tomorrow at the same time it runs again.
    const tomorrow = new Date(at(9, 31).getTime() + DAY);
    expect((await tickBackupSchedule(state, tomorrow))?.status).toBe('running');
    await settleBackupJobs(state);
    expect(readdirSync(folder).filter((n) => n.endsWith('.mcbak'))).toHaveLength(2);
  });

  it('records a scheduled backup that failed, with its message, and stays stale', async () => {
    const { app, folder } = await clinic({ keychain: true });
    await app.ok(
      'backup.updateSettings',
      settings(folder, { time: '00:00', passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE }),
    );
    // The external drive was unplugged.
    rmSync(folder, { recursive: true, force: true });
    const job = await tickBackupSchedule(app.services.state, new Date());
    expect(job?.status).toBe('running');
    await settleBackupJobs(app.services.state);
    const failed = await app.ok<BackupJob>('backup.job', { jobId: job?.id });
    expect(failed).toMatchObject({ status: 'failed', file: null });
    expect(failed.error).toMatch(/does not exist/);
    // The screens word the failure by its key, in their reader's language.
    expect(failed.errorText).toEqual({ key: 'errors.backup.paths.folderMissing' });
    const status = await app.ok<BackupStatus>('backup.status');
    expect(status.stale).toBe(true);
    expect(status.lastFailure?.message).toMatch(/does not exist/);
    expect(status.lastFailure?.text).toEqual({ key: 'errors.backup.paths.folderMissing' });
    // Not retried every minute: the next attempt is tomorrow's.
    expect(await tickBackupSchedule(app.services.state, new Date())).toBeNull();
  });

  it('does not schedule without a keychain and refuses a receptionist', async () => {
    const { app, folder } = await clinic();
    await app.ok(
      'backup.updateSettings',
      settings(folder, { time: '00:00', passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE }),
    );
    expect(await tickBackupSchedule(app.services.state, new Date())).toBeNull();
    expect(readdirSync(folder)).toEqual([]);

    await app.ok('staff.create', {
      username: 'rita.desk',
      displayName: 'Rita Desk',
      role: 'receptionist',
      password: 'reception pass phrase',
    });
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', { username: 'rita.desk', password: 'reception pass phrase' });
    for (const [operation, input] of [
      ['backup.status', {}],
      ['backup.updateSettings', settings(folder)],
      ['backup.run', { passphrase: PASSPHRASE }],
    ] as const) {
      const result = await app.call(operation, input);
      expect(result.ok ? null : result.error.code).toBe('FORBIDDEN');
    }
  });
});

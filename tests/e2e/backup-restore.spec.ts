import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { ADMIN, CLINIC, call, screenshot, seriousViolations } from '../support/flows';
import { createServices } from '../../electron/services/app';
import { setBackupRuntime, settleBackupJobs } from '../../electron/services/backup/jobs';
import { APP_TEST_ORIGIN } from '../support/origin';
import { openKeys } from '../../electron/services/keys/keyring';
import { isPlainDatabase } from '../../electron/services/store/encryption';

const PASSPHRASE = 'plum orchard lantern 42';

test('a new computer restores the clinic from its setup screen, with progress and verification', async ({
  page,
  host,
}) => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-restore-'));
  try {
    // The old computer: a clinic and its backup, made by the services.
    const oldData = path.join(scratch, 'old');
    const old = await createServices({ dataDir: oldData, trustedOrigin: APP_TEST_ORIGIN });
    setBackupRuntime(old.state, { kdf: { logN: 12, r: 8, p: 1 } });
    await call(old, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
    const backups = path.join(scratch, 'backups');
    await import('node:fs/promises').then((fs) => fs.mkdir(backups));
    await call(old, 'backup.updateSettings', {
      folder: old.state.fileTokens.register('backup-folder', [backups]),
      time: '13:00',
      keep: 3,
      passphrase: '',
      passphraseConfirm: '',
    });
    await call(old, 'backup.run', { passphrase: PASSPHRASE });
    await settleBackupJobs(old.state);
    await old.close();
    const backupFile = path.join(backups, readdirSync(backups)[0]!);

    // The new computer shows the setup screen; the admin restores instead.
    await page.goto('/');
    host.nextBackupFile = backupFile;
    host.nextFolder = path.join(scratch, 'restored');
    await page.getByRole('button', { name: 'Choose the backup file…' }).click();
    await expect(page.getByTestId('restore-file')).toHaveText(backupFile);
    await page.getByRole('button', { name: 'Choose an empty folder…' }).click();
    await page.getByLabel('Backup passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Restore and verify' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Backup restored and verified' });
    await expect(done).toBeVisible();
    await expect(done).toContainText(host.nextFolder);
    // The pointer off the button: axe would measure its hover colour, not the page.
    await page.mouse.move(0, 0);
    expect(await seriousViolations(page)).toEqual([]);
    // Encrypted as it was written, under new keys sealed by this computer's keychain; the
    // recovery key shown once opens them, with the old clinic's audit key inside.
    await expect(done).toContainText("sealed by this computer's keychain");
    const recoveryKey = (await page.getByTestId('restored-recovery-key').textContent()) ?? '';
    await screenshot(page, 'restore-setup-screen');
    expect(readdirSync(host.nextFolder)).toContain('mesochart.keys');
    expect(readdirSync(host.nextFolder)).not.toContain('audit.key');
    expect(isPlainDatabase(path.join(host.nextFolder, 'mesochart.sqlite'))).toBe(false);
    const keys = await openKeys(host.nextFolder, { kind: 'recovery', recoveryKey });
    expect(keys.auditKey.toString('hex')).toBe(
      readFileSync(path.join(oldData, 'audit.key'), 'utf8'),
    );

    // The dialogs' choices were used once; sending them again is refused next to the field.
    await page.getByRole('button', { name: 'Restore and verify' }).click();
    await expect(page.getByText(/already used; choose the file again/)).toBeVisible();
    await expect(page.getByTestId('restore-file')).toHaveText('No backup file chosen');
    // Restoring again into the now full folder, both chosen again, is refused next to the folder.
    await page.getByRole('button', { name: 'Choose the backup file…' }).click();
    await page.getByRole('button', { name: 'Choose an empty folder…' }).click();
    await page.getByRole('button', { name: 'Restore and verify' }).click();
    await expect(page.getByText(/not empty/)).toBeVisible();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

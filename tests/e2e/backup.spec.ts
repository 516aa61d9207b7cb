import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { ADMIN, screenshot, seedClinic, signIn, expectSignedIn } from '../support/flows';
import { setBackupRuntime } from '../../electron/services/backup/jobs';

const PASSPHRASE = 'plum orchard lantern 42';

/** Stands in for the OS keychain the desktop app uses (Electron safeStorage). */
const keychain = {
  seal: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
  open: (sealed: Buffer) =>
    Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'base64').toString(),
};

test('the admin sets up backups, backs up now with progress and sees the last backup', async ({
  page,
  services,
  dataDir,
  host,
}) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-backups-'));
  try {
    setBackupRuntime(services.state, { secretStore: keychain });
    await seedClinic(services);
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    await expectSignedIn(page, ADMIN.displayName);
    await page.goto('/#/settings');
    await page.getByRole('tab', { name: 'Backups' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'No backup has been made yet' }),
    ).toBeVisible();

    const settings = page.getByRole('form', { name: 'Where and when' });
    // The folder comes from the system's folder dialog; the data folder itself is refused there,
    // next to the field, and the dialog is opened again.
    host.nextFolder = dataDir;
    await settings.getByRole('button', { name: 'Choose the backup folder…' }).click();
    await expect(settings.getByTestId('backup-folder')).toHaveText(dataDir);
    await settings.getByLabel('Daily backup time').fill('12:45');
    await settings.getByLabel('Backups to keep').fill('7');
    await settings.getByLabel('Backup passphrase').fill(PASSPHRASE);
    await settings.getByLabel('Passphrase again').fill(PASSPHRASE);
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(
      settings.getByText('Choose a backup folder outside the Mesochart data folder.').first(),
    ).toBeVisible();

    await expect(settings.getByTestId('backup-folder')).toHaveText('No folder chosen yet');
    host.nextFolder = folder;
    await settings.getByRole('button', { name: 'Choose the backup folder…' }).click();
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Backup settings saved')).toBeVisible();
    // The message shows below the header: Lock and Sign out stay within reach while it does.
    for (const name of ['Lock', 'Sign out']) {
      await page.getByRole('button', { name }).click({ trial: true, timeout: 1500 });
    }
    await page.screenshot({ path: 'test-results/screenshots/message-below-header.png' });
    await expect(settings.getByText("kept sealed by this computer's keychain")).toBeVisible();

    const now = page.getByRole('form', { name: 'Back up now' });
    await expect(now.getByText('The stored passphrase will be used.')).toBeVisible();
    await now.getByRole('button', { name: 'Back up now' }).click();
    await expect(now.getByRole('progressbar', { name: 'Backup progress' })).toBeVisible();
    await expect(now.getByText(/Backup written to .*mesochart-backup-.*\.mcbak/)).toBeVisible({
      timeout: 20_000,
    });
    await expect(now.getByRole('progressbar', { name: 'Backup progress' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    const last = page.getByTestId('backup-last');
    await expect(last.getByText(/Last successful backup: /)).toBeVisible();
    await expect(page.getByText('No backup has been made yet')).toHaveCount(0);
    expect(readdirSync(folder).filter((n) => n.endsWith('.mcbak'))).toHaveLength(1);
    // Full-page shots of a scrolled page draw the fixed header over the content.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'backup-settings');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

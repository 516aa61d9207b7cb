import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  CLINIC,
  call,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
} from '../support/flows';
import { launchForTest, testKeychain } from '../support/keys';
import { APP_TEST_ORIGIN } from '../support/origin';

const PASSPHRASE = 'lavender window seventeen harbour';
const CODE = /^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/;

test.describe('a computer without a keychain', () => {
  test.use({ keyMode: 'passphrase' });

  test('chooses the clinic passphrase first, sees the recovery key once, then sets up', async ({
    page,
    host,
    launcher,
  }) => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'mesochart-sheet-'));
    try {
      await page.goto('/');
      await expect(
        page.getByRole('heading', { name: "Protect the clinic's records" }),
      ).toBeVisible();
      const passphrase = page.getByLabel('Clinic passphrase');
      await passphrase.fill('short');
      await expect(page.getByTestId('passphrase-strength')).toHaveText(
        'Too short: at least 12 characters',
      );
      await page.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
      await expect(page.getByText('The passphrase must have at least 12 characters')).toBeVisible();
      await passphrase.fill(PASSPHRASE);
      await expect(page.getByTestId('passphrase-strength')).toHaveText('Strong');
      await page.getByLabel('Type the passphrase again').fill('lavender window');
      await page.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
      await expect(page.getByText('The two passphrases differ')).toBeVisible();
      expect(launcher.services).toBeNull();
      await screenshot(page, 'keys-passphrase-setup');

      await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
      await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
      const shown = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/g, '-');
      expect(shown).toMatch(CODE);

      host.nextSavePath = path.join(scratch, 'recovery-sheet.pdf');
      await page.getByRole('button', { name: 'Save the recovery sheet (PDF)…' }).click();
      await expect(page.getByRole('status')).toContainText('recovery-sheet.pdf');
      const text = execFileSync('pdftotext', ['-layout', host.nextSavePath, '-'], {
        encoding: 'utf8',
      });
      expect(text.replace(/\s+/g, '')).toContain(shown.replace(/-/g, ''));
      expect(execFileSync('pdfinfo', [host.nextSavePath], { encoding: 'utf8' })).toMatch(
        /Pages:\s+1\n/,
      );
      await screenshot(page, 'keys-recovery-key');

      const next = page.getByRole('button', { name: 'Continue' });
      await expect(next).toBeDisabled();
      await page.getByLabel(/I have printed the recovery sheet/).check();
      await next.click();
      await expect(page.getByRole('heading', { name: 'Welcome to Mesochart' })).toBeVisible();
      // Shown once: the key is gone from the services too.
      expect((await launcher.dispatch(TRUSTED, 'keys.recoveryKey', {})).ok).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test('asks for the passphrase at each start; a wrong one is refused next to the field', async ({
    page,
    launcher,
  }) => {
    await launcher.dispatch(TRUSTED, 'keys.create', {
      passphrase: PASSPHRASE,
      confirm: PASSPHRASE,
    });
    await call(launcher.services!, 'keys.confirmRecoveryKey');
    await call(launcher.services!, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
    await launcher.relaunch();
    expect(launcher.status().state).toBe('locked');

    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Open the clinic', exact: true })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    const field = page.getByLabel('Clinic passphrase');
    await field.fill('not the clinic passphrase');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByText('That is not the clinic passphrase.')).toBeVisible();
    await screenshot(page, 'keys-unlock-wrong');
    await field.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.displayName);
  });
});

const TRUSTED = { url: `${APP_TEST_ORIGIN}/index.html`, isMainFrame: true };

/** A set-up clinic with a patient in its own folder, sealed by another computer's keychain. */
async function oldComputerClinic(folder: string): Promise<string> {
  const old = await launchForTest(folder, 'keychain', APP_TEST_ORIGIN, testKeychain());
  const services = old.services!;
  const { recoveryKey } = (await call(services, 'keys.recoveryKey')) as { recoveryKey: string };
  await call(services, 'keys.confirmRecoveryKey');
  await call(services, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
  await old.close();
  return recoveryKey;
}

test.describe('the recovery key', () => {
  test('opens an existing clinic from the setup screen of a new computer', async ({
    page,
    host,
  }) => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'mesochart-old-'));
    try {
      const folder = path.join(scratch, 'old-data');
      const recoveryKey = await oldComputerClinic(folder);
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Welcome to Mesochart' })).toBeVisible();
      await page
        .getByRole('button', { name: 'Open an existing clinic with its recovery key' })
        .click();
      host.nextFolder = folder;
      await page.getByRole('button', { name: "Choose the clinic's folder…" }).click();
      await expect(page.getByTestId('recover-folder')).toHaveText(folder);
      const field = page.getByRole('textbox', { name: 'Recovery key' });
      const groups = recoveryKey.split('-');
      groups[2] = `${groups[2]!.slice(0, 4)}${groups[2]![4] === 'A' ? 'B' : 'A'}`;
      await field.fill(groups.join('-'));
      await page.getByRole('button', { name: 'Open the clinic' }).click();
      await expect(
        page.getByText(/Group 3 of the recovery key has a typing mistake/),
      ).toBeVisible();
      await screenshot(page, 'keys-recover-typo');
      // The attempt spent the folder's one-time token: the folder is chosen again.
      await expect(page.getByTestId('recover-folder')).toHaveText('No folder chosen');
      await page.getByRole('button', { name: "Choose the clinic's folder…" }).click();
      await expect(page.getByTestId('recover-folder')).toHaveText(folder);
      await field.fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
      await page.getByRole('button', { name: 'Open the clinic' }).click();
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await expect(page.getByText(CLINIC.name)).toBeVisible();
      await signIn(page, ADMIN.username, ADMIN.password);
      await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.displayName);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test('opens the clinic when the keychain that sealed it is gone', async ({ page, launcher }) => {
    await call(launcher.services!, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
    await call(launcher.services!, 'keys.newRecoveryKey');
    const { recoveryKey: key } = (await call(launcher.services!, 'keys.recoveryKey')) as {
      recoveryKey: string;
    };
    await launcher.relaunch({ newComputer: true });
    expect(launcher.status().state).toBe('locked');

    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Open the clinic', exact: true })).toBeVisible();
    await expect(page.getByText(/keychain cannot open the clinic's keys/)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'keys-keychain-lost');
    await page.getByRole('textbox', { name: 'Recovery key' }).fill(key);
    await page.getByRole('button', { name: 'Open the clinic' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await launcher.relaunch();
    expect(launcher.status().state).toBe('open');
  });
});

test('an admin makes a new recovery key in Settings; it is shown once, then forgotten', async ({
  page,
  services,
  launcher,
}) => {
  await seedClinic(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.displayName);
  await page.goto('/#/settings');
  await page.getByRole('tab', { name: 'Backups' }).click();
  await page.getByRole('button', { name: 'Make a new recovery key…' }).click();
  await expect(
    page.getByText('The current recovery sheet will stop working.', { exact: false }),
  ).toBeVisible();
  await screenshot(page, 'keys-settings-new-recovery-key');
  await page.getByRole('button', { name: 'Make the new recovery key' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const shown = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/g, '-');
  expect(shown).toMatch(CODE);
  await page.getByLabel(/I have printed the recovery sheet/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.displayName);
  expect(launcher.status().recoveryKeyPending).toBe(false);
});

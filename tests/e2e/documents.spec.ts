import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seedClinic, signIn, expectSignedIn } from '../support/flows';

const PRACTITIONER = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};

/** A signature drawn the way a hand does: one continuous stroke across the pad. */
async function drawSignature(page: Page, pad: Locator) {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not visible');
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  await page.mouse.move(...at(0.1, 0.6));
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    const x = 0.1 + (0.8 * i) / 24;
    const y = 0.5 + 0.3 * Math.sin(i / 2.5);
    await page.mouse.move(...at(x, y), { steps: 2 });
  }
  await page.mouse.up();
}

test('a consent is signed on the pad and archived with a valid hash', async ({
  page,
  services,
  host,
  dataDir,
}) => {
  await seedClinic(services, [PRACTITIONER]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const patient = (await call(services, 'patients.create', {
    givenName: 'Şebnem',
    familyName: 'Yılmaz',
    dateOfBirth: '1986-04-12',
    sex: 'female',
    phone: '+90 532 123 45 67',
    email: '',
    address: '',
    preferredLanguage: 'Türkçe',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  })) as { id: string };
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await page.goto(`/#/patients/${patient.id}?tab=documents`);
  await expect(page.getByText('Consent by procedure')).toBeVisible();
  await expect(page.getByTestId('consent-validity-skin-rejuvenation')).toContainText('No consent');

  await page.getByRole('button', { name: 'Generate consent form' }).click();
  const form = page.getByRole('form', { name: 'Generate a consent form' });
  await form
    .getByLabel('Other products')
    .fill('Dermaheal HL: peptides, hyaluronic acid\nLidocaine cream 5%: lidocaine');
  await form.getByRole('button', { name: 'Generate' }).click();

  // Generating opens the signing screen; signing needs both pads.
  const signing = page.getByRole('dialog', { name: 'Sign the consent form' });
  await expect(signing.getByText('Products: Dermaheal HL, Lidocaine cream 5%')).toBeVisible();
  await signing.getByRole('button', { name: 'Sign and archive' }).click();
  await expect(signing.getByText('A signature is needed here')).toHaveCount(2);
  await drawSignature(page, signing.getByTestId('patient-signature-pad'));
  await drawSignature(page, signing.getByTestId('practitioner-signature-pad'));
  await expect(signing.getByText('A signature is needed here')).toHaveCount(0);
  await signing.evaluate((el) => el.scrollTo?.(0, 0));
  await screenshot(page, 'documents-signing-screen');
  await signing.getByRole('button', { name: 'Sign and archive' }).click();
  await expect(signing).toBeHidden();

  const row = page.getByTestId('document-row').first();
  await expect(row).toContainText('Consent form · Skin rejuvenation');
  await expect(row).toContainText('Signed on screen');
  await expect(row).toContainText('v1 · en');
  await expect(row.getByTestId('file-check')).toHaveText('Hash matches');
  await expect(page.getByTestId('consent-validity-skin-rejuvenation')).toContainText('Valid');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'documents-tab');

  // Open to print: the archived, signed file goes to the system viewer.
  await row.getByRole('button', { name: 'Open to print' }).click();
  await expect.poll(() => host.opened.length).toBe(1);
  const opened = host.opened[0]!;
  expect(opened.startsWith(path.join(dataDir, 'documents') + path.sep)).toBe(true);
  const listed = (await call(services, 'documents.list', { patientId: patient.id })) as {
    sha256: string;
    signatureCheck: string;
  }[];
  expect(createHash('sha256').update(readFileSync(opened)).digest('hex')).toBe(listed[0]!.sha256);
  expect(listed[0]!.signatureCheck).toBe('valid');

  // Save a copy to the folder chosen in the save dialog.
  const outside = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-copy-'));
  try {
    host.nextSavePath = path.join(outside, 'consent.pdf');
    await row.getByRole('button', { name: /Actions for/ }).click();
    await page.getByRole('menuitem', { name: 'Save a copy' }).click();
    await expect(page.getByText(`Copy saved to ${host.nextSavePath}`)).toBeVisible();
    expect(existsSync(host.nextSavePath)).toBe(true);
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});

test('an admin edits a consent template; a refused save names the missing placeholder', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  await page.goto('/#/settings');
  await page.getByRole('tab', { name: 'Templates' }).click();
  const body = page.getByLabel('Text of costs');
  await expect(body).toBeVisible();
  await body.fill('Each session costs {{price}}.');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByText('Unknown placeholder: {{price}}')).toBeVisible();
  await expect(body).toHaveValue('Each session costs {{price}}.');
  await body.fill('Each session costs 180 EUR, paid on the day.');
  await page.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByText('Saved as version 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load v2 into the editor' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'documents-template-editor');
});

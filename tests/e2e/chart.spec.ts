import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, expectSignedIn, screenshot, seedClinic, signIn } from '../support/flows';

test('the admin exports a patient’s whole record to a chosen folder and sees what was written', async ({
  page,
  services,
  host,
}) => {
  await seedClinic(services);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const patient = (await call(services, 'patients.create', {
    givenName: 'Şebnem',
    familyName: 'Yılmaz',
    dateOfBirth: '1986-04-12',
    sex: 'female',
    phone: '+90 532 123 45 67',
    email: '',
    address: '',
    preferredLanguage: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  })) as { id: string; clinicNumber: string };
  await call(services, 'auth.signOut');
  const out = mkdtempSync(path.join(tmpdir(), 'mesochart-e2e-export-'));
  try {
    await page.goto('/');
    await signIn(page, ADMIN.username, ADMIN.password);
    await expectSignedIn(page, ADMIN.displayName);
    await page.goto(`/#/patients/${patient.id}`);
    await page.getByRole('button', { name: 'Export record' }).click();
    const dialog = page.getByRole('dialog', { name: "Export the patient's whole record" });
    await dialog.getByRole('radio', { name: 'Transfer to another clinic' }).check();
    await dialog.getByRole('textbox', { name: 'Recipient' }).fill('Clinique du Parc');
    host.nextFolder = out;
    await dialog.getByRole('button', { name: 'Choose folder and export' }).click();
    await expect(dialog.getByTestId('record-export-result')).toContainText(
      'Record PDF, 0 photographs',
    );
    const folder = (await dialog.getByTestId('record-export-folder').textContent()) ?? '';
    expect(path.dirname(folder)).toBe(out);
    expect(path.basename(folder)).toContain(`${patient.clinicNumber}-record-`);
    await screenshot(page, 'record-export-done');
    expect(readdirSync(folder).sort()).toEqual(['patient-record.fhir.json', 'record.pdf']);
    const text = execFileSync('pdftotext', [path.join(folder, 'record.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain('Record transferred to another clinic, for Clinique du Parc');
    expect(text).toContain('No sessions recorded.');
    await dialog.getByRole('button', { name: 'Open the record PDF' }).click();
    await expect.poll(() => host.opened.at(-1)).toBe(path.join(folder, 'record.pdf'));
    expect(existsSync(path.join(folder, 'record.pdf'))).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

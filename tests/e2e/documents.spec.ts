import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
  expectSignedIn,
} from '../support/flows';
import { drawSignature } from '../support/signature-pad';

const PRACTITIONER = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};

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
    preferredLanguage: 'tr',
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
  await expect(signing.getByText("Record the patient's choice and initials")).toBeVisible();
  await drawSignature(page, signing.getByTestId('patient-signature-pad'));
  await drawSignature(page, signing.getByTestId('practitioner-signature-pad'));
  await expect(signing.getByText('A signature is needed here')).toHaveCount(0);
  // The separate choice the form asks is answered and initialled in the dialog.
  await signing.getByRole('radio', { name: 'I agree', exact: true }).check();
  await signing.getByLabel(/Patient's initials/).fill('ŞY');
  await signing.evaluate((el) => el.scrollTo?.(0, 0));
  await screenshot(page, 'documents-signing-screen');
  await signing.getByRole('button', { name: 'Sign and archive' }).click();
  await expect(signing).toBeHidden();

  const row = page.getByTestId('document-row').first();
  await expect(row).toContainText('Consent form · Skin rejuvenation');
  await expect(row).toContainText('Signed on screen');
  // The patient prefers Türkçe: her consent is the Turkish form, and the list says so.
  await expect(row).toContainText('v1 · Türkçe');
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

const RECEPTIONIST = {
  username: 'rana.desk',
  displayName: 'Rana Desk',
  role: 'receptionist',
  password: 'front desk pass phrase',
};

test('at the front desk the consent is read in the dialog, the choice initialled, the practitioner signs with their own password and the receptionist as witness; a late signing is flagged on screen and on the PDF', async ({
  page,
  services,
  host,
}) => {
  // Several password hashings (128 MiB each) and three drawn pads on a shared machine.
  test.setTimeout(300_000);
  await seedClinic(services, [PRACTITIONER, RECEPTIONIST]);
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
  })) as { id: string };
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  const practitioner = services.state.store.sqlite
    .prepare('SELECT id FROM staff_user WHERE username = ?')
    .get(PRACTITIONER.username) as { id: string };
  // Treated yesterday, the consent is only being signed today.
  const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA');
  await call(services, 'documents.generateConsent', {
    patientId: patient.id,
    procedureKind: 'skin-rejuvenation',
    practitionerId: practitioner.id,
    productIds: [],
    otherProducts: [{ name: 'Dermaheal HL', ingredients: ['peptides'] }],
    plannedSessions: 4,
    intervalDays: 14,
    treatmentDate: yesterday,
  });
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await page.goto(`/#/patients/${patient.id}?tab=documents`);
  await page
    .getByTestId('document-row')
    .first()
    .getByRole('button', { name: 'Sign', exact: true })
    .click();
  const signing = page.getByRole('dialog', { name: 'Sign the consent form' });

  // The text as printed, with the patient's details, readable in a scrollable region.
  const text = signing.getByRole('region', { name: 'The consent text, as it is printed' });
  await expect(text).toContainText('I, Şebnem Yılmaz, have read and understood this form');
  await expect(text).toContainText('Dermaheal HL (peptides)');
  await expect(text.getByRole('heading', { name: 'Photographs for any other use' })).toBeVisible();
  expect(await text.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await expect(
    signing.getByRole('alert').filter({ hasText: 'Signed after the treatment date' }),
  ).toContainText('will be recorded and printed as signed after the treatment date');

  // Nothing is signed until every part is there: choice, pads, the practitioner's own password.
  await signing.getByRole('button', { name: 'Sign and archive' }).click();
  await expect(signing.getByText("Record the patient's choice and initials")).toBeVisible();
  await expect(signing.getByText('Inès Moreau enters their own password')).toBeVisible();
  await text.getByRole('radio', { name: 'I do not agree' }).check();
  await text.getByLabel(/Patient's initials/).fill('ŞY');
  await drawSignature(page, signing.getByTestId('patient-signature-pad'));
  await drawSignature(page, signing.getByTestId('practitioner-signature-pad'));
  await signing.getByLabel('Password of Inès Moreau').fill(RECEPTIONIST.password);
  await signing.getByRole('button', { name: 'Sign and archive' }).click();
  await expect(signing.getByText("That is not Inès Moreau's password").first()).toBeVisible();

  await signing.getByLabel('Password of Inès Moreau').fill(PRACTITIONER.password);
  await signing.getByLabel(/sign as witness \(Rana Desk\)/).check();
  await drawSignature(page, signing.getByTestId('witness-signature-pad'));
  await screenshot(page, 'consent-signing-front-desk');
  expect(await seriousViolations(page)).toEqual([]);
  await signing.getByRole('button', { name: 'Sign and archive' }).click();
  await expect(signing).toBeHidden();

  const row = page.getByTestId('document-row').first();
  await expect(row).toContainText('Signed on screen');
  await expect(row).toContainText('Practitioner: Inès Moreau (confirmed with own password)');
  await expect(row).toContainText('Witness: Rana Desk');
  await expect(row).toContainText('Signed after the treatment date');
  await screenshot(page, 'consent-signed-late-row');

  await row.getByRole('button', { name: 'Open to print' }).click();
  await expect.poll(() => host.opened.length).toBe(1);
  const pdf = host.opened[0]!;
  const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  expect(printed).toContain('Signed after the treatment date');
  expect(printed).toContain('Initials: ŞY');
  expect(printed).toContain('Witness (Receptionist)');
  expect(printed).toContain('Name: Rana Desk');
  expect(printed).toContain('Name: Inès Moreau');
  // The last page (declaration and signatures) as an image, to be looked at.
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1],
  );
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    String(pages),
    '-l',
    String(pages),
    pdf,
    path.join('test-results', 'screenshots', 'consent-signed-late-pdf'),
  ]);
});

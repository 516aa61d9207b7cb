import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type en from '../../renderer/src/i18n/en.json';
import type enAppointments from '../../renderer/src/i18n/en-appointments.json';
import type enBackup from '../../renderer/src/i18n/en-backup.json';
import type enDocuments from '../../renderer/src/i18n/en-documents.json';
import type enErrors from '../../renderer/src/i18n/en-errors.json';
import type enPhotos from '../../renderer/src/i18n/en-photos.json';
import type enTreatments from '../../renderer/src/i18n/en-treatments.json';
import { setBackupRuntime, settleBackupJobs } from '../../electron/services/backup/jobs';
import { recordBackupFailure } from '../../electron/services/backup/settings';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seedClinic, seriousViolations } from '../support/flows';
import { INES, localDay, RECEPTIONIST, seedDiary } from '../support/diary-seed';
import { PRACTITIONER, seedTreatmentDay, startDraft } from '../support/session-seed';

/** The catalogues as the app reads them: every text below is what the screen shows. */
const catalogue = <T>(language: string, area = '') =>
  JSON.parse(
    readFileSync(path.join('renderer', 'src', 'i18n', `${language}${area}.json`), 'utf8'),
  ) as T;

/** Where these screenshots are kept to be looked at, besides the run's own folder. */
async function look(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
  const dir = process.env.SHOTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  }
  // Nothing excluded: the refused fields and their red messages pass with the rest.
  expect(await seriousViolations(page)).toEqual([]);
}

async function signInAs(
  page: Page,
  labels: typeof en,
  who: { username: string; password: string },
) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: labels.signIn.title })).toBeVisible();
  await page.getByLabel(labels.staff.username).fill(who.username);
  await page.getByLabel(labels.staff.password, { exact: true }).fill(who.password);
  await page.getByRole('button', { name: labels.signIn.submit }).click();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

test('a French admin adds an account under a user name already taken and reads why in French, next to the field', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  const fr = catalogue<typeof en>('fr');
  const frErrors = catalogue<typeof enErrors>('fr', '-errors');
  const NURSE = {
    username: 'ayla.prac',
    displayName: 'Ayla Demir',
    role: 'practitioner',
    password: 'practitioner pass phrase',
  };
  await seedClinic(services, [NURSE]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'clinic.updateSettings', { uiLanguage: 'fr' });
  await call(services, 'auth.signOut');

  await signInAs(page, fr, ADMIN);
  await page.getByRole('link', { name: fr.nav.settings, exact: true }).click();
  await page.getByRole('tab', { name: fr.settings.staffTab }).click();
  await page.getByRole('button', { name: fr.staff.add }).click();
  const form = page.getByRole('form', { name: fr.staff.add });
  await form.getByLabel(fr.staff.displayName).fill('Ayla Yılmaz');
  await form.getByLabel(fr.staff.username).fill(NURSE.username);
  await form.getByLabel(fr.staff.initialPassword).fill('another pass phrase');
  await form.getByRole('button', { name: fr.staff.add }).click();

  const taken = frErrors.errors.staff.usernameTaken;
  await expect(form.getByLabel(fr.staff.username)).toHaveAccessibleDescription(new RegExp(taken));
  await expect(form.getByRole('alert').filter({ hasText: taken })).toBeVisible();
  await expect(form).not.toContainText('That user name is already taken');
  // What was typed stays, and nothing was added.
  await expect(form.getByLabel(fr.staff.displayName)).toHaveValue('Ayla Yılmaz');
  await look(page, 'fr-staff-username-taken');
});

test('an Arabic receptionist books a practitioner who is already busy and reads the clash in Arabic', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  const ar = catalogue<typeof en>('ar');
  const arDiary = catalogue<typeof enAppointments>('ar', '-appointments');
  const arErrors = catalogue<typeof enErrors>('ar', '-errors');
  await seedDiary(services);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'clinic.updateSettings', { uiLanguage: 'ar' });
  await call(services, 'auth.signOut');

  await signInAs(page, ar, RECEPTIONIST);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page
    .getByRole('navigation', { name: ar.nav.label })
    .getByRole('link', { name: arDiary.diary.nav })
    .click();
  await page.getByRole('button', { name: arDiary.diary.new }).click();
  const form = page.getByRole('dialog', { name: arDiary.diary.form.title });
  await form.getByRole('textbox', { name: arDiary.diary.form.patient }).fill('Kel');
  await page.getByRole('option', { name: /Bruno Keller/ }).click();
  await form.getByLabel(arDiary.diary.form.date).fill(localDay());
  await form.getByLabel(arDiary.diary.form.time).fill('09:15');
  await form.getByRole('button', { name: arDiary.diary.form.save }).click();

  // Inès's 09:00 visit: her name and its time as values in the Arabic sentence (the time kept
  // left to right inside it).
  const clash = arErrors.errors.appointments.practitionerBooked
    .replace('{{name}}', INES.displayName)
    .replace('{{when}}', `${localDay()} 09:00–09:45`);
  expect(clash).toContain('لدى');
  await expect(form.getByText(clash).first()).toBeVisible();
  await expect(form).not.toContainText('is already booked');
  await look(page, 'ar-diary-clash');
});

test('a Turkish practitioner asks to sign an incomplete note and reads what is missing in Turkish, the area named in Turkish', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  const tr = catalogue<typeof en>('tr');
  const trTreatments = catalogue<typeof enTreatments>('tr', '-treatments');
  const trErrors = catalogue<typeof enErrors>('tr', '-errors');
  const { product, patient } = await seedTreatmentDay(services);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'clinic.updateSettings', { uiLanguage: 'tr' });
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  const session = await startDraft(services, patient.id, product.id);
  // The cheeks without a depth, and no reactions written yet.
  await call(services, 'sessions.saveDraft', {
    id: session.id,
    technique: 'nappage',
    needleGauge: 32,
    needleLengthMm: 4,
    anaesthesia: 'none',
    passes: 2,
    points: null,
    immediateReactions: '',
    notes: '',
    areas: [{ area: 'cheeks', depthMm: null }],
    products: [],
  });
  await call(services, 'auth.signOut');

  await signInAs(page, tr, PRACTITIONER);
  await page.goto(`/#/patients/${patient.id}/sessions/${session.id}`);
  await page.getByRole('button', { name: trTreatments.sessions.sign }).click();
  const missing = page.getByRole('dialog', { name: trTreatments.sessions.incompleteTitle });
  const depth = trErrors.errors.sessions.missing.depth.replace(
    '$t(errors.sessions.area.{{area}})',
    trErrors.errors.sessions.area.cheeks,
  );
  expect(depth).toBe('Derinlik (yanaklar)');
  await expect(missing.getByRole('listitem').filter({ hasText: depth })).toBeVisible();
  await expect(
    missing.getByText(trErrors.errors.sessions.missing.immediateReactions),
  ).toBeVisible();
  await expect(missing).not.toContainText('Depth for the');
  await look(page, 'tr-session-incomplete');
});

test('an Arabic practitioner imports a damaged JPEG with a sound one and reads why it was refused in Arabic', async ({
  page,
  services,
  host,
}) => {
  test.setTimeout(180_000);
  const ar = catalogue<typeof en>('ar');
  const arPhotos = catalogue<typeof enPhotos>('ar', '-photos');
  const arErrors = catalogue<typeof enErrors>('ar', '-errors');
  const { patient } = await seedTreatmentDay(services);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'clinic.updateSettings', { uiLanguage: 'ar' });
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  await call(services, 'consents.record', {
    patientId: patient.id,
    kind: 'photos-record',
    decision: 'given',
    note: '',
  });
  await call(services, 'auth.signOut');

  await signInAs(page, ar, PRACTITIONER);
  await page.goto(`/#/patients/${patient.id}?tab=photos`);
  const fixtures = path.resolve(import.meta.dirname, '../../../shared/fixtures/photos');
  host.nextPickedPhotos = [
    path.join(fixtures, 'sony-a6000-24mp.jpg'),
    path.join(fixtures, 'corrupt-huge-exif-tag.jpg'),
  ];
  await page.getByRole('button', { name: arPhotos.photos.addPhotos }).click();
  const summary = page.getByRole('region', { name: arPhotos.photos.import.summaryTitle });
  await expect(summary).toContainText('corrupt-huge-exif-tag.jpg', { timeout: 30_000 });
  await expect(summary).toContainText(
    `corrupt-huge-exif-tag.jpg: ${arErrors.errors.photoFiles.damaged}`,
  );
  await expect(summary).not.toContainText('damaged');
  await look(page, 'ar-photo-import-refused');
});

test('a French admin edits a template with an unknown placeholder and an unclosed one and reads both in French at their fields', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  const fr = catalogue<typeof en>('fr');
  const frDocuments = catalogue<typeof enDocuments>('fr', '-documents');
  const frErrors = catalogue<typeof enErrors>('fr', '-errors');
  await seedClinic(services, []);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'clinic.updateSettings', { uiLanguage: 'fr' });
  await call(services, 'auth.signOut');

  await signInAs(page, fr, ADMIN);
  await page.getByRole('link', { name: fr.nav.settings, exact: true }).click();
  await page.getByRole('tab', { name: frDocuments.templates.tab }).click();
  const body = page.getByLabel(/^Texte de /).first();
  await body.fill('Vous réglez {{patient.pointure}} le jour même.');
  const title = page.getByLabel(frDocuments.templates.templateTitle, { exact: true });
  await title.fill('Consentement de {{patient.fullName}');
  await page.getByRole('button', { name: frDocuments.templates.save }).click();

  const field = frErrors.errors.documents.templateField;
  const unknown = field.unknownPlaceholder.replace('{{placeholders}}', '{{patient.pointure}}');
  const notClosed = field.notClosed.replace('{{example}}', '{{name}}');
  expect(unknown).toBe('Champ de fusion inconnu : {{patient.pointure}}');
  await expect(body).toHaveAccessibleDescription(unknown);
  await expect(title).toHaveAccessibleDescription(notClosed);
  await expect(page.getByText(frDocuments.templates.problems)).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Unknown placeholder');
  await expect(page.locator('main')).not.toContainText('is not closed');
  // Nothing was saved: what was typed stays, to be put right.
  await expect(body).toHaveValue('Vous réglez {{patient.pointure}} le jour même.');
  await look(page, 'fr-template-unknown-placeholder');
});

test('a Turkish admin reads why the last backup failed in Turkish; the English stays for the log', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  const tr = catalogue<typeof en>('tr');
  const trBackup = catalogue<typeof enBackup>('tr', '-backup');
  const trErrors = catalogue<typeof enErrors>('tr', '-errors');
  await seedClinic(services, []);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'clinic.updateSettings', { uiLanguage: 'tr' });
  await call(services, 'auth.signOut');
  // Last night's backup: the drive was full.
  await recordBackupFailure(services.state.store.db, {
    at: '2026-11-30T13:00:00.000Z',
    message: 'The backup could not be written (ENOSPC); no partial backup was left.',
    text: { key: 'errors.backup.jobFailure.writeFailed' },
  });

  await signInAs(page, tr, ADMIN);
  await page.getByRole('link', { name: tr.nav.settings, exact: true }).click();
  await page.getByRole('tab', { name: trBackup.backup.tab }).click();
  const failure = page.getByRole('alert').filter({
    hasText: trErrors.errors.backup.jobFailure.writeFailed,
  });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText(trBackup.backup.lastFailure.split(' (')[0]!);
  await expect(page.locator('main')).not.toContainText('could not be written');
  await look(page, 'tr-backup-last-failure');
});

test('a French admin restores with the wrong passphrase and reads why in French', async ({
  page,
  services,
  host,
}) => {
  test.setTimeout(180_000);
  const fr = catalogue<typeof en>('fr');
  const frBackup = catalogue<typeof enBackup>('fr', '-backup');
  const frErrors = catalogue<typeof enErrors>('fr', '-errors');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-restore-fr-'));
  try {
    setBackupRuntime(services.state, { kdf: { logN: 12, r: 8, p: 1 } });
    await seedClinic(services, []);
    await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await call(services, 'clinic.updateSettings', { uiLanguage: 'fr' });
    const backups = path.join(scratch, 'backups');
    mkdirSync(backups);
    await call(services, 'backup.updateSettings', {
      folder: services.state.fileTokens.register('backup-folder', [backups]),
      time: '13:00',
      keep: 3,
      passphrase: '',
      passphraseConfirm: '',
    });
    await call(services, 'backup.run', { passphrase: 'plum orchard lantern 42' });
    await settleBackupJobs(services.state);
    await call(services, 'auth.signOut');

    await signInAs(page, fr, ADMIN);
    await page.getByRole('link', { name: fr.nav.settings, exact: true }).click();
    await page.getByRole('tab', { name: frBackup.backup.tab }).click();
    host.nextBackupFile = path.join(backups, readdirSync(backups)[0]!);
    host.nextFolder = path.join(scratch, 'restored');
    await page.getByRole('button', { name: frBackup.backup.restore.chooseFile }).click();
    await page.getByRole('button', { name: frBackup.backup.restore.chooseFolder }).click();
    await page.getByLabel(frBackup.backup.restore.passphrase).last().fill('not the passphrase');
    await page.getByRole('button', { name: frBackup.backup.restore.submit }).click();
    const failed = page.getByRole('alert').filter({ hasText: frBackup.backup.restore.failed });
    await expect(failed).toContainText(frErrors.errors.backup.jobFailure.wrongPassphrase, {
      timeout: 30_000,
    });
    await expect(failed).not.toContainText('does not open');
    await page.mouse.move(0, 0);
    await look(page, 'fr-restore-wrong-passphrase');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

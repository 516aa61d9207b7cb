import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MesochartServices } from '../../electron/services/app';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  recordConsent,
  screenshot,
  seedClinic,
  signIn,
  expectSignedIn,
} from '../support/flows';
import { localDay } from '../support/diary-seed';
import { PRACTITIONER, passedCheckToday } from '../support/session-seed';

/** A catalogue, a patient with a Turkish name, and a course of skin-ageing sessions. */
async function seed(services: MesochartServices) {
  await seedClinic(services, [PRACTITIONER]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const product = (await call(services, 'products.create', {
    name: 'NCTF 135 HA',
    manufacturer: 'Filorga',
    category: 'vitamins',
    ingredients: ['hyaluronic acid', 'vitamins'],
    allergens: ['hyaluronicAcid'],
    defaultVolumeMl: 1.5,
  })) as { id: string };
  const lot = (await call(services, 'products.addLot', {
    productId: product.id,
    lotNumber: 'VA-001',
    expiresOn: localDay(300),
    receivedOn: localDay(-20),
  })) as { id: string };
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
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  await call(services, 'courses.create', {
    patientId: patient.id,
    indication: 'skin-ageing',
    indicationNote: '',
    areas: ['cheeks'],
    plannedSessions: 4,
    intervalDays: 14,
    protocol: {
      productIds: [product.id],
      technique: 'nappage',
      depthMm: 1.5,
      needleGauge: 32,
      needleLengthMm: 4,
    },
  });
  passedCheckToday(services, patient.id, [product.id]);
  await call(services, 'auth.signOut');
  return { patient, product, lot };
}

test('starting without consent prompts for one; aftercare after the signed session is archived', async ({
  page,
  services,
  host,
  dataDir,
}) => {
  const { patient, product, lot } = await seed(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await page.goto(`/#/patients/${patient.id}/treatments`);

  // No consent for skin rejuvenation yet: starting says so and offers to make one.
  await page.getByRole('button', { name: "Start today's session" }).click();
  const prompt = page.getByRole('dialog', { name: 'Consent needed' });
  await expect(prompt.getByTestId('consent-prompt')).toHaveText(
    'No valid consent for Skin rejuvenation: generate and sign one now?',
  );
  await expect(prompt).toHaveCSS('opacity', '1'); // the opening transition has finished
  await screenshot(page, 'aftercare-consent-prompt');
  await prompt.getByRole('button', { name: 'Generate and sign consent' }).click();
  const generate = page.getByRole('dialog', { name: 'Generate a consent form' });
  await expect(generate.getByRole('textbox', { name: 'Procedure' })).toHaveValue(
    'Skin rejuvenation',
  );
  await page.keyboard.press('Escape');
  await expect(generate).toBeHidden();

  // The patient signs the consent on paper and the practitioner confirms it; now it starts.
  await recordConsent(services, patient.id, [product.id]);
  await page.reload(); // recorded behind the screen's back: read the consents afresh
  await page.getByRole('button', { name: "Start today's session" }).click();
  await page.waitForURL(/\/sessions\//);
  const sessionId = page.url().split('/sessions/')[1]!.split(/[?#]/)[0]!;

  await call(services, 'sessions.saveDraft', {
    id: sessionId,
    technique: 'nappage',
    needleGauge: 32,
    needleLengthMm: 4,
    anaesthesia: 'none',
    passes: 1,
    points: null,
    immediateReactions: 'None',
    notes: '',
    areas: [{ area: 'cheeks', depthMm: 1.5 }],
    products: [{ area: 'cheeks', productId: product.id, lotId: lot.id, volumeMl: 1.5 }],
  });
  await call(services, 'sessions.sign', { id: sessionId });
  await page.reload();
  await expect(page.getByText('Signed and locked')).toBeVisible();

  // The signed session's shortcut makes the sheet and opens it in the system viewer.
  await page.getByRole('button', { name: 'Print aftercare' }).click();
  await expect.poll(() => host.opened.length).toBe(1);
  const opened = host.opened[0]!;
  expect(opened.startsWith(path.join(dataDir, 'documents') + path.sep)).toBe(true);
  // The sheet fits a cheeks session: the face's washing line, no scalp line, no cautions. The
  // patient prefers Türkçe, so it is the Turkish sheet.
  const sheet = execFileSync('pdftotext', [opened, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(sheet).toContain('Tedavi edilen bölgeyi 8–12 saat boyunca yıkamayın');
  expect(sheet).not.toContain('Saçlı deri');
  expect(sheet).not.toContain('Size özel uyarılar');

  // The documents tab makes both documents for the chosen session and lists them.
  await page.goto(`/#/patients/${patient.id}?tab=documents`);
  await expect(page.getByRole('textbox', { name: 'Session' })).toHaveValue(/Cheeks/);
  await page.getByRole('button', { name: 'Generate session summary' }).click();
  const rows = page.getByTestId('document-row');
  // The consent the service required before treating is listed beside the session's two documents.
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: /Consent form/ })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Aftercare sheet' })).toContainText('v1 · Türkçe');
  await expect(rows.filter({ hasText: 'Aftercare sheet' })).toContainText('Hash matches');
  await expect(rows.filter({ hasText: 'Session summary' })).toContainText('Issued');
  await page.getByRole('button', { name: 'Generate aftercare sheet' }).click();
  await expect(rows.filter({ hasText: 'Aftercare sheet' })).toHaveCount(2);
  await screenshot(page, 'aftercare-documents-tab');

  const listed = (await call(services, 'documents.list', { patientId: patient.id })) as {
    kind: string;
    sessionId: string | null;
    sha256: string;
  }[];
  expect(listed.filter((d) => d.sessionId === sessionId)).toHaveLength(3);
  expect(listed.some((d) => d.kind === 'session-summary')).toBe(true);
  // The file the shortcut opened is the archived aftercare sheet, byte for byte.
  const openedHash = createHash('sha256').update(readFileSync(opened)).digest('hex');
  expect(listed.some((d) => d.kind === 'aftercare' && d.sha256 === openedHash)).toBe(true);
});

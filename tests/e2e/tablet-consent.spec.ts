import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seedClinic, signIn, expectSignedIn } from '../support/flows';
import {
  INES as PRACTITIONER,
  patient as patientDetails,
  RECEPTIONIST,
} from '../support/diary-seed';
import { passedCheckToday } from '../support/session-seed';
import { drawSignature } from '../support/signature-pad';

/** The practitioner starts the session (the day's check is done): what the service answers. */
function startSession(page: Page, patientId: string) {
  return page.evaluate(
    (id) =>
      window.mesochart.sessions.start({ patientId: id, courseId: null, plannedProductIds: [] }),
    patientId,
  );
}

test('a consent handed over on the tablet: the patient signs their part, cannot leave, staff take it back and the practitioner signs theirs', async ({
  page,
  services,
}) => {
  test.slow();
  await seedClinic(services, [PRACTITIONER, RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const patient = (await call(
    services,
    'patients.create',
    patientDetails('Şebnem', 'Yılmaz', '', '1986-04-12'),
  )) as { id: string };
  const practitioner = services.state.store.sqlite
    .prepare('SELECT id FROM staff_user WHERE username = ?')
    .get(PRACTITIONER.username) as { id: string };
  // Today's check is done: only the consent stands between the patient and her session.
  passedCheckToday(services, patient.id, []);
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', {
    username: RECEPTIONIST.username,
    password: RECEPTIONIST.password,
  });
  const consent = (await call(services, 'documents.generateConsent', {
    patientId: patient.id,
    procedureKind: 'skin-rejuvenation',
    practitionerId: practitioner.id,
    productIds: [],
    otherProducts: [{ name: 'Dermaheal HL', ingredients: ['peptides', 'hyaluronic acid'] }],
    plannedSessions: 4,
    intervalDays: 14,
  })) as { id: string };
  await call(services, 'auth.signOut');

  // The front desk hands the tablet over with the consent.
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await page.goto(`/#/patients/${patient.id}?tab=documents`);
  await page.getByRole('button', { name: 'Hand the tablet to sign' }).click();
  const tablet = page.getByTestId('tablet-consent');
  await expect(tablet).toContainText('Hello Şebnem');
  await expect(
    tablet.getByRole('region', { name: 'The consent text, as it is printed' }),
  ).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await expect(tablet.getByTestId('practitioner-signature-pad')).toHaveCount(0);
  await screenshot(page, 'tablet-consent-reading');

  // Back, reload and a typed chart address all land on the form again.
  await page.goBack();
  await expect(tablet).toContainText('Hello Şebnem');
  await page.reload();
  await expect(tablet).toContainText('Hello Şebnem');
  await page.goto(`/#/patients/${patient.id}?tab=documents`);
  await expect(tablet).toContainText('Hello Şebnem');
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  // The practitioner's part cannot be given from the tablet, even by calling the API.
  const practitionerPart = await page.evaluate(
    (id) =>
      window.mesochart.documents.signConsent({
        documentId: id,
        practitionerSignature: 'data:image/png;base64,AAAA',
      }),
    consent.id,
  );
  expect(practitionerPart).toMatchObject({ ok: false, error: { code: 'PATIENT_MODE' } });

  // Nothing drawn and no choice: said next to each, nothing sent.
  await tablet.getByRole('button', { name: 'Sign the form' }).click();
  await expect(tablet.getByText('A signature is needed here')).toBeVisible();
  await expect(tablet.getByText('Choose an answer and write your initials')).toBeVisible();
  await tablet.getByRole('radio', { name: 'I do not agree' }).check();
  await tablet.getByLabel(/Patient's initials/).fill('ŞY');
  await drawSignature(page, tablet.getByTestId('patient-signature-pad'));
  await screenshot(page, 'tablet-consent-signed-by-patient');
  await tablet.getByRole('button', { name: 'Sign the form' }).click();

  const handBack = page.getByTestId('tablet-hand-back');
  await expect(handBack).toContainText('Please hand the tablet back to the clinic staff.');
  await page.reload();
  await expect(handBack).toBeVisible();
  await page.goBack();
  await expect(handBack).toBeVisible();
  await page.goto(`/#/patients/${patient.id}`);
  await expect(handBack).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);

  // The practitioner takes the tablet back with their own password: the chart's documents.
  await handBack.getByLabel('User name').fill(PRACTITIONER.username);
  await handBack.getByLabel('Password').fill(PRACTITIONER.password);
  await handBack.getByRole('button', { name: 'Take the tablet back' }).click();
  await expectSignedIn(page, PRACTITIONER.displayName);
  const validity = page.getByTestId('consent-validity-skin-rejuvenation');
  await expect(validity).toContainText('Patient signed; practitioner to sign');
  await expect(page.getByText(/^Patient signed .*; practitioner to sign$/)).toBeVisible();
  const gated = await startSession(page, patient.id);
  expect(gated).toMatchObject({ ok: false, error: { code: 'SAFETY_GATE' } });
  const gateFields = (gated as { error: { fields: Record<string, string> } }).error.fields;
  expect(Object.keys(gateFields)).toEqual(['gate.consent']);
  expect(gateFields['gate.consent']).toMatch(
    /signed by the patient only; it counts once its practitioner signs their part/,
  );
  await screenshot(page, 'tablet-consent-awaiting-practitioner');

  // The practitioner signs their part only: the patient's is shown as given.
  await page.getByRole('button', { name: 'Sign', exact: true }).click();
  const signing = page.getByRole('dialog', { name: 'Sign the consent form' });
  await expect(signing.getByTestId('patient-signed-on-tablet')).toContainText(
    'Şebnem Yılmaz signed their part on the tablet',
  );
  await expect(signing.getByTestId('patient-signature-pad')).toHaveCount(0);
  // Nor is confirming a paper copy offered in place of the practitioner's own signature.
  await expect(signing.getByText('Signed on paper instead')).toHaveCount(0);
  await drawSignature(page, signing.getByTestId('practitioner-signature-pad'));
  await screenshot(page, 'tablet-consent-practitioner-signs');
  await signing.getByRole('button', { name: 'Sign and archive' }).click();
  await expect(signing).toBeHidden();
  await expect(validity).toContainText('Valid');
  // Complete: the session can start.
  expect(await startSession(page, patient.id)).toMatchObject({ ok: true });
  await screenshot(page, 'tablet-consent-complete');

  const signers = services.state.store.sqlite
    .prepare(
      'SELECT signer_role, signer_staff_id FROM consent_signature WHERE document_id = ? ORDER BY seq',
    )
    .all(consent.id);
  expect(signers).toEqual([
    { signer_role: 'patient', signer_staff_id: null },
    { signer_role: 'practitioner', signer_staff_id: practitioner.id },
  ]);
});

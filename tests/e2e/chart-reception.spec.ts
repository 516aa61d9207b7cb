import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { MesochartServices } from '../../electron/services/app';
import { emptyHistoryAnswers } from '../../shared/api/history';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  expectSignedIn,
  recordConsent,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
} from '../support/flows';
import { localDay } from '../support/diary-seed';
import { saveCompleteDraft } from '../support/session-seed';

const PRACTITIONER = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};
const RECEPTIONIST = {
  username: 'rosa.desk',
  displayName: 'Rosa Martínez',
  role: 'receptionist',
  password: 'reception desk pass',
};
const PHOTO = path.resolve(
  import.meta.dirname,
  '../../../shared/fixtures/photos/orientation-8.jpg',
);
const NOTE = 'Tolerated well; small bruise on the left cheek';

/** A patient with a lidocaine allergy, a signed session with a note, and a photo. */
async function treatedPatient(services: MesochartServices) {
  await seedClinic(services, [PRACTITIONER, RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const vitamins = (await call(services, 'products.create', {
    name: 'NCTF 135 HA',
    manufacturer: 'Mesoline',
    category: 'vitamins',
    ingredients: ['sodium hyaluronate'],
    allergens: ['hyaluronicAcid'],
    defaultVolumeMl: 1.5,
  })) as { id: string };
  const lot = (await call(services, 'products.addLot', {
    productId: vitamins.id,
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
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  const answers = emptyHistoryAnswers();
  answers.allergies.other = 'Lidocaine';
  await call(services, 'history.submit', { patientId: patient.id, answers, takenBy: 'staff' });
  const { sqlite } = services.state.store;
  const me = sqlite
    .prepare('SELECT id FROM staff_user WHERE username = ?')
    .get(PRACTITIONER.username) as { id: string };
  // Today's passed check, on the history just taken, as the check screen stores it.
  const history = sqlite
    .prepare('SELECT id FROM medical_history_version WHERE patient_id = ?')
    .get(patient.id) as { id: string };
  sqlite
    .prepare(
      `INSERT INTO screening (id, patient_id, history_version_id, performed_on, performed_at,
        performed_by, answers, planned_product_ids, findings, outcome, acknowledged,
        override_reason, override_by, status)
       VALUES (?, ?, ?, ?, ?, ?, '{}', ?, '[]', 'clear', '[]', NULL, NULL, 'passed')`,
    )
    .run(
      randomUUID(),
      patient.id,
      history.id,
      localDay(),
      new Date().toISOString(),
      me.id,
      JSON.stringify([vitamins.id]),
    );
  await recordConsent(services, patient.id, [vitamins.id]);
  const session = (await call(services, 'sessions.start', {
    patientId: patient.id,
    courseId: null,
    plannedProductIds: [vitamins.id],
  })) as { id: string };
  await saveCompleteDraft(services, session.id, vitamins.id, lot.id, NOTE);
  await call(services, 'sessions.sign', { id: session.id, allergyOverrides: [] });
  await call(services, 'consents.record', {
    patientId: patient.id,
    kind: 'photos-record',
    decision: 'given',
    note: '',
  });
  // As the photo dialog hands it over: a one-time token for the chosen file.
  let job = (await call(services, 'photos.startImport', {
    patientId: patient.id,
    files: services.state.fileTokens.register('photos', [PHOTO]),
    tags: { phase: 'before', area: 'cheeks', view: 'front', sessionId: session.id },
  })) as { id: string; status: string };
  while (job.status === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    job = (await call(services, 'photos.importStatus', { jobId: job.id })) as typeof job;
  }
  expect(job.status).toBe('finished');
  await call(services, 'auth.signOut');
  return { patient, session };
}

test("the front desk's chart shows the alerts, not the session notes or the photos", async ({
  page,
  services,
}) => {
  // A session signed and a photo imported first: on a loaded machine it needs more time.
  test.slow();
  const { patient, session } = await treatedPatient(services);
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await page.goto(`/#/patients/${patient.id}`);
  await expect(page.getByRole('heading', { name: 'Şebnem Yılmaz' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Alerts' })).toContainText('Lidocaine');
  // No session or photo tab, and nothing of the note anywhere on the chart.
  const tabs = page.getByRole('tab');
  await expect(tabs).toHaveText(['Overview', 'Medical history', 'Documents']);
  await expect(page.getByText(NOTE)).toHaveCount(0);
  await expect(page.getByRole('img', { name: /photo/i })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'chart-reception-alerts-only');
  // Addresses typed by hand give nothing more: the tabs stay hidden, the session is refused.
  await page.goto(`/#/patients/${patient.id}?tab=photos`);
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.goto(`/#/patients/${patient.id}/sessions/${session.id}`);
  await expect(page.getByText(NOTE)).toHaveCount(0);
  const refused = await page.evaluate((id) => window.mesochart.sessions.get({ id }), session.id);
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const photos = await page.evaluate(
    (id) => window.mesochart.photos.list({ patientId: id }),
    patient.id,
  );
  expect(photos).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

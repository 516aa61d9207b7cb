import type { MesochartServices } from '../../electron/services/app';
import { test, expect } from '../support/fixtures';
import { passedCheckToday } from '../support/session-seed';
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

const PRACTITIONER = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};
const COLLEAGUE = {
  username: 'omar.prac',
  displayName: 'Omar Said',
  role: 'practitioner',
  password: 'second practitioner pass',
};

/** Inès's complete draft of today's session, left unsigned at the end of her day. */
async function colleaguesDraft(services: MesochartServices) {
  await seedClinic(services, [PRACTITIONER, COLLEAGUE]);
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
  passedCheckToday(services, patient.id, [vitamins.id]);
  await recordConsent(services, patient.id, [vitamins.id]);
  const session = (await call(services, 'sessions.start', {
    patientId: patient.id,
    courseId: null,
    plannedProductIds: [vitamins.id],
  })) as { id: string };
  await call(services, 'sessions.saveDraft', {
    id: session.id,
    technique: 'nappage',
    needleGauge: 32,
    needleLengthMm: 4,
    anaesthesia: 'numbing-cream',
    passes: 2,
    points: null,
    immediateReactions: 'Mild erythema, settled in 20 minutes',
    notes: 'Tolerated well.',
    areas: [{ area: 'cheeks', depthMm: 1.5 }],
    products: [{ area: 'cheeks', productId: vitamins.id, lotId: lot.id, volumeMl: 1.5 }],
  });
  await call(services, 'auth.signOut');
  return { patient, session };
}

test("a colleague's workstation: the session is signed only with its practitioner's own password", async ({
  page,
  services,
}) => {
  const { patient, session } = await colleaguesDraft(services);
  await page.goto('/');
  await signIn(page, COLLEAGUE.username, COLLEAGUE.password);
  await expectSignedIn(page, COLLEAGUE.displayName);
  await page.goto(`/#/patients/${patient.id}/sessions/${session.id}`);

  await page.getByRole('button', { name: 'Sign for Inès Moreau' }).click();
  const dialog = page.getByRole('dialog', { name: "Sign Inès Moreau's session" });
  await expect(dialog).toContainText('only Inès Moreau can sign it');
  // Omar's own password is not Inès's: refused next to the field, nothing signed.
  const field = dialog.getByLabel('Password of Inès Moreau');
  await field.fill(COLLEAGUE.password);
  await dialog.getByRole('button', { name: 'Sign and lock' }).click();
  await expect(dialog.getByText("That is not Inès Moreau's password")).toBeVisible();
  await expect(field).toHaveAttribute('data-invalid', 'true');
  await expect(field).toHaveValue('');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'session-sign-for-practitioner-refused');
  const unsigned = services.state.store.sqlite
    .prepare('SELECT status, signed_by FROM treatment_session WHERE id = ?')
    .get(session.id);
  expect(unsigned).toEqual({ status: 'draft', signed_by: null });

  // Inès types her own password: the note is signed as hers, recorded at Omar's workstation.
  await field.fill(PRACTITIONER.password);
  await dialog.getByRole('button', { name: 'Sign and lock' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign for Inès Moreau' })).toHaveCount(0);
  await expect(page.getByText(/Signed by Inès Moreau on/)).toBeVisible();
  // The app's header is fixed: scrolled to the top, it stays where it belongs in a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'session-sign-for-practitioner-signed');
  const signed = services.state.store.sqlite
    .prepare(
      `SELECT s.status, signer.username AS signer, s.signature_proven_by AS proof,
              recorder.username AS recorder
       FROM treatment_session s
       JOIN staff_user signer ON signer.id = s.signed_by
       JOIN staff_user recorder ON recorder.id = s.signature_recorded_by
       WHERE s.id = ?`,
    )
    .get(session.id);
  expect(signed).toEqual({
    status: 'signed',
    signer: PRACTITIONER.username,
    proof: 'password',
    recorder: COLLEAGUE.username,
  });
});

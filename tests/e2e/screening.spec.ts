import type { Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import { emptyHistoryAnswers, type HistoryAnswers } from '../../shared/api/history';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  expectSignedIn,
  recordConsent,
  screenshot as fullPage,
  seedClinic,
  signIn,
} from '../support/flows';

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPage(page, name);
}

const PRACTITIONER = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};
const RECEPTIONIST = {
  username: 'rita.desk',
  displayName: 'Rita Desk',
  role: 'receptionist',
  password: 'reception pass phrase',
};

function localDay(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${m}-${day}`;
}

async function patientWithHistory(
  services: MesochartServices,
  [givenName, familyName, dateOfBirth, phone]: [string, string, string, string],
  patch: (a: HistoryAnswers) => void,
) {
  const patient = (await call(services, 'patients.create', {
    givenName,
    familyName,
    dateOfBirth,
    sex: 'female',
    phone,
    email: `${givenName.toLowerCase()}@example.se`,
    address: 'Storgatan 4, Uppsala',
    preferredLanguage: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  })) as { id: string };
  const answers = emptyHistoryAnswers();
  patch(answers);
  await call(services, 'history.submit', { patientId: patient.id, answers, takenBy: 'staff' });
  return patient.id;
}

/** A catalogue with a lidocaine-containing product, and one patient per scenario. */
async function seed(services: MesochartServices) {
  await seedClinic(services, [PRACTITIONER, RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const products: Record<string, string> = {};
  for (const [name, ingredients, allergens] of [
    ['NCTF 135 HA', ['sodium hyaluronate', 'vitamins', 'amino acids'], ['hyaluronicAcid']],
    ['Dermaheal SB with lidocaine', ['sodium hyaluronate', 'lidocaine 0.3%'], []],
  ] as const) {
    const product = (await call(services, 'products.create', {
      name,
      manufacturer: 'Mesoline',
      category: 'other',
      ingredients,
      allergens,
      defaultVolumeMl: 2,
    })) as { id: string };
    products[name] = product.id;
    await call(services, 'products.addLot', {
      productId: product.id,
      lotNumber: `${name.slice(0, 3).toUpperCase()}-001`,
      expiresOn: localDay(300),
      receivedOn: localDay(-10),
    });
  }
  // Intake is the front desk's (and the practitioner's) work, not the admin's.
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', {
    username: RECEPTIONIST.username,
    password: RECEPTIONIST.password,
  });
  const doac = await patientWithHistory(
    services,
    ['Astrid', 'Lindqvist', '1971-02-14', '+46 70 555 12 34'],
    (a) => {
      a.medicines = [
        { text: 'Eliquis 5mg BID', lastDose: '' },
        { text: 'Ibuprofen 400 mg', lastDose: localDay(-3) },
      ];
    },
  );
  const pregnant = await patientWithHistory(
    services,
    ['Britta', 'Okonkwo', '1993-07-21', '+44 7700 900123'],
    (a) => {
      a.conditions.pregnancy = 'yes';
    },
  );
  const allergic = await patientWithHistory(
    services,
    ['Cecilia', 'Moreno', '1985-11-30', '+34 612 345 678'],
    (a) => {
      a.allergies.other = 'Lidocaine';
    },
  );
  await call(services, 'auth.signOut');
  return { doac, pregnant, allergic, nctf: products['NCTF 135 HA']! };
}

async function openCheck(page: Page, patientId: string) {
  await page.goto(`/#/patients/${patientId}`);
  await page.getByRole('link', { name: 'Pre-procedure check' }).click();
  await expect(page.getByRole('heading', { name: /Pre-procedure check: / })).toBeVisible();
}

async function choose(page: Page, field: string, option: string) {
  await page.getByRole('textbox', { name: field }).click();
  await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

async function answer(page: Page, question: string, value: string) {
  await page
    .getByRole('radiogroup', { name: question })
    .getByRole('radio', { name: value, exact: true })
    .check();
}

/** Every day-of question answered with nothing to report. */
async function answerCalmDay(page: Page, overrides: Record<string, string> = {}) {
  const answers: Record<string, string> = {
    'Alcohol in the last 48 hours?': 'No',
    'Pregnant now?': 'No',
    'Breastfeeding now?': 'No',
    'Skin at the treatment site': 'Normal',
    'Fever or illness today?': 'No',
    'Vaccination recently?': 'No',
    'Antibiotics recently?': 'No',
    ...overrides,
  };
  for (const [question, value] of Object.entries(answers)) await answer(page, question, value);
}

const outcome = (page: Page) => page.getByTestId('check-outcome');

test('a DOAC and ibuprofen 3 days ago give cautions that never advise stopping the DOAC', async ({
  page,
  services,
}) => {
  const ids = await seed(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  // The service starts no session without a signed consent for the procedure.
  await expectSignedIn(page, PRACTITIONER.displayName);
  await recordConsent(services, ids.doac, [ids.nctf]);
  await page.goto(`/#/patients/${ids.doac}`);
  // The chart's alerts strip names the blood thinner.
  await expect(page.getByRole('region', { name: 'Alerts' })).toContainText(
    'Blood thinner: Eliquis 5mg BID (apixaban',
  );
  await openCheck(page, ids.doac);
  await expect(page.getByText('apixaban — anticoagulant')).toBeVisible();
  await choose(page, 'Planned products', 'NCTF 135 HA');
  await choose(page, 'Treatment areas', 'Cheeks');
  await answerCalmDay(page);
  // Self-medicated ibuprofen within its hold period would be do-not-treat; this one is prescribed.
  await page
    .getByRole('radiogroup', { name: /Who supplies Ibuprofen/ })
    .getByRole('radio', { name: 'Prescribed' })
    .check();
  await expect(outcome(page)).toHaveText('Caution');
  const cautions = page.getByRole('group', { name: 'Caution' });
  await expect(cautions).toContainText('apixaban');
  await expect(cautions).toContainText('Do not advise stopping: the prescriber decides.');
  await expect(cautions).toContainText('Tell the patient: Keep taking your apixaban');
  await expect(cautions).toContainText('Ibuprofen 400 mg');
  await expect(cautions).toContainText('3 day(s) ago');
  await screenshot(page, 'screening-caution');

  await page.getByRole('button', { name: 'Complete check and start session' }).click();
  await expect(page.getByText(/Acknowledge every caution before treating/)).toBeVisible();
  await expect(page).toHaveURL(/\/check/);
  const boxes = cautions.getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await page.getByRole('button', { name: 'Complete check and start session' }).click();
  await expect(page).toHaveURL(/\/sessions\//);
});

test('a pregnant patient gets do-not-treat; only a practitioner override with a reason starts a session', async ({
  page,
  services,
}) => {
  const ids = await seed(services);
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await page.goto(`/#/patients/${ids.pregnant}`);
  await expect(page.getByRole('heading', { name: 'Britta Okonkwo' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pre-procedure check' })).toHaveCount(0);
  // Even by address, the front desk cannot run or complete the check.
  await page.goto(`/#/patients/${ids.pregnant}/check`);
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /start session/i })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await recordConsent(services, ids.pregnant, [ids.nctf]);
  await openCheck(page, ids.pregnant);
  await choose(page, 'Planned products', 'NCTF 135 HA');
  await choose(page, 'Treatment areas', 'Scalp');
  await answerCalmDay(page, { 'Pregnant now?': 'Yes' });
  await expect(outcome(page)).toHaveText('Do not treat');
  const stop = page.getByRole('group', { name: 'Do not treat' });
  await expect(stop).toContainText('Pregnancy: mesotherapy is not recommended.');
  await expect(stop).toContainText('Tell the patient: Mesotherapy is not done during pregnancy.');
  await screenshot(page, 'screening-do-not-treat');

  await page.getByRole('button', { name: 'Override and start session' }).click();
  await expect(page.getByText(/write why \(at least 10 characters\)/)).toBeVisible();
  await expect(page).toHaveURL(/\/check/);
  const reason = 'Negative pregnancy test this morning; the intake answer was a mistake';
  await page
    .getByRole('textbox', { name: 'Reason for treating despite the do-not-treat findings' })
    .fill(reason);
  await page.getByRole('button', { name: 'Override and start session' }).click();
  await expect(page).toHaveURL(/\/sessions\//);
  // The override travels with the session record.
  const sessionCheck = page.getByRole('region', { name: 'Pre-procedure check' });
  await expect(sessionCheck).toContainText(`Overridden by ${PRACTITIONER.displayName}: ${reason}`);
  await expect(sessionCheck).toContainText('Pregnancy: mesotherapy is not recommended.');

  await page.goto(`/#/patients/${ids.pregnant}`);
  const checks = page.getByRole('heading', { name: 'Pre-procedure checks' });
  await expect(checks).toBeVisible();
  await expect(page.getByText('Overridden', { exact: true })).toBeVisible();
  await page.getByText('Overridden', { exact: true }).click();
  await expect(
    page.getByText(`Overridden by ${PRACTITIONER.displayName}: ${reason}`),
  ).toBeVisible();
});

test('a lidocaine allergy blocks a lidocaine-containing product; without it the check is clear', async ({
  page,
  services,
}) => {
  const ids = await seed(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await recordConsent(services, ids.allergic, [ids.nctf]);
  await openCheck(page, ids.allergic);
  await choose(page, 'Planned products', 'NCTF 135 HA');
  await choose(page, 'Planned products', 'Dermaheal SB with lidocaine');
  await choose(page, 'Treatment areas', 'Cheeks');
  await answerCalmDay(page);
  await expect(outcome(page)).toHaveText('Do not treat');
  const plan = page.getByRole('list', { name: 'Planned products and the allergy check' });
  await expect(plan.getByRole('listitem').filter({ hasText: 'Dermaheal' })).toContainText(
    'Blocked: do not use',
  );
  await expect(plan.getByRole('listitem').filter({ hasText: 'NCTF' })).toContainText('Clear');
  await expect(page.getByRole('group', { name: 'Do not treat' })).toContainText(
    'Product: Dermaheal SB with lidocaine',
  );
  await screenshot(page, 'screening-allergy-blocked');

  // Taking the blocked product out of the plan re-runs the check.
  await choose(page, 'Planned products', 'Dermaheal SB with lidocaine');
  await expect(outcome(page)).toHaveText('Clear');
  await expect(plan.getByRole('listitem')).toHaveCount(1);
  await screenshot(page, 'screening-clear');
  await page.getByRole('button', { name: 'Complete check and start session' }).click();
  await expect(page).toHaveURL(/\/sessions\//);
});

test('completing the check asks for the consent before the session starts', async ({
  page,
  services,
}) => {
  const ids = await seed(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await openCheck(page, ids.allergic);
  await choose(page, 'Planned products', 'NCTF 135 HA');
  await choose(page, 'Treatment areas', 'Cheeks');
  await answerCalmDay(page);
  await expect(outcome(page)).toHaveText('Clear');
  await page.getByRole('button', { name: 'Complete check and start session' }).click();
  await expect(page.getByTestId('consent-prompt')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start without it' })).toHaveCount(0);
  await expect(page).toHaveURL(/\/check/);
  await screenshot(page, 'check-asks-for-consent');
});

test('the course route asks for the consent of the course procedure and keeps one check', async ({
  page,
  services,
}) => {
  const ids = await seed(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  // A hair-loss course: its session needs the hair-loss consent, which the patient has not signed
  // (a skin-rejuvenation one would not do).
  await recordConsent(services, ids.allergic, [ids.nctf], 'skin-rejuvenation');
  const course = (await call(services, 'courses.create', {
    patientId: ids.allergic,
    indication: 'hair-loss',
    indicationNote: '',
    areas: ['scalp'],
    plannedSessions: 4,
    intervalDays: 14,
    protocol: {
      productIds: [ids.nctf],
      technique: null,
      depthMm: null,
      needleGauge: null,
      needleLengthMm: null,
    },
  })) as { id: string };
  await page.goto(`/#/patients/${ids.allergic}/check?course=${course.id}`);
  await expect(page.getByRole('heading', { name: /Pre-procedure check: / })).toBeVisible();
  await answerCalmDay(page);
  await expect(outcome(page)).toHaveText('Clear');
  await page.getByRole('button', { name: 'Complete check and start session' }).click();
  const prompt = page.getByTestId('consent-prompt');
  await expect(prompt).toContainText('No valid consent for Hair loss');
  await expect(page.getByRole('button', { name: 'Start without it' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(prompt).toBeHidden();

  // Completing again without signing: the same check, asked again for the consent, no second check.
  await page.getByRole('button', { name: 'Complete check and start session' }).click();
  await expect(prompt).toContainText('No valid consent for Hair loss');
  await expect(page).toHaveURL(/\/check/);
  const checks = services.state.store.sqlite
    .prepare('SELECT count(*) AS n FROM screening WHERE patient_id = ?')
    .get(ids.allergic) as { n: number };
  expect(checks.n).toBe(1);
  const sessions = services.state.store.sqlite
    .prepare('SELECT count(*) AS n FROM treatment_session WHERE patient_id = ?')
    .get(ids.allergic) as { n: number };
  expect(sessions.n).toBe(0);
  await screenshot(page, 'course-check-asks-for-consent');
});

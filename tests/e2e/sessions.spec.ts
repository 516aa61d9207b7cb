import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import { emptyHistoryAnswers } from '../../shared/api/history';
import { test, expect } from '../support/fixtures';
import { passedCheckToday } from '../support/session-seed';
import {
  ADMIN,
  call,
  expectSignedIn,
  recordConsent,
  screenshot as fullPage,
  seedClinic,
  signIn,
} from '../support/flows';

/** The app's header is fixed: scrolled to the top, it stays where it belongs in a full-page capture. */
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

function localDay(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${m}-${day}`;
}

const person = (givenName: string, familyName: string, phone: string, email: string) => ({
  givenName,
  familyName,
  dateOfBirth: '1986-04-12',
  sex: 'female',
  phone,
  email,
  address: 'Moda Cd. 12, Kadıköy, İstanbul',
  preferredLanguage: 'tr',
  emergencyContactName: '',
  emergencyContactPhone: '',
  referralSource: '',
});

/** Catalogue and patients as the admin and the front desk would have entered them. */
async function seed(services: MesochartServices) {
  await seedClinic(services, [PRACTITIONER]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const product = (name: string, category: string, defaultVolumeMl: number) =>
    call(services, 'products.create', {
      name,
      manufacturer: 'Mesoline',
      category,
      ingredients: ['sodium hyaluronate'],
      allergens: ['hyaluronicAcid'],
      defaultVolumeMl,
    }) as Promise<{ id: string }>;
  const vitamins = await product('NCTF 135 HA', 'vitamins', 1.5);
  const ha = await product('Hydra HA 1%', 'hyaluronic-acid', 1);
  const lot = (productId: string, lotNumber: string, expiresOn: string) =>
    call(services, 'products.addLot', {
      productId,
      lotNumber,
      expiresOn,
      receivedOn: localDay(-20),
    }) as Promise<{ id: string }>;
  const lots = {
    va1: await lot(vitamins.id, 'VA-001', localDay(300)),
    va2: await lot(vitamins.id, 'VA-002', localDay(400)),
    hb1: await lot(ha.id, 'HB-100', localDay(200)),
    old: await lot(ha.id, 'HB-OLD', localDay(-2)),
  };
  const sebnem = (await call(
    services,
    'patients.create',
    person('Şebnem', 'Yılmaz', '+90 532 123 45 67', 'sebnem@example.com'),
  )) as { id: string };
  const zoe = (await call(
    services,
    'patients.create',
    person('Zoë', 'Ångström', '+46 70 123 45 67', 'zoe@example.se'),
  )) as { id: string };
  await call(services, 'auth.signOut');
  return { vitamins, ha, lots, sebnem, zoe };
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a course, a session from its protocol, signing, addendum, adverse event and lot recall', async ({
  page,
  services,
}) => {
  // The longest walk in the suite: on a loaded machine it needs more than the default time.
  test.slow();
  const { vitamins, ha, sebnem, zoe } = await seed(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await page.goto(`/#/patients/${sebnem.id}/treatments`);
  await expect(page.getByRole('heading', { name: 'Treatments — Şebnem Yılmaz' })).toBeVisible();

  // A course of 4 sessions every 14 days, with a two-product protocol.
  await page.getByRole('button', { name: 'New course' }).click();
  const course = page.getByRole('dialog', { name: 'New course' });
  await choose(page, 'Indication', 'Skin ageing and wrinkles');
  await course.getByRole('textbox', { name: 'Areas' }).click({ force: true });
  await page.getByRole('option', { name: 'Cheeks', exact: true }).click();
  await page.keyboard.press('Escape');
  await course.getByLabel('Planned sessions').fill('4');
  await course.getByLabel('Interval').fill('14');
  await course.getByRole('textbox', { name: 'Protocol products' }).click({ force: true });
  await page.getByRole('option', { name: 'NCTF 135 HA' }).click();
  await page.getByRole('option', { name: 'Hydra HA 1%' }).click();
  await page.keyboard.press('Escape');
  await choose(page, 'Technique', 'Nappage');
  await course.getByLabel('Depth').fill('1.5');
  await course.getByLabel('Needle gauge').fill('32');
  await course.getByLabel('Needle length').fill('4');
  await course.getByRole('button', { name: 'Create course' }).click();
  await expect(course).toBeHidden();
  await expect(page.getByTestId('course-progress')).toHaveText('Next: session 1 of 4');

  // The consent for the course's procedure is on record (signed on paper); without today's check
  // the session still does not start.
  await recordConsent(services, sebnem.id, [vitamins.id, ha.id], 'skin-rejuvenation');
  await page.reload();
  await expect(page.getByTestId('course-progress')).toHaveText('Next: session 1 of 4');
  await page.getByRole('button', { name: "Start today's session" }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'pre-procedure check' })).toBeVisible();

  passedCheckToday(services, sebnem.id, [vitamins.id, ha.id]);
  await page.getByRole('button', { name: "Start today's session" }).click();
  await expect(page.getByRole('heading', { name: /^Session of/ })).toBeVisible();
  await expect(page.getByText('Session 1 of 4 · Inès Moreau')).toBeVisible();

  // Pre-filled from the protocol: the area, depth, technique, needle, and one syringe of the two
  // products with their lots and default volumes drawn once (1.5 + 1 ml), not a line per area.
  await expect(page.getByRole('checkbox', { name: 'Cheeks' }).first()).toBeChecked();
  await expect(page.getByLabel('Depth — Cheeks')).toHaveValue('1.5 mm');
  const syringe = page.getByTestId('cocktail');
  await expect(syringe).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Lot of product 1 (syringe 1)' })).toHaveValue(
    /^VA-001/,
  );
  await expect(page.getByRole('textbox', { name: 'Lot of product 2 (syringe 1)' })).toHaveValue(
    /^HB-100/,
  );
  await expect(page.getByLabel('Total of syringe 1')).toHaveValue('2.5 ml');
  await expect(page.getByLabel('Cheeks (syringe 1)')).toHaveValue('');
  await expect(page.getByRole('textbox', { name: /^Lot \(line/ })).toHaveCount(0);

  // The expired lot is listed but cannot be chosen, and says why.
  await page.getByRole('textbox', { name: 'Lot of product 2 (syringe 1)' }).click();
  await expect(page.getByRole('option', { name: /HB-OLD .* cannot be used/ })).toHaveAttribute(
    'data-combobox-disabled',
    'true',
  );
  await page.keyboard.press('Escape');

  // The diagram works from the keyboard: Space toggles the focused region.
  const forehead = page.getByTestId('body-diagram').getByRole('checkbox', { name: 'Forehead' });
  await forehead.focus();
  await page.keyboard.press('Space');
  await expect(forehead).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByLabel('Depth — Forehead')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(forehead).toHaveAttribute('aria-checked', 'false');

  // An implausible depth is refused next to the field and not saved.
  await page.getByLabel('Depth — Cheeks').fill('6');
  await expect(page.getByText('Depth must be between 0.5 and 4 mm')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: correct the marked fields');
  await page.getByLabel('Depth — Cheeks').fill('1.5');

  await choose(page, 'Anaesthesia', 'Numbing cream');
  await page.getByLabel('Passes').fill('2');
  // More spread than the syringe held is refused next to the syringe, and not saved.
  await page.getByLabel('Cheeks (syringe 1)').fill('3');
  await expect(syringe.getByText('The areas receive 3 ml; the syringe holds 2.5 ml')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: correct the marked fields');
  await page.getByLabel('Cheeks (syringe 1)').fill('2.5');
  await expect(page.getByTestId('cocktail-sums')).toHaveText('Drawn 2.5 ml · spread 2.5 ml');
  await page.getByLabel('Immediate reactions').fill('Mild erythema, settled in 20 minutes');
  await page.getByLabel('Notes').fill('Tolerated well. Patient asked about hair loss.');
  await expect(page.getByTestId('save-status')).toHaveText(/Draft saved at/);
  await screenshot(page, 'session-form');
  await page.getByTestId('body-diagram').screenshot({
    path: 'test-results/screenshots/session-diagram.png',
  });

  // The draft survives a reload: it is in the database, not in the page.
  await page.reload();
  await expect(page.getByLabel('Notes')).toHaveValue(
    'Tolerated well. Patient asked about hair loss.',
  );
  await expect(page.getByLabel('Cheeks (syringe 1)')).toHaveValue('2.5 ml');

  await page.getByRole('button', { name: 'Sign session' }).click();
  await page.getByRole('button', { name: 'Sign and lock' }).click();
  await expect(page.getByText('Signed and locked')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign session' })).toHaveCount(0);
  await expect(page.getByTestId('cocktail-view')).toContainText(
    'Syringe 1 · 2.5 ml: NCTF 135 HA 1.5 ml (VA-001',
  );
  await expect(page.getByTestId('cocktail-view')).toContainText('Spread: Cheeks 2.5 ml');
  await screenshot(page, 'session-signed-syringe');
  const sessionId = page.url().split('/').pop()!;

  // Editing the signed note is refused by the service (and by the database beneath it).
  const edit = await services.dispatch(
    { url: `${new URL(page.url()).origin}/index.html`, isMainFrame: true },
    'sessions.saveDraft',
    {
      id: sessionId,
      technique: 'epidermal',
      needleGauge: 32,
      needleLengthMm: 4,
      anaesthesia: 'none',
      passes: 1,
      points: null,
      immediateReactions: 'none',
      notes: 'changed',
      areas: [],
      products: [],
    },
  );
  expect(edit.ok).toBe(false);
  expect(!edit.ok && edit.error.message).toMatch(/signed/);
  expect(() =>
    services.state.store.sqlite
      .prepare("UPDATE treatment_session SET notes = 'x' WHERE id = ?")
      .run(sessionId),
  ).toThrow(/never changed/);

  await page.getByLabel('New addendum').fill('Patient phoned: slight bruise on the left cheek.');
  await page.getByRole('button', { name: 'Add addendum' }).click();
  await expect(page.getByTestId('addendum')).toContainText('Patient phoned: slight bruise');
  await expect(page.getByTestId('addendum')).toContainText('Inès Moreau');
  await expect(page.getByText('Tolerated well. Patient asked about hair loss.')).toBeVisible();
  await screenshot(page, 'session-signed-addendum');

  // An adverse event, open on the chart until it is resolved.
  await page.getByRole('button', { name: 'Record adverse event' }).click();
  const aeDialog = page.getByRole('dialog', { name: 'Record adverse event' });
  await choose(page, 'Kind', 'Bruising');
  await aeDialog.getByLabel('Action taken').fill('Arnica gel, cold compress');
  await aeDialog.getByRole('button', { name: 'Record adverse event' }).click();
  await expect(page.getByTestId('adverse-event')).toContainText('Bruising');
  await page.getByRole('link', { name: "← Back to the patient's treatments" }).click();
  await expect(page.getByTestId('open-adverse-events')).toContainText('Bruising');
  await expect(page.getByTestId('course-progress')).toHaveText('Next: session 2 of 4');
  await screenshot(page, 'patient-treatments');
  await page.getByTestId('open-adverse-events').getByRole('link').click();
  await page.getByRole('button', { name: 'Mark resolved' }).click();
  await page.getByLabel('Outcome').fill('Faded after five days');
  await page
    .getByRole('dialog', { name: 'Mark resolved' })
    .getByRole('button', { name: 'Mark resolved' })
    .click();
  await expect(page.getByTestId('adverse-event')).toContainText('resolved');
  await page.getByRole('link', { name: "← Back to the patient's treatments" }).click();
  await expect(page.getByTestId('course-progress')).toBeVisible();
  await expect(page.getByTestId('open-adverse-events')).toHaveCount(0);

  // Another patient treated from the other vitamins lot, to prove the recall is exact.
  passedCheckToday(services, zoe.id, [vitamins.id]);
  await recordConsent(services, zoe.id, [vitamins.id]);
  const other = (await call(services, 'sessions.start', {
    patientId: zoe.id,
    courseId: null,
    plannedProductIds: [vitamins.id],
  })) as { id: string };
  const { lots } = await seedLots(services, vitamins.id);
  await call(services, 'sessions.saveDraft', {
    id: other.id,
    technique: 'epidermal',
    needleGauge: 30,
    needleLengthMm: 4,
    anaesthesia: 'none',
    passes: 1,
    points: null,
    immediateReactions: 'none',
    notes: '',
    areas: [{ area: 'neck', depthMm: 1 }],
    products: [{ area: 'neck', productId: vitamins.id, lotId: lots['VA-002']!, volumeMl: 2 }],
  });
  await call(services, 'sessions.sign', { id: other.id });

  await page.getByRole('link', { name: 'Recall' }).click();
  await page.getByRole('tab', { name: 'Lot recall' }).click();
  await page.getByLabel('Lot number').fill('va-001');
  await page.getByRole('button', { name: 'Find patients' }).click();
  await expect(page.getByTestId('recall-summary')).toHaveText(
    '1 session received lot va-001 (NCTF 135 HA)',
  );
  await expect(page.getByTestId('recall-row')).toHaveCount(1);
  await expect(page.getByTestId('recall-row')).toContainText('Şebnem Yılmaz');
  await expect(page.getByTestId('recall-row')).toContainText('+90 532 123 45 67');
  await expect(page.getByText('Zoë Ångström')).toHaveCount(0);
  await screenshot(page, 'lot-recall');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^recall-va-001-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Şebnem Yılmaz');
  expect(csv).not.toContain('Ångström');

  await page.getByLabel('Lot number').fill('VA-002');
  await page.getByRole('button', { name: 'Find patients' }).click();
  await expect(page.getByTestId('recall-row')).toHaveCount(1);
  await expect(page.getByTestId('recall-row')).toContainText('Zoë Ångström');
});

async function seedLots(services: MesochartServices, productId: string) {
  const products = (await call(services, 'products.list', {})) as {
    id: string;
    lots: { id: string; lotNumber: string }[];
  }[];
  const lots: Record<string, string> = {};
  for (const l of products.find((p) => p.id === productId)?.lots ?? []) lots[l.lotNumber] = l.id;
  return { lots };
}

/** A patient allergic to lidocaine, on a blood thinner, with an open bruise and a stopped check. */
async function seedAllergic(services: MesochartServices) {
  await seedClinic(services, [PRACTITIONER]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const vitamins = (await call(services, 'products.create', {
    name: 'NCTF 135 HA',
    manufacturer: 'Mesoline',
    category: 'vitamins',
    ingredients: ['sodium hyaluronate'],
    allergens: ['hyaluronicAcid'],
    defaultVolumeMl: 1.5,
  })) as { id: string };
  await call(services, 'products.addLot', {
    productId: vitamins.id,
    lotNumber: 'VA-001',
    expiresOn: localDay(300),
    receivedOn: localDay(-20),
  });
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  const cecilia = (await call(
    services,
    'patients.create',
    person('Cecilia', 'Moreno', '+34 612 345 678', 'cecilia@example.es'),
  )) as { id: string };
  const answers = emptyHistoryAnswers();
  answers.allergies.other = 'Lidocaine';
  answers.medicines = [{ text: 'Eliquis 5mg BID', lastDose: '' }];
  await call(services, 'history.submit', { patientId: cecilia.id, answers, takenBy: 'staff' });
  await call(services, 'auth.signOut');
  return { vitamins, cecilia };
}

/** A check stored as the check screen stores it, on the patient's newest history version. */
function storedCheck(
  services: MesochartServices,
  patientId: string,
  productIds: string[],
  day: string,
  stopped?: string,
) {
  const { sqlite } = services.state.store;
  const performer = sqlite
    .prepare("SELECT id FROM staff_user WHERE role = 'practitioner'")
    .get() as { id: string };
  const history = sqlite
    .prepare(
      'SELECT id FROM medical_history_version WHERE patient_id = ? ORDER BY version DESC LIMIT 1',
    )
    .get(patientId) as { id: string } | undefined;
  const findings = stopped
    ? [
        {
          ruleId: 'condition.pregnancy',
          severity: 'do-not-treat',
          explanation: stopped,
          patientMessage: '',
        },
      ]
    : [];
  sqlite
    .prepare(
      `INSERT INTO screening (id, patient_id, history_version_id, performed_on, performed_at,
        performed_by, answers, planned_product_ids, findings, outcome, acknowledged,
        override_reason, override_by, status)
       VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, '[]', NULL, NULL, ?)`,
    )
    .run(
      randomUUID(),
      patientId,
      history?.id ?? null,
      day,
      `${day}T09:00:00.000Z`,
      performer.id,
      JSON.stringify(productIds),
      JSON.stringify(findings),
      stopped ? 'do-not-treat' : 'clear',
      stopped ? 'stopped' : 'passed',
    );
}

test('the session screen keeps the patient, her alerts and the check in view while logging', async ({
  page,
  services,
}) => {
  const { vitamins, cecilia } = await seedAllergic(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  storedCheck(
    services,
    cecilia.id,
    [vitamins.id],
    localDay(-30),
    'Pregnancy: mesotherapy is not recommended.',
  );
  storedCheck(services, cecilia.id, [vitamins.id], localDay());
  await recordConsent(services, cecilia.id, [vitamins.id]);
  const session = (await call(services, 'sessions.start', {
    patientId: cecilia.id,
    courseId: null,
    plannedProductIds: [vitamins.id],
  })) as { id: string };
  await call(services, 'adverseEvents.record', {
    sessionId: session.id,
    kind: 'bruising',
    severity: 'moderate',
    onsetOn: localDay(),
    description: 'Bruise on the left cheek',
    actionTaken: '',
  });
  // The note typed so far, all but the anaesthesia.
  const { lots } = await seedLots(services, vitamins.id);
  await call(services, 'sessions.saveDraft', {
    id: session.id,
    technique: 'epidermal',
    needleGauge: 30,
    needleLengthMm: 4,
    anaesthesia: null,
    passes: 1,
    points: null,
    immediateReactions: 'none',
    notes: '',
    areas: [{ area: 'neck', depthMm: 1 }],
    products: [{ area: 'neck', productId: vitamins.id, lotId: lots['VA-001']!, volumeMl: 2 }],
  });
  await page.goto(`/#/patients/${cecilia.id}/sessions/${session.id}`);
  const cockpit = page.getByRole('region', { name: 'Patient being treated' });
  await expect(cockpit.getByRole('heading', { name: 'Cecilia Moreno' })).toBeVisible();
  await expect(cockpit.getByLabel('Clinic number')).toBeVisible();
  await expect(cockpit.getByTestId('cockpit-identity')).toHaveText(
    /^\d+ years · born Apr 12, 1986 · Female$/,
  );
  const alerts = cockpit.getByRole('region', { name: 'Alerts' });
  await expect(alerts).toContainText('Allergy: Lidocaine');
  await expect(alerts).toContainText('Blood thinner: Eliquis 5mg BID');
  await expect(cockpit.getByTestId('open-adverse-events')).toContainText('Bruising');
  await expect(cockpit.getByTestId('cockpit-do-not-treat')).toContainText(
    'Pregnancy: mesotherapy is not recommended.',
  );
  await expect(cockpit.getByTestId('cockpit-check')).toContainText('Clear');
  await expect(cockpit.getByTestId('cockpit-check')).toContainText('History v1');
  await screenshot(page, 'session-cockpit-alerts');

  // Logging further down the note, the cockpit stays in view.
  await page.getByLabel('Notes').scrollIntoViewIfNeeded();
  await expect(cockpit).toBeInViewport();
  await expect(cockpit.getByRole('heading', { name: 'Cecilia Moreno' })).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/session-cockpit-scrolled.png' });

  // Lidocaine as the method: the allergy shows at once beside the anaesthesia field.
  await page.getByRole('textbox', { name: 'Anaesthesia', exact: true }).click();
  await page.getByRole('option', { name: 'Lidocaine', exact: true }).click();
  const anaesthesiaCheck = page.getByRole('list', { name: 'Allergy check of the anaesthesia' });
  await expect(anaesthesiaCheck).toContainText('Do not use: Lidocaine');
  await anaesthesiaCheck.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/session-substance-blocked.png' });

  // Signing asks for an override with a reason for that line.
  await page.getByRole('button', { name: 'Sign session' }).click();
  const overrides = page.getByTestId('allergy-overrides');
  await expect(overrides).toContainText('Reason for using Lidocaine despite the allergy');
  await expect(page.getByRole('button', { name: 'Sign and lock' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/session-allergy-override.png' });
  await page
    .getByLabel('Reason for using Lidocaine despite the allergy')
    .fill('Patch test negative today; allergist letter on file');
  await page.getByRole('button', { name: 'Sign and lock' }).click();
  await expect(page.getByText('Signed', { exact: true }).first()).toBeVisible();
});

test('a history change after the check sends the practitioner to a new check and back, nothing typed lost', async ({
  page,
  services,
}) => {
  test.slow();
  const { vitamins, sebnem } = await seed(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await call(services, 'history.submit', {
    patientId: sebnem.id,
    answers: emptyHistoryAnswers(),
    takenBy: 'staff',
  });
  // Today's check, made on history v1, the consent, and the session it opened.
  storedCheck(services, sebnem.id, [vitamins.id], localDay());
  await recordConsent(services, sebnem.id, [vitamins.id]);
  const session = (await call(services, 'sessions.start', {
    patientId: sebnem.id,
    courseId: null,
    plannedProductIds: [vitamins.id],
  })) as { id: string };
  const { lots } = await seedLots(services, vitamins.id);
  await call(services, 'sessions.saveDraft', {
    id: session.id,
    technique: 'epidermal',
    needleGauge: 30,
    needleLengthMm: 4,
    anaesthesia: 'none',
    passes: 1,
    points: null,
    immediateReactions: 'none',
    notes: '',
    areas: [{ area: 'neck', depthMm: 1 }],
    products: [{ area: 'neck', productId: vitamins.id, lotId: lots['VA-001']!, volumeMl: 2 }],
  });
  // The front desk records a new history version after the check.
  const changed = emptyHistoryAnswers();
  changed.allergies.other = 'Penicillin';
  await call(services, 'history.submit', {
    patientId: sebnem.id,
    answers: changed,
    takenBy: 'staff',
  });

  await page.goto(`/#/patients/${sebnem.id}/sessions/${session.id}`);
  const note = 'Typed before the new check: patient tolerated the first pass well.';
  await page.getByLabel('Notes').fill(note);
  await expect(page.getByTestId('save-status')).toHaveText(/Draft saved at/);
  await page.getByRole('button', { name: 'Sign session' }).click();
  await page.getByRole('button', { name: 'Sign and lock' }).click();
  const gate = page.getByRole('alert', { name: 'The session cannot be signed yet' });
  await expect(gate.getByTestId('gate-historyVersion')).toContainText('Medical history changed:');
  await expect(page.getByText('Signed and locked')).toHaveCount(0);
  await gate.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/session-gate-history-changed.png' });

  await gate.getByRole('button', { name: 'Run a new check' }).click();
  await expect(page).toHaveURL(new RegExp(`/check\\?session=${session.id}`));
  await expect(page.getByRole('heading', { name: /Pre-procedure check: / })).toBeVisible();
  for (const [question, value] of Object.entries({
    'Alcohol in the last 48 hours?': 'No',
    'Pregnant now?': 'No',
    'Breastfeeding now?': 'No',
    'Skin at the treatment site': 'Normal',
    'Fever or illness today?': 'No',
    'Vaccination recently?': 'No',
    'Antibiotics recently?': 'No',
  }))
    await page
      .getByRole('radiogroup', { name: question })
      .getByRole('radio', { name: value, exact: true })
      .check();
  await expect(page.getByTestId('check-outcome')).toHaveText('Clear');
  await page.getByRole('button', { name: 'Complete check and return to the session' }).click();

  await expect(page).toHaveURL(new RegExp(`/sessions/${session.id}$`));
  await expect(page.getByLabel('Notes')).toHaveValue(note);
  await expect(page.getByTestId('cockpit-check')).toContainText('History v2');
  await page.getByRole('button', { name: 'Sign session' }).click();
  await page.getByRole('button', { name: 'Sign and lock' }).click();
  await expect(page.getByText('Signed and locked')).toBeVisible();
  const checks = services.state.store.sqlite
    .prepare('SELECT count(*) AS n FROM screening WHERE patient_id = ?')
    .get(sebnem.id) as { n: number };
  expect(checks.n).toBe(2);
});

import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import { emptyHistoryAnswers } from '../../shared/api/history';
import type enScreening from '../../renderer/src/i18n/en-screening.json';
import type enFindings from '../../renderer/src/i18n/en-findings.json';
import type enTreatments from '../../renderer/src/i18n/en-treatments.json';
import type en from '../../renderer/src/i18n/en.json';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  expectSignedIn,
  recordConsent,
  seedClinic,
  seriousViolations,
  signIn,
} from '../support/flows';
import { localDay } from '../support/diary-seed';

/** The catalogues as the app reads them: every text below is what the screen shows. */
const catalogue = <T>(language: string, area: string) =>
  JSON.parse(
    readFileSync(path.join('renderer', 'src', 'i18n', `${language}${area}.json`), 'utf8'),
  ) as T;
const fr = {
  main: catalogue<typeof en>('fr', ''),
  screening: catalogue<typeof enScreening>('fr', '-screening'),
  treatments: catalogue<typeof enTreatments>('fr', '-treatments'),
  findings: catalogue<typeof enFindings>('fr', '-findings'),
};
const arFindings = catalogue<typeof enFindings>('ar', '-findings');
const arScreening = catalogue<typeof enScreening>('ar', '-screening');
const arTreatments = catalogue<typeof enTreatments>('ar', '-treatments');

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots/i18n-findings';

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const PRACTITIONER = {
  username: 'claire.prac',
  displayName: 'Claire Dubois',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};

/** A product with a lot, and a patient who takes apixaban (Eliquis), her consent on file. */
async function seed(
  services: MesochartServices,
  patch: (answers: ReturnType<typeof emptyHistoryAnswers>) => void = () => undefined,
) {
  await seedClinic(services, [PRACTITIONER]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const product = (await call(services, 'products.create', {
    name: 'NCTF 135 HA',
    manufacturer: 'Mesoline',
    category: 'vitamins',
    ingredients: ['sodium hyaluronate', 'vitamins'],
    allergens: ['hyaluronicAcid'],
    defaultVolumeMl: 2,
  })) as { id: string };
  await call(services, 'products.addLot', {
    productId: product.id,
    lotNumber: 'NC-2291',
    expiresOn: localDay(300),
    receivedOn: localDay(-10),
  });
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  const patient = (await call(services, 'patients.create', {
    givenName: 'Hélène',
    familyName: 'Marchand',
    dateOfBirth: '1969-05-12',
    sex: 'female',
    phone: '+33 6 12 34 56 78',
    email: 'helene.marchand@example.fr',
    address: '12 rue des Lilas, Lyon',
    preferredLanguage: 'fr',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  })) as { id: string };
  const answers = emptyHistoryAnswers();
  answers.medicines = [{ text: 'Eliquis 5mg BID', lastDose: '' }];
  patch(answers);
  await call(services, 'history.submit', { patientId: patient.id, answers, takenBy: 'staff' });
  await recordConsent(services, patient.id, [product.id]);
  await call(services, 'auth.signOut');
  return { patientId: patient.id };
}

async function chooseLanguage(page: Page, current: string, language: string) {
  await page.getByRole('textbox', { name: current }).click();
  await page.getByRole('option', { name: language }).click();
}

test('a French practitioner reads the anticoagulant finding in French, then in Arabic', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  const { patientId } = await seed(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await chooseLanguage(page, 'Language of my screens', 'Français');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // The check, planned and answered in French.
  const s = fr.screening.screening;
  await page.goto(`/#/patients/${patientId}`);
  await page.getByRole('link', { name: s.startCheck }).click();
  await page.getByRole('textbox', { name: s.plan.products }).click();
  await page.getByRole('option', { name: 'NCTF 135 HA' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: s.plan.areas }).click();
  await page.getByRole('option', { name: fr.treatments.treatmentAreas.cheeks }).click();
  await page.keyboard.press('Escape');
  const answer = (question: string, value: string) =>
    page
      .getByRole('radiogroup', { name: question })
      .getByRole('radio', { name: value, exact: true })
      .check();
  const no = s.answers.no;
  await answer(s.dayOf.alcohol.replace('{{hours}}', '48'), no);
  await answer(s.dayOf.pregnant, no);
  await answer(s.dayOf.breastfeeding, no);
  await answer(s.dayOf.skin, s.skin.normal);
  await answer(s.dayOf.fever, no);
  await answer(s.dayOf.vaccination, no);
  await answer(s.dayOf.antibiotics, no);

  // The caution, in French: what the line is, why it matters, and that the prescriber decides.
  await expect(page.getByTestId('check-outcome')).toHaveText(s.outcome.caution);
  const cautions = page.getByRole('group', { name: s.findings.group.caution });
  await expect(cautions).toContainText('« Eliquis 5mg BID » est apixaban.');
  await expect(cautions).toContainText('Prescrit (uniquement sur ordonnance).');
  await expect(cautions).toContainText(fr.findings.findingPhrases.effect.anticoagulant);
  await expect(cautions).toContainText(
    'Ne conseillez pas d’arrêter : c’est au prescripteur de décider.',
  );
  await expect(cautions).not.toContainText('Do not advise stopping');
  // What to tell the patient, in French too: keep taking it as prescribed.
  await expect(cautions).toContainText(
    'Continuez à prendre votre apixaban exactement comme votre médecin l’a prescrit.',
  );
  await expect(cautions).not.toContainText('Keep taking');
  // A translation of clinical text, marked for the clinic's review; the English on hover.
  await expect(page.getByTestId('findings-review')).toContainText(
    fr.findings.findingsReview.pending,
  );
  await expect(
    cautions.getByTitle(/Do not advise stopping: the prescriber decides\./),
  ).toBeVisible();
  await shot(page, 'fr-check-findings');
  expect(await seriousViolations(page)).toEqual([]);

  // Acknowledged and started: the chart's checks list says the same in French.
  for (const box of await cautions.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: s.complete.start }).click();
  await expect(page).toHaveURL(/\/sessions\//);
  await page.goto(`/#/patients/${patientId}`);
  await page
    .getByRole('button', { name: new RegExp(s.outcome.caution) })
    .first()
    .click();
  await expect(page.getByText('« Eliquis 5mg BID » est apixaban.', { exact: false })).toBeVisible();
  await shot(page, 'fr-chart-checks');

  // The same check read by the same practitioner on Arabic screens.
  await chooseLanguage(page, fr.main.staff.language.label, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const arFinding = page.getByText('«Eliquis 5mg BID» هو apixaban.', { exact: false });
  await expect(arFinding).toBeVisible();
  await expect(arFinding).toContainText('لا تنصح بالتوقف عنه: القرار للطبيب الذي وصفه.');
  await expect(arFinding).toContainText(arFindings.findingPhrases.effect.anticoagulant);
  await expect(page.getByText(arScreening.screening.outcome.caution).first()).toBeVisible();
  await shot(page, 'ar-chart-checks');
});

test('the session gate says in French why the session cannot start, then in Arabic', async ({
  page,
  services,
}) => {
  const { patientId } = await seed(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await chooseLanguage(page, 'Language of my screens', 'Français');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // No check today: the service refuses the start; the screen says why in French.
  await page.goto(`/#/patients/${patientId}/treatments`);
  await page.getByRole('button', { name: fr.treatments.sessions.start }).click();
  const gate = page.getByTestId('safety-gate');
  await expect(gate).toContainText(
    'Aucune vérification pré-procédure aujourd’hui pour ce patient : faites d’abord la vérification.',
  );
  await expect(gate).not.toContainText('There is no pre-procedure check');
  await shot(page, 'fr-session-gate');

  await chooseLanguage(page, fr.main.staff.language.label, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: arTreatments.sessions.start }).click();
  await expect(page.getByTestId('safety-gate')).toContainText(arFindings.gateReasons.checkNone);
  await shot(page, 'ar-session-gate');
});

test('the check’s note on what the intake left unsaid is in French, then in Arabic', async ({
  page,
  services,
}) => {
  const { patientId } = await seed(services, (a) => {
    a.conditions.diabetes = 'yes';
  });
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await chooseLanguage(page, 'Language of my screens', 'Français');
  await page.goto(`/#/patients/${patientId}/check`);
  const note = page.getByTestId('check-assumption');
  await expect(note).toHaveText(fr.findings.findingPhrases.assumption.insulin);
  await shot(page, 'fr-check-assumption');
  await chooseLanguage(page, fr.main.staff.language.label, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(note).toHaveText(arFindings.findingPhrases.assumption.insulin);
  await expect(note).not.toContainText('insulin');
  await shot(page, 'ar-check-assumption');
});

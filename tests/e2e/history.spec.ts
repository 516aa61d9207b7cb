import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  expectSignedIn,
  historyAnswer,
  recordConsent,
  screenshot as fullPage,
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

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPage(page, name);
}

const conditions = [
  'Pregnancy',
  'Breastfeeding',
  'Coagulation (bleeding) disorder',
  'Epilepsy or other neurological disease',
  'Autoimmune disease',
  'Diabetes',
  'Active cancer',
  'Immunosuppression or chemotherapy',
  'Keloid or raised scars',
  'Herpes / cold sores',
  'Chronic skin disease',
  'Heart disease',
  'High blood pressure',
];
const others = ['Recent surgery', 'Isotretinoin (Roaccutane) taken'];
const allergies = [
  'Lidocaine / local anaesthetics',
  'Soy',
  'Hyaluronic acid products',
  'Bee or wasp venom',
  'Latex',
  'Eggs',
];
const questions = [...conditions, ...others, ...allergies];

test('the history form tells "no" from "not asked", and the check flags what was not asked', async ({
  page,
  services,
}) => {
  await seedClinic(services, [PRACTITIONER]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const product = (await call(services, 'products.create', {
    name: 'NCTF 135 HA',
    manufacturer: 'Filorga',
    category: 'other',
    ingredients: ['sodium hyaluronate', 'vitamins'],
    allergens: ['hyaluronicAcid'],
    defaultVolumeMl: 3,
  })) as { id: string };
  await call(services, 'products.addLot', {
    productId: product.id,
    lotNumber: 'NCT-001',
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
    familyName: 'Kovač',
    dateOfBirth: '1979-04-02',
    sex: 'female',
    phone: '+33 6 12 34 56 78',
    email: 'helene@example.fr',
    address: '3 Rue Neuve, Lyon',
    preferredLanguage: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  })) as { id: string };
  await recordConsent(services, patient.id, [product.id]);
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await page.goto(`/#/patients/${patient.id}?tab=history`);
  await page.getByRole('link', { name: 'Take medical history' }).click();
  const form = page.getByRole('form', { name: 'Save medical history' });
  // A new form: every yes/no question shows "Not asked", none reads as "No".
  for (const q of questions) {
    await expect(historyAnswer(form, q, 'Not asked')).toBeChecked();
    await expect(historyAnswer(form, q, 'No')).not.toBeChecked();
  }
  // Everything asked and answered no, except the bleeding disorder, which nobody asked.
  for (const q of questions.filter((q) => q !== 'Coagulation (bleeding) disorder')) {
    await historyAnswer(form, q, 'No').check();
  }
  await historyAnswer(form, 'Latex', 'Yes').check();
  await expect(historyAnswer(form, 'Coagulation (bleeding) disorder', 'Not asked')).toBeChecked();
  await screenshot(page, 'history-not-asked-form');
  expect(await seriousViolations(page), 'history form').toEqual([]);
  await form.getByRole('button', { name: 'Save medical history' }).click();

  // The chart's history says what was not asked, apart from what was answered.
  const notAsked = page.getByTestId('history-not-asked');
  await expect(notAsked).toContainText('Not asked');
  await expect(notAsked).toContainText('Coagulation (bleeding) disorder');
  await expect(notAsked).not.toContainText('Pregnancy');
  await expect(page.getByRole('region', { name: 'Alerts' })).toContainText('latex');
  await screenshot(page, 'history-not-asked-chart');

  // Updating the history reopens the answers as given: "No" stays "No", "Not asked" stays open.
  await page.getByRole('link', { name: 'Update medical history' }).click();
  const again = page.getByRole('form', { name: 'Save medical history' });
  await expect(historyAnswer(again, 'Pregnancy', 'No')).toBeChecked();
  await expect(historyAnswer(again, 'Coagulation (bleeding) disorder', 'Not asked')).toBeChecked();
  await again.getByRole('button', { name: 'Cancel' }).click();

  // The check flags the open question as a caution and says why.
  await page.goto(`/#/patients/${patient.id}`);
  await page.getByRole('link', { name: 'Pre-procedure check' }).click();
  await expect(page.getByRole('heading', { name: /Pre-procedure check: / })).toBeVisible();
  await expect(page.getByTestId('check-not-asked')).toContainText(
    'Coagulation (bleeding) disorder',
  );
  const cautions = page.getByRole('group', { name: 'Caution' });
  await expect(cautions).toContainText(
    'Not asked at intake: a coagulation (bleeding) disorder. The answer is unknown, not "no"',
  );
  await expect(page.getByTestId('check-outcome')).not.toHaveText('Clear');
  await screenshot(page, 'history-not-asked-check');
});

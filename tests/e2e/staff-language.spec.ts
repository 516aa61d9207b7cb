import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import { emptyHistoryAnswers } from '../../shared/api/history';
import type en from '../../renderer/src/i18n/en.json';
import type enScreening from '../../renderer/src/i18n/en-screening.json';
import type enTreatments from '../../renderer/src/i18n/en-treatments.json';
import type enDocuments from '../../renderer/src/i18n/en-documents.json';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  expectSignedIn,
  recordConsent,
  screenshot as fullPage,
  seedClinic,
  seriousViolations,
  signIn,
} from '../support/flows';
import { localDay } from '../support/diary-seed';

/** The Arabic catalogue, read as the app reads it: every label below is what the screen shows. */
const catalogue = <T>(area: string) =>
  JSON.parse(readFileSync(path.join('renderer', 'src', 'i18n', `ar${area}.json`), 'utf8')) as T;
const ar = catalogue<typeof en>('');
const arScreening = catalogue<typeof enScreening>('-screening');
const arTreatments = catalogue<typeof enTreatments>('-treatments');
const arDocuments = catalogue<typeof enDocuments>('-documents');

/** The header is fixed: scrolled to the top, it stays where it belongs in a full-page capture. */
async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullPage(page, name);
}

const PRACTITIONER = {
  username: 'rania.prac',
  displayName: 'رانيا منصور',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};

const dayOf = arScreening.screening.dayOf;

/** A product with a lot, and an Arabic-speaking patient with her history and consent on file. */
async function seed(services: MesochartServices) {
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
    givenName: 'ليلى',
    familyName: 'حداد',
    dateOfBirth: '1988-03-09',
    sex: 'female',
    phone: '+971 50 123 4567',
    email: 'layla.haddad@example.ae',
    address: 'شارع الوصل 14، دبي',
    preferredLanguage: 'ar',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  })) as { id: string };
  const answers = emptyHistoryAnswers();
  answers.medicines = [{ text: 'Eliquis 5mg BID', lastDose: '' }];
  await call(services, 'history.submit', { patientId: patient.id, answers, takenBy: 'staff' });
  await recordConsent(services, patient.id, [product.id]);
  await call(services, 'auth.signOut');
  return { patientId: patient.id };
}

async function expectClean(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing wider than the window: a mirrored layout that overflows shows a horizontal scrollbar.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a practitioner switches to Arabic and walks intake, check, session and documents right to left', async ({
  page,
  services,
}) => {
  // Five screens, each captured and checked with axe, on a machine that may be busy.
  test.setTimeout(300_000);
  const { patientId } = await seed(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

  // Her own choice, in the header: the screens switch at once, without a reload.
  await page.getByRole('textbox', { name: 'Language of my screens' }).click();
  await page.getByRole('option', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('link', { name: ar.nav.patients })).toBeVisible();
  // Mirrored: the navigation sits at the right edge of the window.
  const nav = await page.getByRole('navigation').first().boundingBox();
  const width = page.viewportSize()!.width;
  expect(nav!.x + nav!.width).toBeGreaterThan(width - 5);

  // Kept with her account: a reload comes back in Arabic.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  // Intake: the register form and the medical history form.
  await page.goto('/#/patients/new');
  await expect(page.getByLabel(ar.patients.fields.familyName)).toBeVisible();
  await screenshot(page, 'ar-1-intake-register');
  await expectClean(page);

  await page.goto(`/#/patients/${patientId}/history/new`);
  await expect(page.getByRole('heading', { name: /ليلى/ })).toBeVisible();
  await screenshot(page, 'ar-2-intake-history');
  await expectClean(page);

  // Check: the chart opens the pre-procedure check, answered in Arabic.
  await page.goto(`/#/patients/${patientId}`);
  await page.getByRole('link', { name: arScreening.screening.startCheck }).click();
  await expect(page.getByRole('heading', { name: /فحص ما قبل الإجراء: / })).toBeVisible();
  await page.getByRole('textbox', { name: arScreening.screening.plan.products }).click();
  await page.getByRole('option', { name: 'NCTF 135 HA' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: arScreening.screening.plan.areas }).click();
  await page.getByRole('option', { name: arTreatments.treatmentAreas.cheeks }).click();
  await page.keyboard.press('Escape');
  const answer = async (question: string, value: string) =>
    page
      .getByRole('radiogroup', { name: question })
      .getByRole('radio', { name: value, exact: true })
      .check();
  const no = arScreening.screening.answers.no;
  await answer(dayOf.alcohol.replace('{{hours}}', '48'), no);
  await answer(dayOf.pregnant, no);
  await answer(dayOf.breastfeeding, no);
  await answer(dayOf.skin, arScreening.screening.skin.normal);
  await answer(dayOf.fever, no);
  await answer(dayOf.vaccination, no);
  await answer(dayOf.antibiotics, no);
  await expect(page.getByTestId('check-outcome')).toBeVisible();
  await screenshot(page, 'ar-3-check');
  await expectClean(page);
  // The anticoagulant is a caution the practitioner acknowledges (never advice to stop it).
  for (const box of await page.getByRole('checkbox', { name: /^تأكيد الاطلاع: / }).all()) {
    await box.check();
  }
  await page.getByRole('button', { name: arScreening.screening.complete.start }).click();

  // Session: the note in Arabic, the diagrams drawn as in every language.
  await expect(page).toHaveURL(/\/sessions\//);
  const diagram = page.getByTestId('body-diagram');
  await expect(diagram).toBeVisible();
  await expect(diagram).toHaveCSS('direction', 'ltr');
  const [face, body] = await diagram.locator('svg').all();
  expect((await face!.boundingBox())!.x).toBeLessThan((await body!.boundingBox())!.x);
  await screenshot(page, 'ar-4-session');
  await expectClean(page);

  // Documents: the chart's documents tab, with the consent on file.
  await page.goto(`/#/patients/${patientId}`);
  await page.getByRole('tab', { name: ar.chart.tabs.documents }).click();
  await expect(page.getByText(arDocuments.documents.kinds.consent).first()).toBeVisible();
  await screenshot(page, 'ar-5-documents');
  await expectClean(page);
});

test("the admin sets the clinic's language: everyone without their own choice, and the sign-in screen, switch to it", async ({
  page,
  services,
}) => {
  test.setTimeout(300_000);
  await seedClinic(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  await page.goto('/#/settings');
  await page.getByRole('textbox', { name: 'Language of the screens' }).click();
  await page.getByRole('option', { name: 'Türkçe' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // The admin chose nothing for herself: her screens follow the clinic's at once.
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('link', { name: 'Hastalar' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Ekranların dili' })).toHaveValue('Türkçe');
  // The pointer leaves the Save button it clicked: axe reads the screen at rest, not hovered.
  await page.mouse.move(0, 0);
  await screenshot(page, 'tr-settings-clinic-language');
  await expectClean(page);

  await page.getByRole('button', { name: 'Oturumu kapat' }).click();
  await expect(page.getByRole('heading', { name: 'Giriş yap' })).toBeVisible();
  await screenshot(page, 'tr-sign-in');
  await expectClean(page);
});

test('Arabic screens: the register form’s own checks read in Arabic, right to left', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  await page.getByRole('textbox', { name: 'Language of my screens' }).click();
  await page.getByRole('option', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  await page.goto('/#/patients/new');
  const form = page.getByRole('form', { name: ar.patients.register });
  await form.getByRole('textbox', { name: ar.patients.fields.email, exact: true }).fill('layla@');
  await form.getByRole('button', { name: ar.patients.register }).click();
  for (const message of [
    'الاسم الأول: حقل مطلوب',
    'اسم العائلة: حقل مطلوب',
    'تاريخ الميلاد مطلوب',
    'اختر إجابة',
    'أدخل عنوان بريد إلكتروني صالحًا',
  ]) {
    await expect(form.getByText(message, { exact: true })).toBeVisible();
  }
  // Each message sits under its field and starts at the field's right edge, as Arabic reads.
  const field = (await form
    .getByRole('textbox', { name: ar.patients.fields.givenName, exact: true })
    .boundingBox())!;
  const text = await form
    .getByText('الاسم الأول: حقل مطلوب', { exact: true })
    .evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const { left, right, top } = range.getBoundingClientRect();
      return { left, right, top };
    });
  expect(text.top).toBeGreaterThan(field.y + field.height - 1);
  expect(Math.abs(text.right - (field.x + field.width))).toBeLessThan(6);
  expect(text.left).toBeGreaterThan(field.x + field.width / 2);
  await screenshot(page, 'ar-register-checks');
});

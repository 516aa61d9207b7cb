import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import type en from '../../renderer/src/i18n/en.json';
import type enTreatments from '../../renderer/src/i18n/en-treatments.json';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seedClinic, seriousViolations } from '../support/flows';

/** The catalogues as the app reads them: every label below is what the screen shows. */
const catalogue = <T>(language: string, area = '') =>
  JSON.parse(
    readFileSync(path.join('renderer', 'src', 'i18n', `${language}${area}.json`), 'utf8'),
  ) as T;
const fr = catalogue<typeof en>('fr');
const frTreatments = catalogue<typeof enTreatments>('fr', '-treatments');
const tr = catalogue<typeof en>('tr');

const patient = (givenName: string, familyName: string, preferredLanguage: string, n: number) => ({
  givenName,
  familyName,
  dateOfBirth: `198${n}-04-1${n}`,
  sex: 'female',
  phone: `+33 6 12 34 56 7${n}`,
  email: '',
  address: '',
  preferredLanguage,
  emergencyContactName: '',
  emergencyContactPhone: '',
  referralSource: '',
});

/** A clinic whose screens are French, with a Turkish-speaking patient and one with no preference. */
const RECEPTIONIST = {
  username: 'lea.desk',
  displayName: 'Léa Girard',
  role: 'receptionist',
  password: 'reception pass phrase',
};

async function seed(services: MesochartServices) {
  await seedClinic(services, [RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'clinic.updateSettings', { uiLanguage: 'fr' });
  const turkish = (await call(
    services,
    'patients.create',
    patient('Şebnem', 'Yılmaz', 'tr', 1),
  )) as {
    id: string;
  };
  const none = (await call(services, 'patients.create', patient('Camille', 'Martin', '', 2))) as {
    id: string;
  };
  await call(services, 'auth.signOut');
  return { turkishId: turkish.id, noneId: none.id };
}

async function signInFrench(page: Page, who: { username: string; password: string } = ADMIN) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: fr.signIn.title })).toBeVisible();
  await page.getByLabel(fr.staff.username).fill(who.username);
  await page.getByLabel(fr.staff.password, { exact: true }).fill(who.password);
  await page.getByRole('button', { name: fr.signIn.submit }).click();
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

async function look(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
  expect(await seriousViolations(page)).toEqual([]);
}

test('French screens: dates typed and shown day first, "1,5 ml" read as one and a half', async ({
  page,
  services,
}) => {
  test.setTimeout(240_000);
  await seed(services);
  await signInFrench(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await look(page, 'fr-patients');

  // A birth date typed the French way, day first; the form keeps the ISO day behind it.
  await page.getByRole('link', { name: fr.patients.register }).click();
  const form = page.getByRole('form', { name: fr.patients.register });
  const born = form.getByLabel(fr.patients.fields.dateOfBirth);
  await born.fill('03/11/1979');
  await born.blur();
  await expect(born).toHaveValue('03/11/1979');
  await born.click();
  // The calendar opens on the typed day's month, named in French.
  await expect(page.getByRole('button', { name: /novembre 1979/ }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await look(page, 'fr-register');

  // Products: a default volume typed "1,5" is one and a half millilitres, not fifteen.
  await page.goto('/#/products');
  await page.getByRole('button', { name: frTreatments.products.add }).click();
  const product = page.getByRole('form', { name: frTreatments.products.add });
  await product
    .getByRole('textbox', { name: frTreatments.products.name, exact: true })
    .fill('NCTF 135 HA');
  await product.getByRole('textbox', { name: frTreatments.products.category }).click();
  await page.getByRole('option', { name: frTreatments.products.categories.vitamins }).click();
  const volume = product.getByRole('textbox', { name: frTreatments.products.defaultVolume });
  await volume.fill('1,5');
  await volume.blur();
  await expect(volume).toHaveValue('1,5 ml');
  // The decimal point typed on French screens means the same.
  await volume.fill('');
  await volume.pressSequentially('1.5');
  await volume.blur();
  await expect(volume).toHaveValue('1,5 ml');
  await product.getByRole('button', { name: frTreatments.products.add }).click();
  await expect(page.getByText('NCTF 135 HA').first()).toBeVisible();
  const products = (await call(services, 'products.list', {})) as {
    id: string;
    defaultVolumeMl: number | null;
  }[];
  expect(products.map((p) => p.defaultVolumeMl)).toEqual([1.5]);

  // A lot's expiry typed day first and listed in French.
  await page.getByRole('button', { name: frTreatments.products.addLot }).first().click();
  const lot = page.getByRole('form', { name: frTreatments.products.addLot });
  await lot.getByRole('textbox', { name: frTreatments.products.lotNumber }).fill('NC-2291');
  await lot.getByRole('textbox', { name: frTreatments.products.expiresOn }).fill('30/09/2031');
  await lot.getByRole('textbox', { name: frTreatments.products.receivedOn }).fill('01/03/2025');
  await lot.getByRole('button', { name: frTreatments.products.addLot }).click();
  await expect(page.getByRole('cell', { name: /30 sept\. 2031/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: /1 mars 2025/ })).toBeVisible();
  await look(page, 'fr-products');

  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: fr.nav.settings }).first()).toBeVisible();
  await look(page, 'fr-settings');

  // The other main screens, each from the navigation, in French, captured and checked.
  for (const [route, name] of [
    ['today', fr.nav.today],
    ['diary', null],
    ['reminders', null],
    ['recall', null],
    ['profile', fr.nav.profile],
    ['audit', fr.nav.audit],
  ] as const) {
    await page.goto(`/#/${route}`);
    if (name) await expect(page.getByRole('heading', { name }).first()).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await look(page, `fr-${route}`);
  }
});

test('the tablet speaks the patient’s language; without one, the clinic’s French', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  const { turkishId, noneId } = await seed(services);
  await signInFrench(page, RECEPTIONIST);

  await page.goto(`/#/patients/${turkishId}?tab=history`);
  await page.getByRole('button', { name: fr.history.handToPatient }).click();
  const tablet = page.getByTestId('tablet-questionnaire');
  await expect(tablet.getByRole('heading', { name: tr.history.tablet.title })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  await look(page, 'tr-tablet');

  // Staff take it back (their password, in the main process); the screens are French again.
  await call(services, 'auth.resumeStaff', {
    username: RECEPTIONIST.username,
    password: RECEPTIONIST.password,
  });
  await page.goto(`/#/patients/${noneId}?tab=history`);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('button', { name: fr.history.handToPatient }).click();
  await expect(tablet.getByRole('heading', { name: fr.history.tablet.title })).toBeVisible();
  await look(page, 'fr-tablet');
});

test('French screens: the forms’ own checks speak French, and change with the screens’ language', async ({
  page,
  services,
}) => {
  test.setTimeout(240_000);
  await seed(services);
  await signInFrench(page);

  // The register form sent empty, with an e-mail address half typed.
  await page.getByRole('link', { name: fr.patients.register }).click();
  const form = page.getByRole('form', { name: fr.patients.register });
  const email = form.getByRole('textbox', { name: fr.patients.fields.email, exact: true });
  await email.fill('marie@');
  await form.getByRole('button', { name: fr.patients.register }).click();
  for (const message of [
    'Prénom : champ obligatoire',
    'Nom de famille : champ obligatoire',
    'La date de naissance est obligatoire',
    'Choisissez une réponse',
    'Saisissez une adresse e-mail valide',
  ]) {
    await expect(form.getByText(message, { exact: true })).toBeVisible();
  }
  await expect(form.getByText(/required|Choose one|Enter a valid/)).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'fr-register-checks');

  // The admin switches her screens to Turkish with the form open: its messages follow at once,
  // and what she typed stays.
  await page.getByRole('textbox', { name: fr.staff.language.label }).click();
  await page.getByRole('option', { name: 'Türkçe' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  const turkish = page.getByRole('form', { name: tr.patients.register });
  await expect(turkish.getByText('Ad: zorunlu alan', { exact: true })).toBeVisible();
  await expect(turkish.getByText('Doğum tarihi zorunludur', { exact: true })).toBeVisible();
  await expect(
    turkish.getByText('Geçerli bir e-posta adresi girin', { exact: true }),
  ).toBeVisible();
  await expect(turkish.getByText(/obligatoire|Choisissez|Saisissez/)).toHaveCount(0);
  await expect(
    turkish.getByRole('textbox', { name: tr.patients.fields.email, exact: true }),
  ).toHaveValue('marie@');
  await screenshot(page, 'tr-register-checks');

  // Back to French; a second form: a new member of staff with a bad user name and a short
  // password, refused next to the fields in French.
  await page.getByRole('textbox', { name: tr.staff.language.label }).click();
  await page.getByRole('option', { name: 'Français', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.goto('/#/settings');
  await page.getByRole('tab', { name: fr.settings.staffTab }).click();
  await page.getByRole('button', { name: fr.staff.add }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(fr.staff.username).fill('Léa Girard');
  await dialog.getByLabel(fr.staff.initialPassword).fill('court');
  await dialog.getByRole('button', { name: fr.staff.add }).click();
  // The message names the field as its label does ('Nom complet'), not the schema's 'Nom'.
  expect(fr.staff.displayName).toBe('Nom complet');
  await expect(
    dialog.getByText(`${fr.staff.displayName} : champ obligatoire`, { exact: true }),
  ).toBeVisible();
  await expect(
    dialog.getByText('Utilisez des minuscules, des chiffres, le point, le tiret ou le tiret bas', {
      exact: true,
    }),
  ).toBeVisible();
  await expect(
    dialog.getByText('Le mot de passe compte au moins 10 caractères', { exact: true }),
  ).toBeVisible();
  await screenshot(page, 'fr-staff-checks');
});

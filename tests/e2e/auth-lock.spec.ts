import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  expectSignedIn,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
  historyAnswer,
} from '../support/flows';

const RECEPTIONIST = {
  username: 'rosa.desk',
  displayName: 'Rosa Martínez',
  role: 'receptionist',
  password: 'reception desk pass',
};
const PRACTITIONER = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};

test('a half-typed registration survives the idle lock for its author and is never shown to another user', async ({
  page,
  services,
}) => {
  await seedClinic(services, [RECEPTIONIST, PRACTITIONER]);
  // The clinic's own setting, at its shortest.
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'clinic.updateSettings', { idleLockMinutes: 1 });
  await call(services, 'auth.signOut');

  await page.clock.install();
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await page.getByRole('link', { name: 'Register patient' }).click();
  const form = page.getByRole('form', { name: 'Register patient' });
  await form.getByLabel('Given name').fill('Şebnem');
  await form.getByLabel('Family name').fill('Yılmaz-Kar');
  await form.getByLabel('Date of birth').fill('1984-02-29');
  await form.getByLabel('Photographs for the medical record').check();

  await page.clock.fastForward('01:10');
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  // Nothing typed stays in the locked window.
  expect(await page.content()).not.toContain('Yılmaz-Kar');
  expect(
    await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)),
  ).not.toContain('Yılmaz');

  await page.getByLabel('Password', { exact: true }).fill(RECEPTIONIST.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await expect(form.getByLabel('Given name')).toHaveValue('Şebnem');
  await expect(form.getByLabel('Family name')).toHaveValue('Yılmaz-Kar');
  // Shown day first, as the screens' English (en-GB) writes it; the draft kept the ISO day.
  await expect(form.getByLabel('Date of birth')).toHaveValue('29/02/1984');
  await expect(form.getByLabel('Photographs for the medical record')).toBeChecked();
  await screenshot(page, 'lock-draft-restored');

  // Locked again; this time a practitioner takes the computer.
  await form.getByLabel('Family name').fill('Yılmaz-Kara');
  await page.clock.fastForward('01:10');
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  // A clean screen: the patient list, and an empty registration form.
  await expect(page.getByRole('combobox', { name: 'Search patients' })).toBeVisible();
  expect(await page.content()).not.toContain('Yılmaz');
  await page.getByRole('link', { name: 'Register patient' }).click();
  await expect(form.getByLabel('Given name')).toHaveValue('');
  await expect(form.getByLabel('Family name')).toHaveValue('');
  await screenshot(page, 'lock-other-user-clean');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The draft stayed with its owner: signing in again brings it back where it was.
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await expect(page.getByText('Your unsaved work from before the lock is back')).toBeVisible();
  await expect(form.getByLabel('Family name')).toHaveValue('Yılmaz-Kara');
  await form.getByRole('textbox', { name: 'Sex' }).click();
  await page.getByRole('option', { name: 'Female' }).click();
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('heading', { name: 'Şebnem Yılmaz-Kara' })).toBeVisible();
});

test('the history form keeps its answers through a lock by the same user', async ({
  page,
  services,
}) => {
  await seedClinic(services, [RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const patient = (await call(services, 'patients.create', {
    givenName: 'Zoë',
    familyName: 'Ångström',
    dateOfBirth: '1979-11-03',
    sex: 'female',
    phone: '',
    email: '',
    address: '',
    preferredLanguage: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  })) as { id: string };
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await page.goto(`/#/patients/${patient.id}/history/new`);
  const history = page.getByRole('form', { name: 'Save medical history' });
  await historyAnswer(history, 'Lidocaine / local anaesthetics', 'Yes').check();
  await history.getByRole('button', { name: 'Add a medicine or supplement' }).click();
  await history.getByLabel('Medicine or supplement 1').fill('Eliquis 5 mg twice daily');
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  expect(await page.content()).not.toContain('Eliquis');
  await page.getByLabel('Password', { exact: true }).fill(RECEPTIONIST.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(history.getByLabel('Medicine or supplement 1')).toHaveValue(
    'Eliquis 5 mg twice daily',
  );
  await expect(historyAnswer(history, 'Lidocaine / local anaesthetics', 'Yes')).toBeChecked();
});

import { test, expect } from '../support/fixtures';
import type { Page } from '@playwright/test';
import {
  ADMIN,
  call,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
  expectSignedIn,
  historyAnswer,
} from '../support/flows';

/** Full-page shots taken from the top, so the fixed header is drawn where it belongs. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

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

test('reception intake: register, take the history, find, edit and spot a duplicate', async ({
  page,
  services,
}) => {
  await seedClinic(services, [RECEPTIONIST]);
  // Another patient so that search has something to leave out.
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'patients.create', {
    givenName: 'Zoë',
    familyName: 'Ångström',
    dateOfBirth: '1979-11-03',
    sex: 'female',
    phone: '+46 70 123 45 67',
    email: '',
    address: '',
    preferredLanguage: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  });
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);

  // Register, first with mistakes: each is shown next to its field and nothing typed is lost.
  await page.getByRole('link', { name: 'Register patient' }).click();
  const form = page.getByRole('form', { name: 'Register patient' });
  await form.getByLabel('Given name').fill('Дарья');
  await form.getByLabel('Date of birth').fill('2999-01-01');
  await form.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(form.getByText('Family name is required')).toBeVisible();
  await expect(form.getByText('The date of birth cannot be in the future')).toBeVisible();
  await expect(form.getByText('Enter a valid email address')).toBeVisible();
  await expect(form.getByText('Choose one')).toBeVisible();
  await expect(form.getByLabel('Given name')).toHaveValue('Дарья');

  await form.getByLabel('Family name').fill('Иванова');
  await form.getByLabel('Date of birth').fill('1988-06-15');
  await form.getByRole('textbox', { name: 'Sex' }).click();
  await page.getByRole('option', { name: 'Female' }).click();
  await form.getByRole('textbox', { name: 'Phone', exact: true }).fill('+7 916 555 12 34');
  await form.getByRole('textbox', { name: 'Email' }).fill('darya.ivanova@example.ru');
  // Preferred language comes from the clinic's list, each language named in its own words.
  await form.getByRole('textbox', { name: 'Preferred language' }).click();
  await page.getByRole('option', { name: 'Français — French' }).click();
  await form.getByLabel('Processing of health data for care').check();
  await form.getByLabel('Photographs for the medical record').check();
  await shot(page, 'intake-register-form');
  await form.getByRole('button', { name: 'Register patient' }).click();

  // The chart opens on the new patient.
  await expect(page.getByRole('heading', { name: 'Дарья Иванова' })).toBeVisible();
  const alerts = page.getByRole('region', { name: 'Alerts' });
  await expect(alerts).toContainText('No medical history taken yet');
  await expect(page.getByRole('region', { name: 'Consents' })).toContainText('Given');

  // Take the history with a blood-thinning medicine and an allergy.
  await page.getByRole('tab', { name: 'Medical history' }).click();
  await page.getByRole('link', { name: 'Take medical history' }).click();
  const history = page.getByRole('form', { name: 'Save medical history' });
  await historyAnswer(history, 'Lidocaine / local anaesthetics', 'Yes').check();
  await history.getByRole('button', { name: 'Add a medicine or supplement' }).click();
  await history.getByLabel('Medicine or supplement 1').fill('Eliquis 5 mg twice daily');
  await history.getByLabel('Last dose 1').fill('2999-01-01');
  await history.getByRole('button', { name: 'Save medical history' }).click();
  await expect(history.getByText('Last dose cannot be in the future')).toBeVisible();
  await expect(history.getByLabel('Medicine or supplement 1')).toHaveValue(
    'Eliquis 5 mg twice daily',
  );
  await history.getByLabel('Last dose 1').fill('2024-03-01');
  await history.getByRole('textbox', { name: 'Fitzpatrick skin type' }).click();
  await page.getByRole('option', { name: /^III/ }).click();
  await shot(page, 'intake-questionnaire');
  await history.getByRole('button', { name: 'Save medical history' }).click();

  // The allergy and the blood thinner show in the permanent alerts strip; the medicine line is
  // kept as typed.
  await expect(alerts).toContainText('Allergy: lidocaine / local anaesthetics');
  await expect(alerts).toContainText('Blood thinner: Eliquis 5 mg twice daily (apixaban');
  // The front desk takes the intake but reads neither the answers behind the alerts nor the
  // treatment record: no earlier versions, no sessions or photos tabs.
  await expect(page.getByText('Earlier answers are for the practitioners.')).toBeVisible();
  await expect(page.getByText('Eliquis 5 mg twice daily (last dose Mar 1, 2024)')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Take medical history' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Sessions' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Photos' })).toHaveCount(0);
  await shot(page, 'intake-chart-history');
  // The saved message can be closed by name, not only by its icon.
  await expect(page.getByRole('button', { name: 'Close this message' }).first()).toBeVisible();
  expect(await seriousViolations(page), 'chart').toEqual([]);

  // Found by an unaccented, lower-case Latin query for a Latin name, and by Cyrillic.
  await page.getByRole('link', { name: 'Patients' }).click();
  const search = page.getByRole('combobox', { name: 'Search patients' });
  await search.fill('zoe angs');
  const results = page.getByRole('listbox', { name: 'Search results' });
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option').first()).toContainText('Ångström, Zoë');
  await search.fill('дарья');
  await expect(results.getByRole('option')).toHaveCount(1);
  await search.fill('');
  await expect(results.getByRole('option')).toHaveCount(2);
  await shot(page, 'intake-search-results');
  expect(await seriousViolations(page), 'search').toEqual([]);
  await search.fill('ivanova');
  await expect(results.getByRole('option')).toHaveCount(1);
  // Keyboard: Enter opens the highlighted result.
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: 'Дарья Иванова' })).toBeVisible();
  // Back returns to the same search, typed a moment ago.
  await page.goBack();
  await expect(search).toHaveValue('ivanova');
  await expect(results.getByRole('option')).toHaveCount(1);
  await results.getByRole('option').first().click();
  await expect(page.getByRole('heading', { name: 'Дарья Иванова' })).toBeVisible();

  // Edit the phone; the previous value stays visible in the change history.
  await page.getByRole('button', { name: 'Edit details' }).click();
  const edit = page.getByRole('form', { name: 'Edit details' });
  await edit.getByRole('textbox', { name: 'Phone', exact: true }).fill('+7 916 000 99 88');
  await edit.getByRole('button', { name: 'Save' }).click();
  const changes = page.getByRole('region', { name: 'Changes to details' });
  await expect(changes).toContainText('Phone: “+7 916 555 12 34” → “+7 916 000 99 88”');
  await expect(changes).toContainText(RECEPTIONIST.displayName);
  await shot(page, 'intake-chart');

  // Registering the same person again warns before saving and offers the existing chart.
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('link', { name: 'Register patient' }).click();
  const again = page.getByRole('form', { name: 'Register patient' });
  await again.getByLabel('Given name').fill('Дарья');
  await again.getByLabel('Family name').fill('ИВАНОВА');
  await again.getByLabel('Date of birth').fill('1988-06-15');
  const warning = page.getByTestId('duplicate-warning');
  await expect(warning).toContainText('This may be someone already registered');
  await expect(warning).toContainText('same date of birth and a similar name');
  await again.getByRole('textbox', { name: 'Sex' }).click();
  await page.getByRole('option', { name: 'Female' }).click();
  await again.getByRole('button', { name: 'Register patient' }).click();
  await expect(
    again.getByText('Check the possible duplicates above before registering.'),
  ).toBeVisible();
  await shot(page, 'intake-duplicate-warning');
  await warning.getByRole('link', { name: 'Open Дарья Иванова' }).click();
  await expect(page.getByRole('heading', { name: 'Дарья Иванова' })).toBeVisible();
  const found = (await call(services, 'patients.search', { query: 'darya' })) as {
    total: number;
  };
  expect(found.total).toBe(1);
});

test('tablet questionnaire: large controls, no staff data, and a staff password after', async ({
  page,
  services,
}) => {
  // The admin writes nothing clinical: a practitioner hands over the tablet and reads the result.
  await seedClinic(services, [PRACTITIONER]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const patient = (await call(services, 'patients.create', {
    givenName: 'Şebnem',
    familyName: 'Yılmaz',
    dateOfBirth: '1986-04-12',
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
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await page.goto(`/#/patients/${patient.id}?tab=history`);
  await page.getByRole('button', { name: 'Hand to the patient (tablet)' }).click();

  const tablet = page.getByTestId('tablet-questionnaire');
  await expect(tablet).toContainText('Hello Şebnem');
  // Nothing of the staff frame is on screen.
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  await historyAnswer(tablet, 'Pregnancy', 'Yes').check();
  await tablet.getByRole('button', { name: 'Add a medicine or supplement' }).click();
  await tablet.getByLabel('Medicine or supplement 1').fill('Omega-3 1 g daily');
  await shot(page, 'intake-tablet');
  await tablet.getByRole('button', { name: 'Send my answers' }).click();

  const handBack = page.getByTestId('tablet-hand-back');
  await expect(handBack).toContainText('Please hand the tablet back');
  await handBack.getByLabel('User name').fill(PRACTITIONER.username);
  await handBack.getByLabel('Password').fill(PRACTITIONER.password);
  await handBack.getByRole('button', { name: 'Take the tablet back' }).click();
  await expect(page.getByRole('region', { name: 'Alerts' })).toContainText('Pregnant');
  await expect(page.getByText(/Version 1 ·.*filled in by the patient/)).toBeVisible();
});

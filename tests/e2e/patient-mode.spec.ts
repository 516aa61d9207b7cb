import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  historyAnswer,
  screenshot,
  seedClinic,
  signIn,
  expectSignedIn,
} from '../support/flows';

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

function patientDetails(givenName: string, familyName: string, dateOfBirth: string) {
  return {
    givenName,
    familyName,
    dateOfBirth,
    sex: 'female',
    phone: '',
    email: '',
    address: '',
    preferredLanguage: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  };
}

/** Nothing of the staff frame or of another chart is on screen: only the tablet. */
async function expectOnTablet(page: Page) {
  await expect(page.getByTestId('tablet-questionnaire')).toContainText('Hello Şebnem');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  await expect(page.getByText('Darya')).toHaveCount(0);
}

test('tablet mode cannot be left by back, reload or a typed chart address; only a staff password returns to the chart', async ({
  page,
  services,
}) => {
  await seedClinic(services, [PRACTITIONER, RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const patient = (await call(
    services,
    'patients.create',
    patientDetails('Şebnem', 'Yılmaz', '1986-04-12'),
  )) as { id: string };
  const other = (await call(
    services,
    'patients.create',
    patientDetails('Darya', 'Ivanova', '1990-02-03'),
  )) as { id: string };
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  // Some staff history to go back through: the other patient's chart, then this one's.
  await page.goto(`/#/patients/${other.id}`);
  await expect(page.getByRole('heading', { name: /Darya/ }).first()).toBeVisible();
  await page.goto(`/#/patients/${patient.id}?tab=history`);
  await page.getByRole('button', { name: 'Hand to the patient (tablet)' }).click();
  await expectOnTablet(page);
  await historyAnswer(page.getByTestId('tablet-questionnaire'), 'Pregnancy', 'Yes').check();
  await screenshot(page, 'patient-mode-tablet');

  // Back (the mouse's back button in the app), twice: still the tablet.
  await page.goBack();
  await expectOnTablet(page);
  await page.goBack();
  await expectOnTablet(page);
  // A reload asks the services, which still hold the patient mode.
  await page.reload();
  await expectOnTablet(page);
  // A chart's address typed or injected: the tablet again, and the services refuse the chart.
  await page.goto(`/#/patients/${other.id}`);
  await expectOnTablet(page);
  await page.goto(`/#/patients/${other.id}/treatments`);
  await expectOnTablet(page);
  const refused = await page.evaluate(
    (id) => window.mesochart.chart.open({ patientId: id }),
    other.id,
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'PATIENT_MODE' } });
  const signedOut = await page.evaluate(() => window.mesochart.auth.signOut({}));
  expect(signedOut).toMatchObject({ ok: false, error: { code: 'PATIENT_MODE' } });

  // The patient sends the answers; a wrong staff password is refused next to the form.
  await historyAnswer(page.getByTestId('tablet-questionnaire'), 'Pregnancy', 'Yes').check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  const handBack = page.getByTestId('tablet-hand-back');
  await handBack.getByLabel('User name').fill(PRACTITIONER.username);
  await handBack.getByLabel('Password').fill('not my password');
  await handBack.getByRole('button', { name: 'Take the tablet back' }).click();
  await expect(handBack.getByText('User name or password is not correct')).toBeVisible();
  await screenshot(page, 'patient-mode-hand-back-refused');
  await page.reload();
  await expectOnTablet(page);

  // Another member of staff takes it back with their own password: the chart, as them.
  await page.getByRole('button', { name: 'Stop and hand back' }).click();
  await handBack.getByLabel('User name').fill(RECEPTIONIST.username);
  await handBack.getByLabel('Password').fill(RECEPTIONIST.password);
  await handBack.getByRole('button', { name: 'Take the tablet back' }).click();
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await expect(page.getByRole('region', { name: 'Alerts' })).toContainText('Pregnant');
  await screenshot(page, 'patient-mode-resumed');

  const events = services.state.store.sqlite
    .prepare(
      `SELECT operation, outcome, error_code AS code FROM audit_event
       WHERE operation IN ('auth.handTablet', 'auth.resumeStaff', 'chart.open', 'auth.signOut')
         AND (outcome <> 'success' OR operation LIKE 'auth.%Tablet' OR operation = 'auth.resumeStaff')
       ORDER BY seq`,
    )
    .all();
  expect(events).toEqual([
    { operation: 'auth.handTablet', outcome: 'success', code: null },
    { operation: 'chart.open', outcome: 'denied', code: 'PATIENT_MODE' },
    { operation: 'auth.signOut', outcome: 'denied', code: 'PATIENT_MODE' },
    { operation: 'auth.resumeStaff', outcome: 'failed', code: 'INVALID_CREDENTIALS' },
    { operation: 'auth.resumeStaff', outcome: 'success', code: null },
  ]);
});

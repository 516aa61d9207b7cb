import { execFileSync } from 'node:child_process';
import { expect, test } from '../support/fixtures';
import {
  call,
  expectSignedIn,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
} from '../support/flows';

const PRACTITIONER = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};

test('a practitioner enters their licence number, and the consent prints it beside their name', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  await seedClinic(services, [PRACTITIONER]);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);

  await page.getByRole('link', { name: 'My profile' }).click();
  await expect(page.getByRole('heading', { name: 'My profile' })).toBeVisible();
  const licence = page.getByLabel('Licence or registration number');
  await expect(licence).toHaveValue('');

  // Too long for any register: refused next to the field, what was typed stays.
  const tooLong = 'RPPS-'.padEnd(45, '9');
  await licence.fill(tooLong);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Licence number must be at most 40 characters')).toBeVisible();
  await expect(licence).toHaveValue(tooLong);
  await screenshot(page, 'staff-profile-refused');

  await licence.fill('RPPS 10101234567');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Your profile was saved')).toBeVisible();
  await expect(page.getByText('Licence number must be at most 40 characters')).toBeHidden();
  await page.mouse.move(0, 0);
  await screenshot(page, 'staff-profile');
  expect(await seriousViolations(page), 'own profile').toEqual([]);

  // Kept: the page shows it again after a reload.
  await page.reload();
  await expect(page.getByLabel('Licence or registration number')).toHaveValue('RPPS 10101234567');

  // The consent generated for this practitioner prints the number beside the name.
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  const patient = (await call(services, 'patients.create', {
    givenName: 'Şebnem',
    familyName: 'Yılmaz',
    dateOfBirth: '1986-04-12',
    sex: 'female',
    phone: '+90 532 123 45 67',
    email: '',
    address: '',
    preferredLanguage: 'en',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  })) as { id: string };
  const me = (await call(services, 'staff.ownProfile')) as { id: string };
  const doc = (await call(services, 'documents.generateConsent', {
    patientId: patient.id,
    procedureKind: 'skin-rejuvenation',
    practitionerId: me.id,
    productIds: [],
    otherProducts: [{ name: 'Dermaheal HL', ingredients: ['peptides'] }],
    plannedSessions: 4,
    intervalDays: 14,
  })) as { id: string };
  const opened = (await call(services, 'documents.open', { documentId: doc.id })) as {
    path: string;
  };
  // Read in reading order: the practitioner's cell may wrap the number onto a second line.
  const text = execFileSync('pdftotext', [opened.path, '-'], { encoding: 'utf8' });
  expect(text.replace(/\s+/g, ' ')).toContain('Inès Moreau (Reg. no. RPPS 10101234567)');
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-singlefile',
    opened.path,
    'test-results/screenshots/staff-profile-consent',
  ]);
});

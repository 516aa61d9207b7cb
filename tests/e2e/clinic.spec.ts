import { test, expect } from '../support/fixtures';
import {
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
  expectSignedIn,
} from '../support/flows';

const RECEPTIONIST = {
  username: 'rosa.desk',
  displayName: 'Rosa Martínez',
  role: 'receptionist',
  password: 'reception desk pass',
};

test('anyone can read the role matrix in Settings, as the main process enforces it', async ({
  page,
  services,
}) => {
  await seedClinic(services, [RECEPTIONIST]);
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Roles' }).click();
  const matrix = page.getByRole('table', { name: 'Who may do what' });
  await expect(matrix.getByRole('columnheader', { name: 'Receptionist' })).toBeVisible();
  // Each action in plain words, grouped by area: no operation names for a clinic manager to decode.
  const row = (name: string) =>
    matrix.getByRole('row', { name: new RegExp(`^${name} (Allowed|Not allowed|Before)`) });
  await expect(matrix.getByRole('heading', { name: 'Photographs' })).toBeVisible();
  await expect(matrix.getByRole('heading', { name: 'Medical history (intake)' })).toBeVisible();
  await expect(matrix.getByText(/\b[a-z]+\.[a-z]+[A-Z]?[a-zA-Z]*\b/)).toHaveCount(0);
  // Reception takes the intake but does not read it back; only practitioners sign sessions.
  await expect(
    row('Take the medical history questionnaire').getByRole('img').first(),
  ).toHaveAttribute('aria-label', 'Allowed');
  await expect(row('Read the medical history').getByRole('img').first()).toHaveAttribute(
    'aria-label',
    'Not allowed',
  );
  await expect(row('See changes to a photograph').getByRole('img').first()).toHaveAttribute(
    'aria-label',
    'Not allowed',
  );
  const sign = row('Sign a session note').getByRole('img');
  await expect(sign.nth(0)).toHaveAttribute('aria-label', 'Not allowed');
  await expect(sign.nth(1)).toHaveAttribute('aria-label', 'Allowed');
  await expect(sign.nth(2)).toHaveAttribute('aria-label', 'Not allowed');
  // Read-only: nothing on the tab can be changed.
  await expect(page.getByRole('tabpanel').getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('tabpanel').getByRole('button')).toHaveCount(0);
  await screenshot(page, 'settings-role-matrix');
  expect(await seriousViolations(page)).toEqual([]);
});

import { test, expect } from '../support/fixtures';
import { screenshot, seedClinic, signIn, expectSignedIn } from '../support/flows';

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
  const row = (name: string) => matrix.getByRole('row', { name: new RegExp(`^${name}\\b`) });
  // Reception takes the intake but does not read it back; only practitioners sign sessions.
  await expect(row('history.submit').getByRole('img').first()).toHaveAttribute(
    'aria-label',
    'Allowed',
  );
  await expect(row('history.get').getByRole('img').first()).toHaveAttribute(
    'aria-label',
    'Not allowed',
  );
  const sign = row('sessions.sign').getByRole('img');
  await expect(sign.nth(0)).toHaveAttribute('aria-label', 'Not allowed');
  await expect(sign.nth(1)).toHaveAttribute('aria-label', 'Allowed');
  await expect(sign.nth(2)).toHaveAttribute('aria-label', 'Not allowed');
  // Read-only: nothing on the tab can be changed.
  await expect(page.getByRole('tabpanel').getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('tabpanel').getByRole('button')).toHaveCount(0);
  await screenshot(page, 'settings-role-matrix');
});

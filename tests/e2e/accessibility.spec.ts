import { test, expect } from '../support/fixtures';
import { ADMIN, expectSignedIn, seedClinic, seriousViolations, signIn } from '../support/flows';

test('setup, sign-in, lock and the signed-in screens have no serious accessibility problems', async ({
  page,
  services,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Mesochart' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await seedClinic(services);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  for (const [link, route] of [
    ['Settings', /#\/settings$/],
    ['Audit log', /#\/audit$/],
  ] as const) {
    await page.getByRole('link', { name: link, exact: true }).click();
    // The admin's Patients screen has two headings (first steps, patients) until the page changes.
    await expect(page).toHaveURL(route);
    await expect(page.getByRole('heading', { name: 'First steps' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    expect(await seriousViolations(page), link).toEqual([]);
  }

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('sign-in and unlock work from the keyboard alone', async ({ page, services }) => {
  await seedClinic(services);
  await page.goto('/');
  await expect(page.getByLabel('User name')).toBeFocused();
  await page.keyboard.type(ADMIN.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expectSignedIn(page, ADMIN.displayName);
  // The search field takes the focus when the Patients screen opens; only then move it to Lock.
  await expect(page.getByRole('combobox', { name: 'Search patients' })).toBeFocused();
  await page.getByRole('button', { name: 'Lock' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expectSignedIn(page, ADMIN.displayName);
});

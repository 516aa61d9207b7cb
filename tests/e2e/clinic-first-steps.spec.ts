import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import {
  ADMIN,
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

const step = (page: Page, key: string) => page.getByTestId(`first-step-${key}`);

test('the admin sees the first steps after setup, each ticked when really done, until put away', async ({
  page,
  services,
}) => {
  test.setTimeout(180_000);
  await seedClinic(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);

  const list = page.getByRole('region', { name: 'First steps' });
  await expect(list).toContainText('0 of 4 done');
  for (const key of ['staff', 'products', 'templates', 'backups']) {
    await expect(step(page, key)).toContainText('To do');
  }
  await page.mouse.move(0, 0);
  await screenshot(page, 'clinic-first-steps');
  expect(await seriousViolations(page), 'first steps').toEqual([]);

  // Each link leads where the step is done.
  await step(page, 'templates').getByRole('link', { name: 'Open the templates' }).click();
  await expect(page.getByRole('tab', { name: 'Templates', selected: true })).toBeVisible();

  // A second person and a product with a lot, as the admin adds them.
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'staff.create', PRACTITIONER);
  const product = (await call(services, 'products.create', {
    name: 'NCTF 135 HA',
    manufacturer: 'Filorga',
    category: 'vitamins',
    ingredients: ['hyaluronic acid'],
    allergens: [],
    defaultVolumeMl: 3,
  })) as { id: string };
  await call(services, 'products.addLot', {
    productId: product.id,
    lotNumber: 'VA-001',
    expiresOn: '2099-01-01',
    receivedOn: '2020-01-01',
  });
  await page.getByRole('link', { name: 'Patients' }).click();
  await expect(list).toContainText('2 of 4 done');
  await expect(step(page, 'staff')).toContainText('Done');
  await expect(step(page, 'products')).toContainText('Done');
  await expect(step(page, 'templates')).toContainText('To do');
  await expect(step(page, 'backups')).toContainText('To do');
  await page.mouse.move(0, 0);
  await screenshot(page, 'clinic-first-steps-half-done');

  // Put away, it stays away.
  await list.getByRole('button', { name: 'Hide this list' }).click();
  await expect(list).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Patients' }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'First steps' })).toHaveCount(0);
});

test('a practitioner never sees the first steps', async ({ page, services }) => {
  await seedClinic(services, [PRACTITIONER]);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await expect(page.getByRole('link', { name: 'My profile' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'First steps' })).toHaveCount(0);
});

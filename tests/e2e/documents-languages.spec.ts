import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
  expectSignedIn,
} from '../support/flows';

test('a built-in translation is marked for the clinic’s review until the admin confirms it', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  await page.goto('/#/settings');
  await page.getByRole('tab', { name: 'Templates' }).click();
  // English, the language the built-in templates are written in, needs no review.
  await expect(page.getByLabel('Text of costs')).toBeVisible();
  await expect(page.getByTestId('template-review')).toHaveCount(0);

  await page.getByRole('textbox', { name: 'Template' }).click();
  await page
    .getByRole('option', { name: /Türkçe/ })
    .first()
    .click();
  const mark = page.getByTestId('template-review');
  await expect(mark).toContainText("For the clinic's review");
  await expect(page.getByLabel('Text of costs')).toHaveValue(/Her seansın ve kürün ücreti/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'documents-template-review-pending');
  expect(await seriousViolations(page)).toEqual([]);

  await mark.getByRole('button', { name: 'Confirm translation' }).click();
  await expect(page.getByText('Translation confirmed', { exact: true })).toBeVisible();
  await expect(mark).toContainText(`Translation confirmed by ${ADMIN.displayName}`);
  await screenshot(page, 'documents-template-review-confirmed');
});

test('the admin sets the languages offered to patients, each named in its own language', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  await page.goto('/#/settings');
  const field = page.getByTestId('patient-languages');
  await expect(field).toBeVisible();
  const pills = page.locator('.mantine-MultiSelect-pill');
  await expect(pills).toHaveText([
    'English',
    'Français — French',
    'Türkçe — Turkish',
    'العربية — Arabic',
  ]);
  await field.click();
  await field.fill('Deutsch');
  await page.getByRole('option', { name: /Deutsch/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();
  await expect(pills).toHaveCount(5);
  await field.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-patient-languages');
  // Everything on the screen is checked, the form's Save button with the rest.
  expect(await seriousViolations(page)).toEqual([]);
});

import { test, expect } from '../support/fixtures';
import { ADMIN, screenshot, seedClinic, seriousViolations, signIn } from '../support/flows';

test('search shortcut: Ctrl+K from any screen, or / when not typing, puts the cursor in the patient search', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  const search = page.getByRole('combobox', { name: 'Search patients' });
  // The help line under the search says how to come back to it.
  await expect(
    page.getByText('From any screen, Ctrl+K (⌘K on a Mac) or / comes back'),
  ).toBeVisible();

  // From Settings, Ctrl+K: the search page, its input focused.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page).toHaveURL(/#\/settings/);
  await page.keyboard.press('Control+k');
  await expect(page).toHaveURL(/#\/patients$/);
  await expect(search).toBeFocused();
  await page.keyboard.type('Yıl');
  await expect(search).toHaveValue('Yıl');

  // From the diary, "/" does the same, and selects what was typed before to start afresh.
  await page.getByRole('link', { name: 'Diary', exact: true }).click();
  await expect(page).toHaveURL(/#\/diary/);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  // Typing in a field, "/" is a character, not the shortcut.
  await search.fill('');
  await page.keyboard.type('12/04');
  await expect(search).toHaveValue('12/04');
  await page.mouse.move(0, 0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'patients-search-shortcut');
});

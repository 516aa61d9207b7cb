import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { attachHarness } from '../support/harness';
import { screenshot, signIn } from '../support/flows';
import { localDay, openDiary, RECEPTIONIST, seedDiary } from '../support/diary-seed';

/** Marks the page so that a reload (which would also refresh it) is noticed. */
async function markLoaded(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __sameLoad?: boolean }).__sameLoad = true;
  });
}

async function stillSameLoad(page: Page) {
  return page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad === true);
}

test('a second window sees another window’s booking, arrival and cancellation without reloading', async ({
  page,
  launcher,
  services,
  host,
}) => {
  // A whole clinic day through several screens and sign-ins: longer than one screen's test.
  test.slow();
  await seedDiary(services);
  // Window A: the front desk.
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);

  // Window B: the same clinic's Today page, bound to the same services and their change feed.
  const other = await page.context().newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(e.message));
  await attachHarness(
    other,
    (sender, operation, input) => launcher.dispatch(sender, operation, input),
    host,
    (listener) => launcher.onChange(listener),
  );
  await other.goto('/');
  await other.getByRole('link', { name: 'Today' }).click();
  const list = other.getByRole('table', { name: "Today's appointments" });
  await expect(list.getByRole('row')).toHaveCount(3);
  await markLoaded(other);

  // A books Bruno at 14:00 by keyboard in the diary: B's Today list gains the row.
  await openDiary(page);
  await page.getByRole('button', { name: 'New appointment' }).click();
  const form = page.getByRole('dialog', { name: 'New appointment' });
  await form.getByRole('textbox', { name: 'Patient' }).fill('Kel');
  await page.getByRole('option', { name: /Bruno Keller/ }).click();
  await form.getByLabel('Date').fill(localDay());
  await form.getByLabel('Start time').fill('14:00');
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(form).toBeHidden();
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list.getByRole('row').nth(3)).toContainText('14:00–14:45');
  await expect(list.getByRole('row').nth(3)).toContainText('Bruno Keller');

  // A marks Anna arrived from its Today page: B shows her arrived.
  await page.getByRole('link', { name: 'Today' }).click();
  await page.getByRole('button', { name: 'Mark Anna Rossi arrived' }).click();
  await expect(list.getByRole('row').nth(1)).toContainText('Arrived');
  await expect(other.getByRole('button', { name: 'Mark Anna Rossi arrived' })).toHaveCount(0);
  await screenshot(other, 'appointments-live-today');

  // B opens the diary; A cancels Bruno's 14:00 visit with a reason: it leaves B's diary.
  await openDiary(other);
  const calendar = other.getByRole('region', { name: 'Appointments' });
  const afternoon = calendar.locator('.ec-event', { hasText: 'Bruno Keller' }).filter({
    hasText: /2:00/,
  });
  await expect(afternoon).toHaveCount(1);
  await openDiary(page);
  await page
    .getByRole('region', { name: 'Appointments' })
    .locator('.ec-event', { hasText: 'Bruno Keller' })
    .filter({ hasText: /2:00/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Bruno Keller' });
  await dialog.getByLabel(/Reason/).fill('Patient has a fever, will call back');
  await screenshot(page, 'appointments-status-with-reason');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(afternoon).toHaveCount(0);
  await expect(calendar.locator('.ec-event', { hasText: 'Bruno Keller' })).toHaveCount(1);
  await screenshot(other, 'appointments-live-diary');

  expect(await stillSameLoad(other), 'window B was never reloaded').toBe(true);
  expect(errors, 'uncaught errors in window B').toEqual([]);
  await other.close();
});

import { test, expect } from '../support/fixtures';
import { screenshot, seriousViolations, signIn } from '../support/flows';
import { localDay, openDiary, RECEPTIONIST, seedDiary } from '../support/diary-seed';

test('reception cancels a visit from Today with its reason, books after hours only with a reason, and hands the tablet for a history', async ({
  page,
  services,
}) => {
  // Several screens and dialogs in one clinic day.
  test.slow();
  await seedDiary(services);
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
  await page.getByRole('link', { name: 'Today' }).click();
  const list = page.getByRole('table', { name: "Today's appointments" });
  await expect(list.getByRole('row')).toHaveCount(3);

  // Bruno calls in ill: the desk cancels his 11:00 from Today, saying why.
  await page.getByRole('button', { name: 'Change the status of Bruno Keller’s visit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bruno Keller' });
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog.getByText('Give the reason')).toBeVisible();
  await dialog.getByLabel(/Reason/).fill('Flu, will call to rebook');
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('row')).toHaveCount(2);
  const closed = page.getByRole('table', { name: 'Cancelled or missed today' });
  await expect(closed.getByRole('row').nth(1)).toContainText('11:00–11:45');
  await expect(closed.getByRole('row').nth(1)).toContainText('Bruno Keller');
  await expect(closed.getByRole('row').nth(1)).toContainText('Cancelled');
  await expect(closed.getByRole('row').nth(1)).toContainText('Flu, will call to rebook');
  await screenshot(page, 'appointments-today-cancelled');
  expect(await seriousViolations(page)).toEqual([]);

  // He can come at 19:30 only: that ends after closing (20:00), so the service asks for a reason
  // and the form offers the choice at once, the reason field ready.
  await openDiary(page);
  await page.getByRole('button', { name: 'New appointment' }).click();
  const form = page.getByRole('dialog', { name: 'New appointment' });
  await form.getByRole('textbox', { name: 'Patient' }).fill('Kel');
  await page.getByRole('option', { name: /Bruno Keller/ }).click();
  await form.getByLabel('Date').fill(localDay());
  await form.getByLabel('Start time').fill('19:30');
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(form.getByText(/This ends after the clinic closes/).first()).toBeVisible();
  await expect(form.getByLabel('Book outside opening hours')).toBeChecked();
  const reason = form.getByLabel('Reason for booking outside opening hours');
  await expect(reason).toBeFocused();
  await screenshot(page, 'appointments-book-outside-hours');
  expect(await seriousViolations(page)).toEqual([]);
  await reason.fill('Only free after work');
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(form).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Appointment booked for' }),
  ).toBeVisible();

  // Today: the new visit, and why it is outside the hours, in its status dialog.
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(list.getByRole('row').nth(2)).toContainText('19:30–20:15');
  await page.getByRole('button', { name: 'Change the status of Bruno Keller’s visit' }).click();
  await expect(
    dialog.getByText('Booked outside opening hours: Only free after work'),
  ).toBeVisible();
  await screenshot(page, 'appointments-today-status-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Anna asks to come an hour later: the desk moves her from Today by keyboard, into Room 2.
  await page.getByRole('button', { name: 'Change the status of Anna Rossi’s visit' }).click();
  const annaDialog = page.getByRole('dialog', { name: 'Anna Rossi' });
  await annaDialog.getByRole('button', { name: 'Move to another time' }).click();
  const move = annaDialog.getByRole('form', { name: 'Move the appointment' });
  await expect(move.getByLabel('Start time')).toBeFocused();
  await move.getByLabel('Start time').fill('10:00');
  await move.getByRole('textbox', { name: 'Room' }).click();
  await page.getByRole('option', { name: 'Room 2' }).click();
  await screenshot(page, 'appointments-move-by-keyboard');
  expect(await seriousViolations(page)).toEqual([]);
  await move.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(annaDialog).toBeHidden();
  await expect(list.getByRole('row').nth(1)).toContainText('10:00–10:45');

  // Anna's history is still to take: the desk hands her the tablet from her row.
  await page.getByRole('button', { name: 'Hand the tablet to Anna Rossi for the history' }).click();
  await expect(page.getByTestId('tablet-questionnaire')).toContainText('Anna');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await screenshot(page, 'appointments-today-tablet');
});

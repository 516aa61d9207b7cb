import { test, expect } from '../support/fixtures';
import { expectSignedIn, screenshot, seriousViolations, signIn } from '../support/flows';
import { RECEPTIONIST, localDay, openDiary, seedDiary } from '../support/diary-seed';

test('booking from the keyboard: the cursor starts on the patient, and after booking the diary says so and New appointment has the focus again', async ({
  page,
  services,
}) => {
  await seedDiary(services);
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await openDiary(page);

  const start = page.getByRole('button', { name: 'New appointment' });
  await start.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'New appointment' });
  const patientField = form.getByRole('textbox', { name: 'Patient' });
  await expect(patientField).toBeFocused();
  await page.keyboard.type('Kel');
  await page.getByRole('option', { name: /Bruno Keller/ }).click();
  await form.getByLabel('Date').fill(localDay());
  await form.getByLabel('Start time').fill('15:30');
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(form).toBeHidden();

  await expect(page.getByRole('status')).toContainText(/^Appointment booked for .+ 15:30$/);
  await expect(start).toBeFocused();
  await screenshot(page, 'appointments-booked-focus');
  // The whole screen, the calendar's own cells (.ec-…) included, with no exclusions: serious
  // and critical WCAG A/AA findings fail the test.
  expect(await seriousViolations(page)).toEqual([]);
});

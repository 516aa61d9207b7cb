import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  expectSignedIn,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
} from '../support/flows';

const NURSE = {
  username: 'ayla.prac',
  displayName: 'Ayla Demir',
  role: 'practitioner',
  password: 'forgotten pass phrase',
};

test('an admin resets a password and never learns a usable one: the code only lets its holder choose a new password', async ({
  page,
  services,
}) => {
  // Several password hashings (128 MiB each) and three drawn pads on a shared machine.
  test.setTimeout(300_000);
  await seedClinic(services, [NURSE]);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Staff' }).click();
  const row = page.getByRole('row', { name: new RegExp(NURSE.displayName) });
  await row.getByRole('button', { name: 'Reset password' }).click();

  const dialog = page.getByRole('dialog', { name: `Reset the password of ${NURSE.displayName}` });
  await expect(dialog).toContainText('You never learn a password that works');
  await dialog.getByRole('button', { name: 'Reset and show a temporary code' }).click();
  const codeBox = dialog.getByTestId('temporary-code');
  await expect(codeBox).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const code = (await codeBox.textContent())!.trim();
  await expect(dialog).toContainText(`Give this code to ${NURSE.displayName} in person`);
  await screenshot(page, 'staff-reset-code');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'I have written it down' }).click();
  await expect(row).toContainText('Must choose a new password');

  // The old password no longer works; the code leads only to the forced change.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, NURSE.username, NURSE.password);
  await expect(page.getByText('User name or password is not correct')).toBeVisible();
  await signIn(page, NURSE.username, code);
  await expect(page.getByRole('heading', { name: 'Choose your new password' })).toBeVisible();
  await expect(page.getByText(`Your password was reset, ${NURSE.displayName}`)).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  // The main process holds the rule too: the session can do nothing else.
  const refused = await page.evaluate(async () => {
    const api = (
      window as unknown as {
        mesochart: Record<
          string,
          Record<string, (i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>
        >;
      }
    ).mesochart;
    return api.patients!.search!({ query: 'a' });
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
  expect(await seriousViolations(page)).toEqual([]);

  const form = page.getByRole('form', { name: 'Choose your new password' });
  await form.getByLabel('New password').fill(code);
  await form.getByLabel('Repeat the password').fill(code);
  await form.getByRole('button', { name: 'Save my new password' }).click();
  await expect(
    form.getByText('Choose a password different from the one you signed in with').first(),
  ).toBeVisible();
  await form.getByLabel('New password').fill('only ayla knows this one');
  await form.getByLabel('Repeat the password').fill('only ayla knows this');
  await form.getByRole('button', { name: 'Save my new password' }).click();
  await expect(form.getByText('The two passwords are not the same')).toBeVisible();
  await form.getByLabel('Repeat the password').fill('only ayla knows this one');
  await screenshot(page, 'staff-forced-change');
  await form.getByRole('button', { name: 'Save my new password' }).click();
  await expectSignedIn(page, NURSE.displayName);
});

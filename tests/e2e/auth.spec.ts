import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  CLINIC,
  call,
  expectSignedIn,
  screenshot,
  seedClinic,
  signIn,
} from '../support/flows';

test('first run: the clinic is set up and its admin is signed in', async ({ page, services }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Mesochart' })).toBeVisible();

  // Bad input is refused next to the field and nothing typed is lost.
  await page.getByLabel('Clinic name').fill('Клиника Дарья');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Full name').fill(ADMIN.displayName);
  await page.getByLabel('User name').fill('Bad Name');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
  await page.getByLabel('Repeat the password').fill('different');
  await page.getByRole('button', { name: 'Set up clinic' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(
    page.getByText('Use lower-case letters, digits, dot, dash or underscore'),
  ).toBeVisible();
  await expect(page.getByText('Password must be at least 10 characters')).toBeVisible();
  await expect(page.getByText('The passwords do not match')).toBeVisible();
  await expect(page.getByLabel('Clinic name')).toHaveValue('Клиника Дарья');
  await screenshot(page, 'setup-errors');

  await page.getByLabel('Email').fill(CLINIC.email);
  await page.getByLabel('Address').fill(CLINIC.address);
  await page.getByLabel('Phone').fill(CLINIC.phone);
  await page.getByLabel('User name').fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByLabel('Repeat the password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Set up clinic' }).click();

  await expectSignedIn(page, ADMIN.displayName);
  await expect(page.getByRole('link', { name: 'Audit log' })).toBeVisible();
  const settings = (await call(services, 'clinic.settings')) as { clinic: { name: string } };
  expect(settings.clinic.name).toBe('Клиника Дарья');

  // Setup is offered once only.
  await page.reload();
  await expectSignedIn(page, ADMIN.displayName);
});

test('sign-in: a wrong password is refused with a message, the right one signs in', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText(CLINIC.name)).toBeVisible();
  await screenshot(page, 'sign-in');

  await signIn(page, ADMIN.username, 'wrong password here');
  await expect(page.getByRole('alert')).toHaveText('User name or password is not correct');
  await expect(page.getByLabel('User name')).toHaveValue(ADMIN.username);
  await screenshot(page, 'sign-in-wrong-password');

  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectSignedIn(page, ADMIN.displayName);
});

test('idle lock: the screen locks after the idle period and needs the password to unlock', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.clock.install();
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByLabel('Clinic name')).toHaveValue(CLINIC.name);

  // Nine minutes of inactivity: still open. Past ten (the default): locked.
  await page.clock.fastForward('09:00');
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await page.clock.fastForward('01:10');
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await screenshot(page, 'lock');

  // Nothing from behind the lock is left in the page.
  const html = await page.content();
  expect(html).not.toContain(CLINIC.address);
  expect(html).not.toContain('Audit log');
  // And the main process refuses every non-public operation while locked.
  const refused = await page.evaluate(() => window.mesochart.clinic.settings({}));
  expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

  await page.getByLabel('Password', { exact: true }).fill('not my password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('User name or password is not correct');
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expectSignedIn(page, ADMIN.displayName);
});

test('lock button: another member of staff can sign in instead of unlocking', async ({
  page,
  services,
}) => {
  const nurse = {
    username: 'selin',
    displayName: 'Selin Yıldız',
    role: 'practitioner',
    password: 'practitioner pass 1',
  };
  await seedClinic(services, [nurse]);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByText(`Locked by ${ADMIN.displayName}`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await signIn(page, nurse.username, nurse.password);
  await expectSignedIn(page, nurse.displayName);
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
});

test('an admin creates a receptionist, who is refused admin operations by the main process', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Staff' }).click();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Full name').fill('Şebnem Yılmaz');
  await dialog.getByLabel('User name').fill(ADMIN.username);
  await dialog.getByLabel('Initial password').fill('reception desk 01');
  await dialog.getByRole('button', { name: 'Add staff member' }).click();
  // Server-side refusal shown next to its field, with everything typed kept.
  await expect(dialog.getByText('That user name is already taken').first()).toBeVisible();
  await expect(dialog.getByLabel('Full name')).toHaveValue('Şebnem Yılmaz');
  await dialog.getByLabel('User name').fill('sebnem');
  await dialog.getByRole('button', { name: 'Add staff member' }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row', { name: /Şebnem Yılmaz/ });
  await expect(row).toContainText('sebnem');
  await expect(row.getByRole('textbox', { name: 'Role of Şebnem Yılmaz' })).toHaveValue(
    'Receptionist',
  );
  await screenshot(page, 'staff');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'sebnem', 'reception desk 01');
  await expectSignedIn(page, 'Şebnem Yılmaz');
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Staff' })).toHaveCount(0);

  // Hidden in the UI is not enough: the wrapper refuses the call itself.
  const attempt = await page.evaluate(() =>
    window.mesochart.staff.create({
      username: 'sneaky',
      displayName: 'Sneaky',
      role: 'admin',
      password: 'sneaky password',
    }),
  );
  expect(attempt).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const audit = await page.evaluate(() => window.mesochart.audit.list({ limit: 10 }));
  expect(audit).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  // The refusal is in the audit trail, and nobody called "sneaky" exists.
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const staff = (await call(services, 'staff.list')) as { username: string }[];
  expect(staff.map((s) => s.username).sort()).toEqual([ADMIN.username, 'sebnem']);
  const events = (await call(services, 'audit.list', { limit: 50 })) as {
    events: { operation: string; outcome: string; username: string }[];
  };
  expect(events.events).toContainEqual(
    expect.objectContaining({ operation: 'staff.create', outcome: 'denied', username: 'sebnem' }),
  );
});

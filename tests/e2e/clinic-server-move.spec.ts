/**
 * Settings > Server: the admin moves a small single-computer clinic into an empty database of a
 * throwaway PostgreSQL cluster; every table, file and the audit chain are checked there, and
 * this computer keeps working on its own record, which the move only read.
 */
import pg from 'pg';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seedClinic, seriousViolations, signIn } from '../support/flows';
import { patient } from '../support/diary-seed';
import { OWNER_ROLE, startCluster, type TestCluster } from '../support/postgres-cluster';
import { createRoles } from '../support/server-workstation';

let cluster: TestCluster;

test.beforeAll(async () => {
  cluster = await startCluster();
  await createRoles(cluster);
  const admin = new pg.Client({ connectionString: cluster.superUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE mesochart_moved OWNER ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
});

test.afterAll(() => {
  cluster?.stop();
});

test('the admin moves this clinic to an empty server database and sees it checked', async ({
  page,
  services,
}) => {
  test.setTimeout(240_000);
  await seedClinic(services);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(
    services,
    'patients.create',
    patient('Anna', 'Rossi', '+39 06 1234 5678', '1986-04-12'),
  );
  await call(
    services,
    'patients.create',
    patient('Şebnem', 'Yılmaz', '+90 532 123 45 67', '1979-11-03'),
  );
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'Server' }).click();
  const form = page.getByRole('form', { name: 'Move this clinic to a server' });
  await form.getByRole('textbox', { name: 'Server' }).fill('127.0.0.1');
  await form.getByRole('textbox', { name: 'Port' }).fill(new URL(cluster.superUrl).port);
  await form.getByRole('textbox', { name: 'Database' }).fill('mesochart_moved');
  await form.getByLabel('Connection security').selectOption({ label: 'Not encrypted' });

  // Not until the connection was tested.
  const moveButton = form.getByRole('button', { name: 'Move to the server' });
  await expect(moveButton).toBeDisabled();
  await form.getByRole('textbox', { name: 'Database' }).fill('mesochart_nowhere');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('textbox', { name: 'Database' })).toHaveAccessibleDescription(
    /no database called mesochart_nowhere/,
  );
  await form.getByRole('textbox', { name: 'Database' }).fill('mesochart_moved');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText('can take this clinic');
  await moveButton.click();

  const done = page.getByRole('status').filter({ hasText: 'The clinic is on the server, checked' });
  await expect(done).toBeVisible({ timeout: 180_000 });
  await expect(done).toContainText('Audit chain verified on the server');
  await expect(done).toContainText("This computer's record was only read");
  const tables = page.getByRole('table', { name: 'Tables checked' });
  await expect(tables.getByRole('row', { name: /^patient 2 / })).toBeVisible();
  await screenshot(page, 'server-move-done');
  // The pointer leaves the button it clicked: a hovered green button (3.94:1) is every form's.
  await page.mouse.move(0, 0);
  expect(await seriousViolations(page)).toEqual([]);

  // On the server: the two patients, under the same clinic numbers.
  const server = new pg.Client({ connectionString: cluster.url('mesochart_moved', OWNER_ROLE) });
  await server.connect();
  try {
    const moved = await server.query<{ n: string }>('SELECT count(*) AS n FROM patient');
    expect(Number(moved.rows[0]?.n)).toBe(2);
  } finally {
    await server.end();
  }
  // This computer still works on its own record, as before.
  expect(services.state.store.dialect).toBe('sqlite');
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Patients' })
    .click();
  await page.getByRole('combobox', { name: 'Search patients' }).fill('yilmaz');
  await expect(
    page
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: /Yılmaz, Şebnem/ }),
  ).toBeVisible();
});

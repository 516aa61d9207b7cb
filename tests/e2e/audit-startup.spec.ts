import { test, expect } from '../support/fixtures';
import { ADMIN, screenshot, seedClinic, seriousViolations, signIn } from '../support/flows';
import { startStartupCheck } from '../../electron/services/audit/startup-check';
import type { MesochartServices } from '../../electron/services/app';

/** The check the app starts in the background once the clinic is open, run to its end. */
async function checkAtStartUp(services: MesochartServices): Promise<void> {
  startStartupCheck(services.state, 0);
  await services.state.jobs.settle();
}

test('audit check at start-up: a tampered log is named to the admin as soon as they sign in', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await services.state.auditQueue.flush();
  // Someone with the database file rewrites who did an early event, behind the app's back.
  const db = services.state.store.sqlite;
  db.exec('DROP TRIGGER audit_event_no_update;');
  db.prepare("UPDATE audit_event SET username = 'someone-else' WHERE seq = 2").run();
  await checkAtStartUp(services);

  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  // Without opening the audit screen: a red notice that stays, naming the event and what failed.
  const notice = page
    .getByRole('alert')
    .filter({ hasText: 'The audit log has been tampered with' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('altered at event 2');
  await expect(notice).toContainText('The event was changed after it was written');
  await page.waitForTimeout(400);
  await screenshot(page, 'audit-startup-notice');
  expect(await seriousViolations(page)).toEqual([]);

  // The audit screen says the same, in its start-up line.
  await page.getByRole('link', { name: 'Audit log' }).click();
  const line = page.getByTestId('audit-startup-check');
  await expect(line).toContainText('altered from event 2 on');
  await expect(line).toContainText('The event was changed after it was written');
  await screenshot(page, 'audit-startup-line-broken');
});

test('audit check at start-up: an intact log is shown as checked on the audit screen, with no notice', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await services.state.auditQueue.flush();
  await checkAtStartUp(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByTestId('audit-startup-check')).toContainText(
    /Checked at start-up .*: intact \(\d+ events\)/,
  );
  await expect(page.getByRole('alert').filter({ hasText: 'tampered' })).toHaveCount(0);
  await screenshot(page, 'audit-startup-line-intact');
});

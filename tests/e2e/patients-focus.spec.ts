import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  expectSignedIn,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
} from '../support/flows';
import { RECEPTIONIST, patient } from '../support/diary-seed';
import { expectWholeBadges } from '../support/whole-badges';

/** The boxes of the messages on screen now, read at one instant (each closes by itself). */
function messageBoxes(page: Page) {
  return page.locator('.mantine-Notification-root').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/** No message on screen covers any part of `target`. */
async function expectUncovered(page: Page, target: Locator) {
  const t = await target.boundingBox();
  if (!t) throw new Error('the target is not on screen');
  const overlapping = (await messageBoxes(page)).filter(
    (m) =>
      m.x < t.x + t.width && t.x < m.x + m.width && m.y < t.y + t.height && t.y < m.y + m.height,
  );
  expect(overlapping).toEqual([]);
}

/** After a save: its message is up, at most three show, and none covers the targets. */
async function stackedAfterSave(page: Page, targets: Locator[]) {
  const messages = page.locator('.mantine-Notification-root');
  await expect(messages.first()).toBeVisible();
  const count = await messages.count();
  expect(count).toBeLessThanOrEqual(3);
  for (const target of targets) await expectUncovered(page, target);
  return count;
}

test('registering: the cursor starts in the first field, a possible duplicate is announced under the names, and the new chart takes the focus', async ({
  page,
  services,
}) => {
  test.slow();
  await seedClinic(services, [RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(
    services,
    'patients.create',
    patient('Anna', 'Rossi', '+39 06 1234 5678', '1986-04-12', 'anna@example.it'),
  );
  await call(services, 'auth.signOut');
  // A laptop's height: the form is taller than the window.
  await page.setViewportSize({ width: 1280, height: 640 });
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);

  await page.getByRole('link', { name: 'Register patient' }).click();
  const form = page.getByRole('form', { name: 'Register patient' });
  await expect(form.getByLabel('Given name')).toBeFocused();
  await page.keyboard.type('Anne');
  await form.getByLabel('Family name').fill('Rossy');
  await form.getByLabel('Date of birth').fill('1990-01-01');
  await form.getByRole('textbox', { name: 'Sex' }).click();
  await page.getByRole('option', { name: 'Female' }).click();
  // The same phone as Anna Rossi's, typed lower down the form.
  await form.getByRole('textbox', { name: 'Phone', exact: true }).fill('+39 06 1234 5678');
  const warning = page.getByRole('alert').filter({ hasText: 'This may be someone already' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Anna Rossi');
  await expect(warning).toBeInViewport();
  // Right under the identity fields, above the contact section.
  const below = (await form.getByLabel('Date of birth').boundingBox())!;
  const box = (await warning.boundingBox())!;
  const contact = (await form
    .getByRole('heading', { name: 'Contact', exact: true })
    .boundingBox())!;
  expect(box.y).toBeGreaterThan(below.y);
  expect(box.y + box.height).toBeLessThanOrEqual(contact.y);
  await page.screenshot({ path: 'test-results/screenshots/register-duplicate-in-view.png' });
  expect(await seriousViolations(page), 'register form').toEqual([]);

  await warning.getByRole('button', { name: 'It is someone else: register anyway' }).click();
  await form.getByRole('button', { name: 'Register patient' }).click();
  const heading = page.getByRole('heading', { level: 2, name: 'Anne Rossy' });
  await expect(heading).toBeFocused();

  // The history form: its first answer has the cursor; saving returns the focus to the chart.
  await page.getByRole('tab', { name: 'Medical history' }).click();
  await page.getByRole('link', { name: 'Take medical history' }).click();
  const history = page.getByRole('form', { name: 'Save medical history' });
  await expect(history.locator('input:not([type="hidden"])').first()).toBeFocused();
  expect(await seriousViolations(page), 'history form').toEqual([]);
  await history.getByRole('button', { name: 'Save medical history' }).click();
  await expect(page).toHaveURL(/\?tab=history$/);
  await expect(heading).toBeFocused();

  // Saves in a row: the messages stack at the bottom, never over the alerts strip or the tabs.
  const alerts = page.getByRole('region', { name: 'Alerts' });
  const seen: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page
      .getByRole('form', { name: 'Edit details' })
      .getByRole('button', { name: 'Save' })
      .click();
    await expect(page.getByRole('form', { name: 'Edit details' })).toHaveCount(0);
    seen.push(await stackedAfterSave(page, [alerts, page.getByRole('tablist')]));
  }
  expect(Math.max(...seen)).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: 'test-results/screenshots/chart-messages-stacked.png' });
  // The consents' status badges keep their whole words ("Not asked", not "NOT ASK…").
  await expectWholeBadges(
    page.getByRole('region', { name: 'Consents' }).locator('.mantine-Badge-root'),
  );
  expect(await seriousViolations(page), 'chart').toEqual([]);
});

test('messages after several saves in Settings leave the tabs, Backups among them, uncovered', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const save = page.getByRole('form', { name: 'Clinic' }).getByRole('button', { name: 'Save' });
  const tabs = page.getByRole('tablist');
  const seen: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    await save.click();
    seen.push(
      await stackedAfterSave(page, [
        tabs,
        page.getByRole('tab', { name: 'Backups' }),
        page.getByRole('banner'),
      ]),
    );
  }
  // Several stacked, at most three at once.
  expect(Math.max(...seen)).toBeGreaterThanOrEqual(2);
  await screenshot(page, 'settings-messages-stacked');
  // The pointer off the Save button: its hovered shade is a finding of its own, not this check's.
  await page.mouse.move(0, 0);
  expect(await seriousViolations(page), 'settings').toEqual([]);
  // They close by themselves.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
});

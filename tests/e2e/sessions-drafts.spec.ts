import type { Page } from '@playwright/test';
import { test, expect } from '../support/fixtures';
import { call, expectSignedIn, screenshot, seriousViolations, signIn } from '../support/flows';
import {
  PRACTITIONER,
  saveCompleteDraft,
  seedTreatmentDay,
  startDraft,
} from '../support/session-seed';
import { expectWholeBadges } from '../support/whole-badges';

/** Clicks a point of the face diagram's drawing (its viewBox is 300 × 420). */
async function clickFace(page: Page, x: number, y: number) {
  const box = await page.getByRole('group', { name: 'Face and neck' }).boundingBox();
  if (!box) throw new Error('the face diagram is not on screen');
  const scale = box.width / 300;
  await page.mouse.click(box.x + x * scale, box.y + y * scale);
}

test('an unsigned draft stays in the chart, is resumed, and once abandoned with a reason stays marked', async ({
  page,
  services,
}) => {
  test.slow();
  const { product, patient } = await seedTreatmentDay(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  const draft = await startDraft(services, patient.id, product.id);

  // The chart names the unsigned draft, with its date, in the notice, the list and the timeline.
  await page.goto(`/#/patients/${patient.id}?tab=sessions`);
  const notice = page.getByTestId('open-draft');
  await expect(notice).toContainText(/^Draft of .+ by Inès Moreau/);
  const list = page.getByRole('table', { name: 'Sessions' });
  await expect(list.getByTestId('session-status')).toHaveText(['Draft — not signed']);
  const timeline = page.getByLabel('Timeline');
  await expect(timeline.getByText('Session (Draft — not signed)', { exact: true })).toBeVisible();
  await expectWholeBadges(list.getByTestId('session-status'));
  await screenshot(page, 'draft-in-chart');
  expect(await seriousViolations(page), 'sessions tab').toEqual([]);

  // Resumed from the notice: the note opens with the cursor on its first field.
  await notice.getByRole('link', { name: 'Open the draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${draft.id}$`));
  const form = page.getByRole('form', { name: 'Session note' });
  const diagram = form.getByTestId('body-diagram');
  await expect(diagram.getByRole('checkbox', { name: 'Scalp' })).toBeFocused();

  // Under the jaw's corner, outside the thin drawn band: the jawline is chosen all the same.
  const jawline = diagram.getByRole('checkbox', { name: 'Jawline' });
  await expect(jawline).toHaveAttribute('aria-checked', 'false');
  await clickFace(page, 96, 240);
  await expect(jawline).toHaveAttribute('aria-checked', 'true');
  // And under the chin, again outside the drawing.
  await clickFace(page, 150, 243);
  await expect(jawline).toHaveAttribute('aria-checked', 'false');
  await clickFace(page, 204, 240);
  await expect(jawline).toHaveAttribute('aria-checked', 'true');
  // The cheeks and the mouth above it still answer as themselves.
  await clickFace(page, 150, 222);
  await expect(diagram.getByRole('checkbox', { name: 'Perioral' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(jawline).toHaveAttribute('aria-checked', 'true');
  await page
    .getByRole('group', { name: 'Face and neck' })
    .screenshot({ path: 'test-results/screenshots/draft-jawline-chosen.png' });
  await expect(page.getByTestId('save-status')).toHaveText(/Draft saved at/);
  expect(await seriousViolations(page), 'session note').toEqual([]);

  // Abandoning asks why; a blank reason is refused next to the field.
  await form.getByRole('button', { name: 'Abandon draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Abandon this draft?' });
  await expect(dialog.getByLabel('Why is this draft abandoned?')).toBeFocused();
  await dialog.getByRole('button', { name: 'Abandon draft' }).click();
  await expect(dialog.getByText('Say why the draft is abandoned')).toBeVisible();
  await dialog
    .getByLabel('Why is this draft abandoned?')
    .fill('Patient felt unwell before the first pass');
  await screenshot(page, 'draft-abandon-dialog');
  expect(await seriousViolations(page), 'abandon dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Abandon draft' }).click();

  // Still in the chart, marked abandoned with the reason; nothing is left open.
  await expect(page).toHaveURL(new RegExp(`/patients/${patient.id}/treatments$`));
  await expect(list.getByTestId('session-status')).toHaveText(['Abandoned']);
  await expect(list).toContainText('Reason: Patient felt unwell before the first pass');
  await expect(
    timeline.getByText(
      'Session (Abandoned): Jawline, Perioral — Reason: Patient felt unwell before the first pass',
    ),
  ).toBeVisible();
  await expect(page.getByTestId('open-draft')).toHaveCount(0);
  await expectWholeBadges(list.getByTestId('session-status'));
  await screenshot(page, 'draft-abandoned-in-chart');
  expect(await seriousViolations(page), 'treatments page').toEqual([]);

  await list.getByRole('link').first().click();
  const abandoned = page.getByRole('alert').filter({ hasText: 'Abandoned draft — not signed' });
  await expect(abandoned).toContainText(
    /Abandoned by Inès Moreau on .+\. Reason: Patient felt unwell before the first pass/,
  );
  await screenshot(page, 'draft-abandoned-session');
  expect(await seriousViolations(page), 'abandoned session').toEqual([]);
  const row = services.state.store.sqlite
    .prepare('SELECT status, abandon_reason FROM treatment_session WHERE id = ?')
    .get(draft.id);
  expect(row).toEqual({
    status: 'abandoned',
    abandon_reason: 'Patient felt unwell before the first pass',
  });
});

test('signing puts the focus on the signed session; status badges keep their whole word, also in a narrow window', async ({
  page,
  services,
}) => {
  test.slow();
  const { product, lot, patient } = await seedTreatmentDay(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  const first = await startDraft(services, patient.id, product.id);
  await call(services, 'sessions.abandon', {
    id: first.id,
    reason: 'Started on the wrong patient',
  });
  const session = (await call(services, 'sessions.start', {
    patientId: patient.id,
    courseId: null,
    plannedProductIds: [product.id],
  })) as { id: string };
  await saveCompleteDraft(services, session.id, product.id, lot.id);

  await page.goto(`/#/patients/${patient.id}/sessions/${session.id}`);
  await page.getByRole('button', { name: 'Sign session' }).click();
  await page.getByRole('button', { name: 'Sign and lock' }).click();
  await expect(page.getByText('Signed and locked')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Session of / })).toBeFocused();

  for (const width of [1280, 900, 700]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/#/patients/${patient.id}?tab=sessions`);
    const list = page.getByRole('table', { name: 'Sessions' });
    await expect(list.getByTestId('session-status')).toHaveText(['Signed', 'Abandoned']);
    await expectWholeBadges(list.getByTestId('session-status'));
    await list.screenshot({ path: `test-results/screenshots/sessions-badges-${width}.png` });
  }
});

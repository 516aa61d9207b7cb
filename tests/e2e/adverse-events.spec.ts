import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '../support/fixtures';
import { call, expectSignedIn, screenshot, seriousViolations, signIn } from '../support/flows';
import {
  PRACTITIONER,
  saveCompleteDraft,
  seedTreatmentDay,
  startDraft,
} from '../support/session-seed';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/photos');

test('an adverse event records the areas it concerns and links the patient’s photos', async ({
  page,
  services,
  host,
}) => {
  test.setTimeout(240_000);
  const { product, lot, patient } = await seedTreatmentDay(services);
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  await call(services, 'consents.record', {
    patientId: patient.id,
    kind: 'photos-record',
    decision: 'given',
    note: '',
  });
  const draft = await startDraft(services, patient.id, product.id);
  await saveCompleteDraft(services, draft.id, product.id, lot.id);
  await call(services, 'sessions.sign', { id: draft.id });
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  // A photo of the reaction, taken after the session.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mesochart-ae-photo-'));
  const photo = path.join(scratch, 'bruise.jpg');
  copyFileSync(path.join(FIXTURES, 'orientation-8.jpg'), photo);
  await page.goto(`/#/patients/${patient.id}?tab=photos`);
  host.nextPickedPhotos = [photo];
  await page.getByRole('button', { name: 'Add photos' }).click();
  await expect(page.getByRole('region', { name: 'Import summary' })).toContainText(
    '1 photo imported',
    { timeout: 60_000 },
  );
  rmSync(scratch, { recursive: true, force: true });

  await page.goto(`/#/patients/${patient.id}/sessions/${draft.id}`);
  await page.getByRole('button', { name: 'Record adverse event' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record adverse event' });
  await dialog.getByRole('textbox', { name: 'Kind', exact: true }).click();
  await page.getByRole('option', { name: 'Bruising', exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Treated areas it concerns' }).click();
  await page.getByRole('option', { name: 'Cheeks', exact: true }).click();
  await page.getByRole('option', { name: 'Jawline', exact: true }).click();
  // Escape closes the list, which otherwise covers the next field.
  await page.keyboard.press('Escape');
  // From the keyboard, as the field's own box takes the pointer's click.
  await dialog.getByRole('textbox', { name: 'Photos that show it' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: / · .* · .* · / }).click();
  await page.keyboard.press('Escape');
  await dialog.getByLabel('Action taken').fill('Arnica gel, cold compress');
  await screenshot(page, 'adverse-event-areas-photos-form');
  expect(await seriousViolations(page), 'adverse event form').toEqual([]);
  await dialog.getByRole('button', { name: 'Record adverse event' }).click();

  const recorded = page.getByTestId('adverse-event');
  await expect(recorded).toContainText('Bruising');
  await expect(recorded).toContainText('Areas: Cheeks, Jawline');
  await expect(page.getByTestId('adverse-event-photos')).toContainText(/Photos: .+ · .+ · /);
  await screenshot(page, 'adverse-event-areas-photos');
});

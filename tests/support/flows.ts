import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import { APP_TEST_ORIGIN } from './origin';
import path from 'node:path';

export const ADMIN = {
  username: 'amira.admin',
  displayName: 'Amira Haddad',
  password: 'correct horse battery',
};
export const CLINIC = {
  name: 'Clinique Lumière',
  address: '12 Rue des Fleurs, Lyon',
  phone: '+33 4 72 00 00 00',
  email: 'contact@lumiere.example',
  logo: null,
};

const trusted = { url: `${APP_TEST_ORIGIN}/index.html`, isMainFrame: true };

/** Calls an operation directly on the services, as the app's own window would. */
export async function call(services: MesochartServices, operation: string, input: unknown = {}) {
  const result = await services.dispatch(trusted, operation, input);
  if (!result.ok)
    throw new Error(`${operation} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** One yes/no question of the history form answered (or read): 'Yes', 'No' or 'Not asked'. */
export function historyAnswer(form: Locator, question: string, answer: string): Locator {
  return form
    .getByRole('radiogroup', { name: question, exact: true })
    .getByRole('radio', { name: answer, exact: true });
}

/** A set-up clinic with nobody signed in: the starting point of most tests. */
export async function seedClinic(
  services: MesochartServices,
  staff: { username: string; displayName: string; role: string; password: string }[] = [],
) {
  await call(services, 'auth.setup', { clinic: CLINIC, admin: ADMIN });
  for (const member of staff) await call(services, 'staff.create', member);
  await call(services, 'auth.signOut');
}

export async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join('test-results', 'screenshots', `${name}.png`),
    fullPage: true,
  });
}

export async function expectSignedIn(page: Page, displayName: string) {
  await expect(page.getByTestId('signed-in-user')).toHaveText(displayName);
}

/** Serious and critical WCAG A/AA problems: what stops a screen-reader or keyboard user. */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.any[0]?.message ?? ''})`).join(', ')}`,
    );
}

/**
 * A consent for the procedure, generated and confirmed as signed on paper, through the real
 * operations: the service refuses to start or sign a session without one.
 */
export async function recordConsent(
  services: MesochartServices,
  patientId: string,
  productIds: string[],
  procedureKind = 'skin-rejuvenation',
) {
  const practitioner = services.state.store.sqlite
    .prepare("SELECT id FROM staff_user WHERE role = 'practitioner' ORDER BY rowid LIMIT 1")
    .get() as { id: string };
  const doc = (await call(services, 'documents.generateConsent', {
    patientId,
    procedureKind,
    practitionerId: practitioner.id,
    productIds,
    otherProducts: [],
    plannedSessions: 4,
    intervalDays: 14,
  })) as { id: string };
  await call(services, 'documents.confirmPaperSignature', { documentId: doc.id, note: '' });
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

const SEBNEM = {
  givenName: 'Şebnem',
  familyName: 'Yılmaz',
  dateOfBirth: '1986-04-12',
  sex: 'female',
  phone: '+90 532 123 45 67',
  email: 'sebnem@example.com',
  address: '',
  preferredLanguage: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
  referralSource: '',
};
const ZOE = {
  ...SEBNEM,
  givenName: 'Zoé',
  familyName: 'Martin',
  phone: '+33 6 12 34 56 78',
  email: 'zoe@example.com',
};

test('audit log: a manager reads who did what to which patient, filters by name or number, and exports', async ({
  page,
  services,
  host,
}) => {
  await seedClinic(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, 'a wrong password');
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectSignedIn(page, ADMIN.displayName);
  const sebnem = (await call(services, 'patients.create', SEBNEM)) as {
    id: string;
    clinicNumber: string;
  };
  const zoe = (await call(services, 'patients.create', ZOE)) as {
    id: string;
    clinicNumber: string;
  };
  await call(services, 'chart.open', { patientId: sebnem.id });
  await call(services, 'chart.open', { patientId: zoe.id });
  await page.getByRole('link', { name: 'Audit log' }).click();

  // The chain check is the first thing on the page, without a click.
  await expect(
    page.getByRole('status').filter({ hasText: 'The audit log is intact' }),
  ).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit events' });
  await expect(table.getByRole('row', { name: /Signed in.*Failed/ })).toBeVisible();
  await expect(
    table.getByRole('row', { name: /Amira Haddad.*Set up the clinic.*Done/ }),
  ).toBeVisible();
  const opened = table.getByRole('row', { name: /Opened a chart/ });
  await expect(opened).toHaveCount(2);
  await expect(
    table.getByRole('row', {
      name: new RegExp(`Opened a chart.*Şebnem Yılmaz · ${sebnem.clinicNumber}`),
    }),
  ).toBeVisible();
  await expect(table).not.toContainText('chart.open');
  await expect(table).not.toContainText(sebnem.id);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'audit-log');

  // By name typed without its accents, then by clinic number.
  const patient = page.getByRole('textbox', { name: 'Patient' });
  await patient.fill('yilmaz');
  await expect(opened).toHaveCount(1);
  await expect(table).not.toContainText('Zoé Martin');
  await expect(
    table.getByRole('row', { name: /Registered a patient.*Şebnem Yılmaz/ }),
  ).toBeVisible();
  await screenshot(page, 'audit-log-by-patient');
  await patient.fill(zoe.clinicNumber);
  await expect(opened).toHaveCount(1);
  await expect(opened).toContainText('Zoé Martin');

  // CSV of what is on screen, in plain words.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain('"Opened a chart"');
  expect(csv).toContain(`"${zoe.clinicNumber}"`);
  expect(csv).not.toContain('Şebnem');
  await expect(page.getByText(/2 events exported to audit-log-/)).toBeVisible();

  // PDF for an inspection, to the file chosen in the save dialog.
  const outside = mkdtempSync(path.join(os.tmpdir(), 'mesochart-e2e-audit-'));
  try {
    host.nextSavePath = path.join(outside, 'inspection.pdf');
    await page.getByRole('button', { name: 'Export PDF for an inspection' }).click();
    await expect(page.getByText('2 events saved as a PDF of 1 page(s)')).toBeVisible();
    const text = execFileSync('pdftotext', ['-layout', host.nextSavePath, '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('Audit chain verified: intact');
    expect(text).toMatch(/Opened a chart\s+Zoé Martin/);
    expect(text).not.toContain('Şebnem');
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});

test('audit log: a tampered trail is announced at the top', async ({ page, services }) => {
  await seedClinic(services);
  await services.state.auditQueue.flush();
  const db = services.state.store.sqlite;
  db.exec('DROP TRIGGER audit_event_no_update;');
  db.prepare("UPDATE audit_event SET username = 'someone-else' WHERE seq = 1").run();
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Audit log' }).click();
  const status = page.getByRole('status').filter({ hasText: 'tampered with' });
  await expect(status).toBeVisible();
  await expect(status).toContainText('The first broken link is at event 1');
  await screenshot(page, 'audit-log-broken');
});

/**
 * Settings > Server: the admin moves a small single-computer clinic, with real photos and an
 * archived consent, into an empty database of a throwaway PostgreSQL cluster; every table, file
 * and the audit chain are checked there, and this computer keeps working on its own record, which
 * the move only read. Then a treatment room's computer, holding the clinic's keys, opens the moved
 * clinic on the server and shows the photos and the consent from the server's sealed copies.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  recordConsent,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
} from '../support/flows';
import { patient } from '../support/diary-seed';
import { PHOTO_FIXTURES } from '../support/dated-photos';
import { PRACTITIONER } from '../support/session-seed';
import { APP_TEST_ORIGIN } from '../support/origin';
import {
  OWNER_ROLE,
  RUNTIME_ROLE,
  startCluster,
  type TestCluster,
} from '../support/postgres-cluster';
import { createRoles, workstation } from '../support/server-workstation';
import { openKeys } from '../../electron/services/keys/keyring';
import type { MesochartServices } from '../../electron/services/app';

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

// The recovery key stays readable until confirmed: the treatment room opens the keys with it.
test.use({ keepRecoveryKey: true });

const SHOTS = '/tmp/shots/pg-move-bench';
const PHOTOS = ['orientation-8.jpg', 'iphone4s-gps.jpg'];

/** Two real photos of the patient, imported as an earlier visit did, through the services. */
async function importPhotos(services: MesochartServices, patientId: string) {
  let job = (await call(services, 'photos.startImport', {
    patientId,
    files: services.state.fileTokens.register(
      'photos',
      PHOTOS.map((name) => path.join(PHOTO_FIXTURES, name)),
    ),
    tags: { phase: 'before', area: 'full-face', view: 'front', sessionId: null },
  })) as { id: string; status: string; imported?: number };
  while (job.status === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    job = (await call(services, 'photos.importStatus', { jobId: job.id })) as typeof job;
  }
  return (await call(services, 'photos.list', { patientId })) as { id: string }[];
}

test('the admin moves this clinic with its photos and consent to an empty server database, sees it checked, and a room opens it there', async ({
  page,
  services,
  dataDir,
  browser,
}) => {
  test.setTimeout(300_000);
  const { recoveryKey } = (await call(services, 'keys.recoveryKey')) as { recoveryKey: string };
  await call(services, 'keys.confirmRecoveryKey');
  await seedClinic(services, [PRACTITIONER]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(
    services,
    'patients.create',
    patient('Anna', 'Rossi', '+39 06 1234 5678', '1986-04-12'),
  );
  const sebnem = (await call(services, 'patients.create', {
    ...patient('Şebnem', 'Yılmaz', '+90 532 123 45 67', '1979-11-03'),
    consents: ['photos-record', 'photos-other'],
  })) as { id: string };
  const product = (await call(services, 'products.create', {
    name: 'NCTF 135 HA',
    manufacturer: 'Mesoline',
    category: 'vitamins',
    ingredients: ['sodium hyaluronate'],
    allergens: [],
    defaultVolumeMl: 1.5,
  })) as { id: string };
  await call(services, 'auth.signOut');
  // The practitioner's visit: two photos from the camera and a consent signed on paper.
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  const photos = await importPhotos(services, sebnem.id);
  expect(photos).toHaveLength(2);
  await recordConsent(services, sebnem.id, [product.id]);
  // What this computer shows of them, to compare with what the server gives back.
  const thumbnails = new Map<string, string>();
  for (const p of photos) {
    const image = (await call(services, 'photos.image', { id: p.id, size: 'thumbnail' })) as {
      dataUrl: string;
    };
    thumbnails.set(p.id, image.dataUrl);
  }
  const [consent] = (await call(services, 'documents.list', { patientId: sebnem.id })) as {
    sha256: string;
  }[];
  expect(consent).toBeDefined();
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
  await expect(tables.getByRole('row', { name: /^photo 2 / })).toBeVisible();
  await screenshot(page, 'server-move-done');
  await page.screenshot({ path: `${SHOTS}/move-done.png`, fullPage: true });
  // Checked with the pointer still on the button it clicked: hovered, it keeps its contrast.
  expect(await seriousViolations(page)).toEqual([]);

  // On the server: the two patients, under the same clinic numbers.
  const server = new pg.Client({ connectionString: cluster.url('mesochart_moved', OWNER_ROLE) });
  await server.connect();
  try {
    const moved = await server.query<{ n: string }>('SELECT count(*) AS n FROM patient');
    expect(Number(moved.rows[0]?.n)).toBe(2);
    // The photos (with their thumbnails and previews) and the consent's PDF are in the database,
    // only as sealed bytes: none is a readable JPEG or PDF.
    const blobs = await server.query<{ key: string; head: Buffer }>(
      'SELECT key, substring(bytes from 1 for 4) AS head FROM file_blob',
    );
    expect(blobs.rows.filter((b) => b.key.startsWith('photos/')).length).toBeGreaterThanOrEqual(
      2 * PHOTOS.length,
    );
    expect(blobs.rows.filter((b) => b.key.startsWith('documents/'))).toHaveLength(1);
    for (const blob of blobs.rows) {
      expect(blob.head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
      expect(blob.head.toString('latin1')).not.toBe('%PDF');
    }
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

  // A treatment room's computer: the clinic's keys opened with the recovery sheet, its own empty
  // data folder, the workstations' connection to the server.
  const keys = await openKeys(dataDir, { kind: 'recovery', recoveryKey });
  const room = await workstation(
    browser,
    cluster.url('mesochart_moved', RUNTIME_ROLE),
    keys.auditKey,
    keys.dataKey,
  );
  try {
    const roomPage = room.page;
    await roomPage.goto(`${APP_TEST_ORIGIN}/`);
    await signIn(roomPage, PRACTITIONER.username, PRACTITIONER.password);
    await expect(roomPage.getByTestId('signed-in-user')).toHaveText(PRACTITIONER.displayName);
    expect(room.services.state.store.dialect).toBe('postgres');
    await roomPage
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Patients' })
      .click();
    await roomPage.getByRole('combobox', { name: 'Search patients' }).fill('sebnem');
    await roomPage
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: /Yılmaz, Şebnem/ })
      .click();
    await expect(roomPage.getByRole('heading', { name: 'Şebnem Yılmaz' })).toBeVisible();

    // Her photos, decrypted from the server's sealed copies: the same thumbnails, drawn.
    await roomPage.getByRole('tab', { name: 'Photos' }).click();
    const cards = roomPage.getByTestId('photo-card');
    await expect(cards).toHaveCount(2);
    for (const card of await cards.all()) {
      const img = card.locator('img');
      await expect(img).toBeVisible();
      await expect
        .poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth))
        .toBeGreaterThan(0);
    }
    const shown = await cards
      .locator('img')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    expect(new Set(shown)).toEqual(new Set(thumbnails.values()));
    await roomPage.screenshot({ path: `${SHOTS}/room-photos.png`, fullPage: true });
    await cards
      .first()
      .getByRole('button', { name: /Open photo/ })
      .click();
    const details = roomPage.getByRole('dialog', { name: 'Photo details' });
    const preview = details.locator('img').first();
    await expect(preview).toBeVisible();
    await expect
      .poll(() => preview.evaluate((i: HTMLImageElement) => i.naturalWidth))
      .toBeGreaterThan(0);
    await roomPage.screenshot({ path: `${SHOTS}/room-photo-details.png`, fullPage: true });
    await roomPage.keyboard.press('Escape');
    await expect(details).toBeHidden();

    // Her consent, its archived file checked against its hash and opened to print.
    await roomPage.getByRole('tab', { name: 'Documents' }).click();
    const row = roomPage.getByTestId('document-row').first();
    await expect(row).toContainText('Consent form');
    await expect(row.getByTestId('file-check')).toHaveText('Hash matches');
    await expect(roomPage.getByTestId('consent-validity-skin-rejuvenation')).toContainText('Valid');
    await row.getByRole('button', { name: 'Open to print' }).click();
    await expect.poll(() => room.host.opened.length).toBe(1);
    const opened = room.host.opened[0]!;
    expect(createHash('sha256').update(readFileSync(opened)).digest('hex')).toBe(consent!.sha256);
    expect(execFileSync('pdftotext', [opened, '-'], { encoding: 'utf8' })).toContain('Yılmaz');
    await roomPage.screenshot({ path: `${SHOTS}/room-documents.png`, fullPage: true });
    expect(room.errors, 'uncaught errors in the room').toEqual([]);
  } finally {
    await room.close();
  }
});

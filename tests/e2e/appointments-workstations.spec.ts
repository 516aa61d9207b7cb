/**
 * Another user changes a booking: the front desk and the treatment room are two computers, each
 * its own services instance, on one clinic database (a throwaway PostgreSQL cluster). The room's
 * diary and its Today list, open in two windows, follow the desk's move and cancellation heard
 * from the server (LISTEN/NOTIFY into the room's change feed), without reloading.
 */
import { test, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { APP_TEST_ORIGIN } from '../support/origin';
import { call, screenshot, signIn } from '../support/flows';
import {
  INES,
  RECEPTIONIST,
  chooseView,
  localDay,
  openDiary,
  seedDiary,
} from '../support/diary-seed';
import { RUNTIME_ROLE, startCluster, type TestCluster } from '../support/postgres-cluster';
import {
  boundPage,
  createClinicDatabase,
  createRoles,
  workstation,
} from '../support/server-workstation';
import '../support/password-cost';

let cluster: TestCluster;

test.beforeAll(async () => {
  cluster = await startCluster();
  await createRoles(cluster);
});

test.afterAll(() => {
  cluster?.stop();
});

async function markLoaded(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __sameLoad?: boolean }).__sameLoad = true;
  });
}

const sameLoad = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad === true);

test('the treatment room’s diary and Today list follow the desk’s move and cancellation without reloading', async ({
  browser,
}) => {
  // Two computers' sign-ins and a cluster on a busy machine.
  test.setTimeout(240_000);
  const auditKey = randomBytes(32);
  await createClinicDatabase(cluster, 'mesochart_diary');
  const url = cluster.url('mesochart_diary', RUNTIME_ROLE);
  const desk = await workstation(browser, url, auditKey);
  await seedDiary(desk.services);
  const room = await workstation(browser, url, auditKey);
  // The room's second window: Inès's Today list beside her diary.
  const todayWindow = await boundPage(
    browser,
    (sender, operation, input) => room.services.dispatch(sender, operation, input),
    (listener) => room.services.state.changes.subscribe(listener),
  );
  try {
    await room.page.goto(`${APP_TEST_ORIGIN}/`);
    await signIn(room.page, INES.username, INES.password);
    await expect(room.page.getByTestId('signed-in-user')).toHaveText(INES.displayName);
    await openDiary(room.page);
    await chooseView(room.page, 'Day');
    const calendar = room.page.getByRole('region', { name: 'Appointments' });
    const anna = calendar.locator('.ec-event', { hasText: 'Anna Rossi' });
    await expect(anna).toContainText('9:00 – 9:45');

    const today = todayWindow.page;
    await today.goto(`${APP_TEST_ORIGIN}/`);
    await expect(today.getByTestId('signed-in-user')).toHaveText(INES.displayName);
    await today.getByRole('link', { name: 'Today' }).click();
    const mine = today.getByRole('table', { name: 'My appointments today' });
    await expect(mine.getByRole('row')).toHaveCount(2);
    await expect(mine.getByRole('row').nth(1)).toContainText('09:00–09:45');
    for (const page of [room.page, today]) await markLoaded(page);

    // The desk, on its own computer, moves Anna to 10:00 (the drag itself is appointments.spec's).
    await desk.page.goto(`${APP_TEST_ORIGIN}/`);
    await signIn(desk.page, RECEPTIONIST.username, RECEPTIONIST.password);
    await expect(desk.page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
    const visits = (await call(desk.services, 'appointments.list', {
      from: localDay(),
      to: localDay(),
    })) as { id: string; patientName: string }[];
    const annaVisit = visits.find((v) => v.patientName === 'Anna Rossi');
    await call(desk.services, 'appointments.move', {
      id: annaVisit?.id,
      startsAt: `${localDay()}T10:00`,
    });
    await expect(anna).toContainText('10:00 – 10:45', { timeout: 5_000 });
    await expect(mine.getByRole('row').nth(1)).toContainText('10:00–10:45', { timeout: 5_000 });
    await screenshot(room.page, 'appointments-workstations-room-diary-moved');

    // The desk cancels the visit from its Today list, with the patient's reason.
    await desk.page.getByRole('link', { name: 'Today' }).click();
    await desk.page
      .getByRole('button', { name: 'Change the status of Anna Rossi’s visit' })
      .click();
    const dialog = desk.page.getByRole('dialog', { name: 'Anna Rossi' });
    await dialog.getByLabel(/Reason/).fill('Fever since last night, will call back');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();

    // The room's diary drops the visit; its Today list shows it cancelled, with the reason.
    await expect(anna).toHaveCount(0, { timeout: 5_000 });
    await expect(today.getByText('Nothing is booked for today.')).toBeVisible({ timeout: 5_000 });
    const closed = today.getByRole('table', { name: 'Cancelled or missed today' });
    await expect(closed.getByRole('row').nth(1)).toContainText('Anna Rossi');
    await expect(closed.getByRole('row').nth(1)).toContainText('Cancelled');
    await expect(closed.getByRole('row').nth(1)).toContainText(
      'Fever since last night, will call back',
    );
    await screenshot(today, 'appointments-workstations-room-today-cancelled');
    await screenshot(room.page, 'appointments-workstations-room-diary-cancelled');

    for (const page of [room.page, today]) {
      expect(await sameLoad(page), 'the room’s windows were never reloaded').toBe(true);
    }
    expect(desk.errors, 'uncaught errors at the desk').toEqual([]);
    expect(room.errors, 'uncaught errors in the room’s diary').toEqual([]);
    expect(todayWindow.errors, 'uncaught errors in the room’s Today window').toEqual([]);
  } finally {
    await todayWindow.context.close();
    await room.close();
    await desk.close();
  }
});

/**
 * A clinic on a PostgreSQL server: two workstations, each its own services instance (as two
 * computers each run their own app), on one database of a throwaway cluster. The front desk's
 * page is bound to one, the treatment room's to the other; what the desk writes reaches the room
 * only through the server (LISTEN/NOTIFY into the room's change feed), never through shared memory.
 */
import { test, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { APP_TEST_ORIGIN } from '../support/origin';
import { call, screenshot, signIn } from '../support/flows';
import { INES, RECEPTIONIST, localDay, openDiary, patient, seedDiary } from '../support/diary-seed';
import { RUNTIME_ROLE, startCluster, type TestCluster } from '../support/postgres-cluster';
import {
  boundPage,
  createClinicDatabase,
  createRoles,
  fillRegisterForm,
  workstation,
} from '../support/server-workstation';
import '../support/password-cost';

const DATABASE = 'mesochart_clinic';

let cluster: TestCluster;

test.beforeAll(async () => {
  cluster = await startCluster();
  await createRoles(cluster);
});

test.afterAll(() => {
  cluster?.stop();
});

test('the desk registers and books a patient; the treatment room sees her without reloading and opens her chart', async ({
  browser,
}) => {
  // Two computers' sign-ins and a cluster on a busy machine.
  test.setTimeout(240_000);
  const auditKey = randomBytes(32);
  await createClinicDatabase(cluster, DATABASE);
  const url = cluster.url(DATABASE, RUNTIME_ROLE);
  const desk = await workstation(browser, url, auditKey);
  // The desk sets the clinic up; the room's computer connects to it afterwards, as it would.
  await seedDiary(desk.services);
  const room = await workstation(browser, url, auditKey);
  try {
    // The treatment room: Inès's own list for today, on the other computer.
    await room.page.goto(`${APP_TEST_ORIGIN}/`);
    await signIn(room.page, INES.username, INES.password);
    await expect(room.page.getByTestId('signed-in-user')).toHaveText(INES.displayName);
    await room.page.getByRole('link', { name: 'Today' }).click();
    const mine = room.page.getByRole('table', { name: 'My appointments today' });
    await expect(mine.getByRole('row')).toHaveCount(2);
    await room.page.evaluate(() => {
      (window as unknown as { __sameLoad?: boolean }).__sameLoad = true;
    });

    // The front desk registers Şebnem Yılmaz and books her with Inès at 15:00.
    const page = desk.page;
    const form = await fillRegisterForm(page, {
      givenName: 'Şebnem',
      familyName: 'Yılmaz',
      dateOfBirth: '1986-04-12',
      phone: '+90 532 123 45 67',
    });
    await form.getByRole('button', { name: 'Register patient' }).click();
    await expect(page.getByRole('heading', { name: 'Şebnem Yılmaz' })).toBeVisible();

    await openDiary(page);
    await page.getByRole('button', { name: 'New appointment' }).click();
    const booking = page.getByRole('dialog', { name: 'New appointment' });
    await booking.getByRole('textbox', { name: 'Patient' }).fill('Yılmaz');
    await page.getByRole('option', { name: /Şebnem Yılmaz/ }).click();
    await booking.getByRole('textbox', { name: 'Practitioner' }).click();
    await page.getByRole('option', { name: INES.displayName }).click();
    await booking.getByLabel('Date').fill(localDay());
    await booking.getByLabel('Start time').fill('15:00');
    await booking.getByRole('button', { name: 'Book' }).click();
    await expect(booking).toBeHidden();

    // The room's list gains her row, heard from the server: the page was not reloaded.
    await expect(mine.getByRole('row')).toHaveCount(3, { timeout: 5_000 });
    await expect(mine.getByRole('row').nth(2)).toContainText('Şebnem Yılmaz');
    expect(
      await room.page.evaluate(
        () => (window as unknown as { __sameLoad?: boolean }).__sameLoad === true,
      ),
    ).toBe(true);
    await screenshot(room.page, 'clinic-server-room-today');

    // And the room opens her chart, found as typed without the Turkish letters.
    await room.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Patients' })
      .click();
    const search = room.page.getByRole('combobox', { name: 'Search patients' });
    await search.fill('sebnem yilmaz');
    const found = room.page
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: /Yılmaz, Şebnem/ });
    await expect(found).toBeVisible();
    await found.click({ timeout: 20_000 });
    await expect(room.page.getByRole('heading', { name: 'Şebnem Yılmaz' })).toBeVisible();
    await screenshot(room.page, 'clinic-server-room-chart');

    expect(desk.errors, 'uncaught errors at the desk').toEqual([]);
    expect(room.errors, 'uncaught errors in the room').toEqual([]);
  } finally {
    await room.close();
    await desk.close();
  }
});

/**
 * Watches `page` on every frame for an element matching `selector` that shows `text`, and
 * resolves to the instant (the computer's clock) it first showed. Playwright's own retries back
 * off to a second between tries, which would be measured with it.
 */
function shownAt(page: Page, selector: string, text: string): Promise<number> {
  return page
    .waitForFunction(
      ({ selector, text }) =>
        [...document.querySelectorAll(selector)].some((e) => e.textContent?.includes(text))
          ? Date.now()
          : false,
      { selector, text },
      { polling: 'raf', timeout: 10_000 },
    )
    .then(async (handle) => (await handle.jsonValue()) as number);
}

test('a patient registered at the desk appears in the search results and the Today list the treatment room has open, without reloading', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const auditKey = randomBytes(32);
  await createClinicDatabase(cluster, 'mesochart_search');
  const url = cluster.url('mesochart_search', RUNTIME_ROLE);
  const desk = await workstation(browser, url, auditKey);
  await seedDiary(desk.services);
  const room = await workstation(browser, url, auditKey);
  // The room's second window, on the same computer: Inès's Today list beside her search.
  const todayWindow = await boundPage(
    browser,
    (sender, operation, input) => room.services.dispatch(sender, operation, input),
    (listener) => room.services.state.changes.subscribe(listener),
  );
  try {
    await room.page.goto(`${APP_TEST_ORIGIN}/`);
    await signIn(room.page, INES.username, INES.password);
    await expect(room.page.getByTestId('signed-in-user')).toHaveText(INES.displayName);
    await room.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Patients' })
      .click();
    await room.page.getByRole('combobox', { name: 'Search patients' }).fill('rossi');
    const results = room.page.getByRole('listbox', { name: 'Search results' });
    await expect(results.getByRole('option')).toHaveCount(1);
    await expect(results.getByRole('option').first()).toContainText('Rossi, Anna');

    const today = todayWindow.page;
    // Already signed in: the room's services hold one session for both its windows.
    await today.goto(`${APP_TEST_ORIGIN}/`);
    await expect(today.getByTestId('signed-in-user')).toHaveText(INES.displayName);
    await today.getByRole('link', { name: 'Today' }).click();
    const mine = today.getByRole('table', { name: 'My appointments today' });
    await expect(mine.getByRole('row')).toHaveCount(2);
    for (const page of [room.page, today]) {
      await page.evaluate(() => {
        (window as unknown as { __sameLoad?: boolean }).__sameLoad = true;
      });
    }

    // The desk registers Chiara Rossi: the room's open search gains her.
    await call(desk.services, 'auth.signIn', {
      username: RECEPTIONIST.username,
      password: RECEPTIONIST.password,
    });
    const searchShown = shownAt(room.page, '[role="listbox"] [role="option"]', 'Chiara');
    const chiara = (await call(
      desk.services,
      'patients.create',
      patient('Chiara', 'Rossi', '+39 06 9876 5432', '1990-05-05'),
    )) as { id: string };
    const registered = Date.now();
    const searchMs = (await searchShown) - registered;
    await expect(results.getByRole('option', { name: /Rossi, Chiara/ })).toBeVisible();

    // The desk books her with Inès at 16:00: her Today list gains the row.
    const practitioners = (await call(desk.services, 'appointments.practitioners')) as {
      id: string;
      displayName: string;
    }[];
    const bookedRow = shownAt(today, 'table tr', 'Chiara Rossi');
    await call(desk.services, 'appointments.book', {
      patientId: chiara.id,
      practitionerId: practitioners.find((p) => p.displayName === INES.displayName)?.id ?? '',
      roomId: 'room-1',
      treatmentTypeId: 'mesotherapy',
      startsAt: `${localDay()}T16:00`,
    });
    const booked = Date.now();
    const todayMs = (await bookedRow) - booked;
    await expect(mine.getByRole('row', { name: /Chiara Rossi/ })).toBeVisible();
    test.info().annotations.push({
      type: 'seen in the room after the desk committed',
      description: `search ${searchMs} ms, Today ${todayMs} ms`,
    });
    // A second, from the desk's acknowledged write to the row on screen (negative: the room showed
    // it before the desk's own call had returned).
    expect(searchMs).toBeLessThan(1_000);
    expect(todayMs).toBeLessThan(1_000);
    for (const page of [room.page, today]) {
      expect(
        await page.evaluate(
          () => (window as unknown as { __sameLoad?: boolean }).__sameLoad === true,
        ),
      ).toBe(true);
    }
    await screenshot(room.page, 'clinic-server-room-search-live');
    await screenshot(today, 'clinic-server-room-today-live');
    expect(desk.errors, 'uncaught errors at the desk').toEqual([]);
    expect(room.errors, 'uncaught errors in the room').toEqual([]);
    expect(todayWindow.errors, 'uncaught errors in the Today window').toEqual([]);
  } finally {
    await todayWindow.context.close();
    await room.close();
    await desk.close();
  }
});

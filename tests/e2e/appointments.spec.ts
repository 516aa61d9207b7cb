import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seriousViolations, signIn } from '../support/flows';
import { APP_TEST_ORIGIN } from '../support/origin';
import {
  chooseView,
  INES,
  localDay,
  MARC,
  openDiary,
  RECEPTIONIST,
  seedDiary as seed,
} from '../support/diary-seed';

test('reception sees today in time order, marks an arrival and books from the diary by keyboard', async ({
  page,
  services,
}) => {
  await seed(services);
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await page.getByRole('link', { name: 'Today' }).click();

  const list = page.getByRole('table', { name: "Today's appointments" });
  const rows = list.getByRole('row');
  await expect(rows.nth(1)).toContainText('09:00–09:45');
  await expect(rows.nth(1)).toContainText('Anna Rossi');
  await expect(rows.nth(1)).toContainText('History to take');
  await expect(rows.nth(1)).toContainText('Consent to sign');
  await expect(rows.nth(2)).toContainText('Bruno Keller');
  await page.getByRole('button', { name: 'Mark Anna Rossi arrived' }).click();
  await expect(rows.nth(1)).toContainText('Arrived');
  await expect(page.getByRole('button', { name: 'Mark Anna Rossi arrived' })).toHaveCount(0);
  await screenshot(page, 'appointments-today-reception');
  expect(await seriousViolations(page)).toEqual([]);

  await openDiary(page);
  const calendar = page.getByRole('region', { name: 'Appointments' });
  await expect(calendar.getByText('Anna Rossi · Inès Moreau')).toBeVisible();
  await screenshot(page, 'appointments-diary-week');

  await chooseView(page, 'Rooms');
  await expect(calendar.getByText('Room 2')).toBeVisible();
  await screenshot(page, 'appointments-diary-rooms');

  // Keyboard booking: a clash with Inès's 09:00 visit is named next to the practitioner field.
  await page.getByRole('button', { name: 'New appointment' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'New appointment' });
  await form.getByRole('textbox', { name: 'Patient' }).fill('Kel');
  await page.getByRole('option', { name: /Bruno Keller/ }).click();
  await form.getByLabel('Date').fill(localDay());
  await form.getByLabel('Start time').fill('09:15');
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(form.getByText(/Inès Moreau is already booked/).first()).toBeVisible();
  await screenshot(page, 'appointments-book-conflict');
  await form.getByLabel('Start time').fill('14:00');
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(form).toBeHidden();
  await chooseView(page, 'Day');
  await expect(calendar.getByText('Bruno Keller · Inès Moreau')).toBeVisible();
  await screenshot(page, 'appointments-diary-day');
  // The calendar's own markup included (its table roles are dropped: see calendar-a11y.ts).
  expect(await seriousViolations(page)).toEqual([]);
});

test('a drag onto a taken slot is refused and the appointment goes back', async ({
  page,
  services,
}) => {
  await seed(services);
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
  await openDiary(page);
  await chooseView(page, 'Practitioners');
  const calendar = page.getByRole('region', { name: 'Appointments' });
  const bruno = calendar.locator('.ec-event', { hasText: 'Bruno Keller' });
  const anna = calendar.locator('.ec-event', { hasText: 'Anna Rossi' });
  await expect(bruno).toBeVisible();
  // Drag Anna's 09:00 visit into Marc's column at Bruno's 11:00: Marc is busy then.
  const from = await anna.boundingBox();
  const to = await bruno.boundingBox();
  if (!from || !to) throw new Error('events not laid out');
  await page.mouse.move(from.x + 10, from.y + 5);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y + 40, { steps: 5 });
  await page.mouse.move(to.x + 10, to.y + 5, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByRole('alert')).toContainText('Not moved: Marc Petit is already booked');
  await screenshot(page, 'appointments-move-refused');
  // Back in Inès's column at 09:00 (the message above the diary pushed it down the page).
  await expect(anna).toContainText('9:00 – 9:45');
  const back = await anna.boundingBox();
  expect(Math.abs((back?.x ?? 0) - from.x)).toBeLessThan(2);

  // A drag to a free time in the same column moves it.
  const start = await anna.boundingBox();
  const hour = ((await bruno.boundingBox())?.y ?? 0) - (start?.y ?? 0);
  if (!start) throw new Error('event not laid out');
  await page.mouse.move(start.x + 10, start.y + 5);
  await page.mouse.down();
  await page.mouse.move(start.x + 10, start.y + 40, { steps: 5 });
  await page.mouse.move(start.x + 10, start.y + 5 + hour + start.height * 2, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByRole('status')).toContainText('Appointment moved to');
  await expect(anna).not.toContainText('9:00 – 9:45');
  await screenshot(page, 'appointments-moved');
});

test('the practitioners view gives each practitioner a column with their visits, and a booking lands in the right one', async ({
  page,
  services,
}) => {
  await seed(services);
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(RECEPTIONIST.displayName);
  await openDiary(page);
  await chooseView(page, 'Practitioners');
  const calendar = page.getByRole('region', { name: 'Appointments' });

  // One column per practitioner; a visit sits under its practitioner and names its room.
  const column = async (name: string) => {
    const box = await calendar.locator('.ec-col-head', { hasText: name }).boundingBox();
    if (!box) throw new Error(`no column for ${name}`);
    return box;
  };
  const inColumn = async (visit: string, practitioner: string) => {
    const head = await column(practitioner);
    const box = await calendar.locator('.ec-event', { hasText: visit }).boundingBox();
    if (!box) throw new Error(`${visit} not laid out`);
    expect(box.x).toBeGreaterThanOrEqual(head.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(head.x + head.width + 1);
  };
  await expect(calendar.locator('.ec-col-head')).toHaveText([INES.displayName, MARC.displayName]);
  await inColumn('Anna Rossi · Room 1', INES.displayName);
  await inColumn('Bruno Keller · Room 2', MARC.displayName);

  // Anna booked with Marc at 14:00 appears in Marc's column, not Inès's.
  await page.getByRole('button', { name: 'New appointment' }).click();
  const form = page.getByRole('dialog', { name: 'New appointment' });
  await form.getByRole('textbox', { name: 'Patient' }).fill('Ros');
  await page.getByRole('option', { name: /Anna Rossi/ }).click();
  await form.getByRole('textbox', { name: 'Practitioner' }).click();
  await page.getByRole('option', { name: MARC.displayName }).click();
  await form.getByRole('textbox', { name: 'Room' }).click();
  await page.getByRole('option', { name: 'Room 1' }).click();
  await form.getByLabel('Date').fill(localDay());
  await form.getByLabel('Start time').fill('14:00');
  await form.getByRole('button', { name: 'Book' }).click();
  await expect(form).toBeHidden();
  const booked = calendar.locator('.ec-event', { hasText: '2:00' });
  await expect(booked).toContainText('Anna Rossi · Room 1');
  const marc = await column(MARC.displayName);
  const box = await booked.boundingBox();
  expect(box && box.x >= marc.x - 1 && box.x + box.width <= marc.x + marc.width + 1).toBe(true);
  await expect(calendar.locator('.ec-event', { hasText: 'Anna Rossi' })).toHaveCount(2);
  // The diary scrolls to 08:00; the screenshot shows the afternoon's booking too.
  await booked.scrollIntoViewIfNeeded();
  await screenshot(page, 'appointments-diary-practitioners');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a practitioner sees only her own visits and opens the check from the list', async ({
  page,
  services,
}) => {
  await seed(services);
  await page.goto('/');
  await signIn(page, INES.username, INES.password);
  await page.getByRole('link', { name: 'Today' }).click();
  const list = page.getByRole('table', { name: 'My appointments today' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('Anna Rossi');
  await expect(list).not.toContainText('Bruno Keller');
  await screenshot(page, 'appointments-today-practitioner');
  await page.getByRole('link', { name: 'Open the check for Anna Rossi' }).click();
  await expect(page).toHaveURL(/\/patients\/[^/]+\/check$/);
});

test('the admin sets a treatment type’s length and a break; the diary books with them', async ({
  page,
  services,
}) => {
  const ids = await seed(services);
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(ADMIN.displayName);
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await page.getByRole('tab', { name: 'Diary' }).click();
  const form = page.getByRole('form', { name: 'Diary settings' });
  await expect(form.getByRole('textbox', { name: 'Room 2' })).toHaveValue('Room 2');
  await screenshot(page, 'diary-settings');
  expect(await seriousViolations(page)).toEqual([]);

  // The first treatment type becomes an hour long; today gets a lunch break.
  await expect(form.getByRole('textbox', { name: 'Treatment type 1' })).toHaveValue(/Mesotherapy/);
  await form.getByRole('spinbutton', { name: 'Minutes' }).first().fill('60');
  const weekday = new Date().toLocaleDateString('en-GB', { weekday: 'long' });
  await form.getByRole('textbox', { name: `Breaks on ${weekday}` }).fill('13:00-14:00');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Diary settings saved')).toBeVisible();

  // A booking takes the new length, and the break is refused like closed hours.
  const at = (time: string) => ({
    patientId: ids.bruno,
    practitionerId: ids.marc,
    roomId: 'room-1',
    treatmentTypeId: 'mesotherapy',
    startsAt: `${localDay()}T${time}`,
  });
  const visit = (await call(services, 'appointments.book', at('15:00'))) as { endsAt: string };
  expect(visit.endsAt).toBe(`${localDay()}T16:00`);
  const lunch = await services.dispatch(
    { url: `${APP_TEST_ORIGIN}/index.html`, isMainFrame: true },
    'appointments.book',
    at('13:15'),
  );
  expect(lunch.ok).toBe(false);
  expect(lunch.ok ? '' : lunch.error.message).toMatch(/break/i);
});

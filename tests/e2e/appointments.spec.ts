import type { Page } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seedClinic, seriousViolations, signIn } from '../support/flows';

const INES = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};
const MARC = { ...INES, username: 'marc.prac', displayName: 'Marc Petit' };
const RECEPTIONIST = {
  username: 'rita.desk',
  displayName: 'Rita Desk',
  role: 'receptionist',
  password: 'reception pass phrase',
};

function localDay(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function patient(givenName: string, familyName: string, phone: string, dateOfBirth: string) {
  return {
    givenName,
    familyName,
    dateOfBirth,
    sex: 'female',
    phone,
    email: '',
    address: '',
    preferredLanguage: 'en',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
  };
}

/** Two rooms, open every day from 08:00 to 20:00 (so the test runs any day), two visits today. */
async function seed(services: MesochartServices) {
  await seedClinic(services, [INES, MARC, RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const day = { open: '08:00', close: '20:00', breaks: [] };
  await call(services, 'appointments.updateSettings', {
    rooms: [
      { id: 'room-1', name: 'Room 1' },
      { id: 'room-2', name: 'Room 2' },
    ],
    week: Array(7).fill(day),
  });
  const anna = (await call(
    services,
    'patients.create',
    patient('Anna', 'Rossi', '+39 06 1234 5678', '1986-04-12'),
  )) as { id: string };
  const bruno = (await call(
    services,
    'patients.create',
    patient('Bruno', 'Keller', '+41 79 555 12 12', '1975-09-30'),
  )) as { id: string };
  const staff = (await call(services, 'appointments.practitioners')) as {
    id: string;
    displayName: string;
  }[];
  const ines = staff.find((s) => s.displayName === INES.displayName)?.id;
  const marc = staff.find((s) => s.displayName === MARC.displayName)?.id;
  const today = localDay();
  const book = (
    patientId: string,
    practitionerId: string | undefined,
    roomId: string,
    time: string,
  ) =>
    call(services, 'appointments.book', {
      patientId,
      practitionerId,
      roomId,
      treatmentTypeId: 'mesotherapy',
      startsAt: `${today}T${time}`,
    });
  await book(bruno.id, marc, 'room-2', '11:00');
  await book(anna.id, ines, 'room-1', '09:00');
  await call(services, 'auth.signOut');
}

/** The view switch is a segmented control: its radios are hidden behind their labels. */
async function chooseView(page: Page, name: string) {
  await page.locator('label', { hasText: new RegExp(`^${name}$`) }).click();
  await expect(page.getByRole('radio', { name })).toBeChecked();
}

async function openDiary(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Diary' })
    .click();
  await expect(page.getByRole('heading', { name: 'Diary' })).toBeVisible();
}

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
  // Two findings are inside @event-calendar/core's own markup (its grid role holds nav and
  // article children; an empty day column scrolls without focusable content); everything
  // else on the page, the events' colours included, must be clean.
  const libraryMarkup = ['aria-required-children', 'scrollable-region-focusable'];
  expect(
    (await seriousViolations(page)).filter(
      (v) => !libraryMarkup.some((id) => v.startsWith(`${id}:`)),
    ),
  ).toEqual([]);
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

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
import { localDay, patient, RECEPTIONIST } from '../support/diary-seed';

const NAMES = ['Anna Rossi', 'Bruno Keller', 'Chloé Martin', 'Dario Conti', 'Elif Yılmaz'];

test('an hour with five visits is one block in the week listing them all; Enter on it opens the rooms view of that day with each visit in its room', async ({
  page,
  services,
}) => {
  // Five practitioners in five rooms, all starting at 10:00 today.
  const staff = NAMES.map((_, i) => ({
    username: `prac.${i}`,
    displayName: `Practitioner ${i + 1}`,
    role: 'practitioner',
    password: `practitioner pass phrase ${i}`,
  }));
  await seedClinic(services, [...staff, RECEPTIONIST]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'appointments.updateSettings', {
    rooms: NAMES.map((_, i) => ({ id: `room-${i + 1}`, name: `Room ${i + 1}` })),
    week: Array(7).fill({ open: '08:00', close: '20:00', breaks: [] }),
  });
  const practitioners = (await call(services, 'appointments.practitioners')) as {
    id: string;
    displayName: string;
  }[];
  for (const [i, name] of NAMES.entries()) {
    const [given = '', family = ''] = name.split(' ');
    const p = (await call(
      services,
      'patients.create',
      patient(given, family, `+33 6 11 22 33 0${i}`, `198${i}-05-0${i + 1}`),
    )) as { id: string };
    await call(services, 'appointments.book', {
      patientId: p.id,
      practitionerId: practitioners.find((s) => s.displayName === `Practitioner ${i + 1}`)?.id,
      roomId: `room-${i + 1}`,
      treatmentTypeId: 'mesotherapy',
      startsAt: `${localDay()}T10:00`,
    });
  }
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Diary' })
    .click();
  await expect(page.getByRole('radio', { name: 'Week' })).toBeChecked();
  const calendar = page.getByRole('region', { name: 'Appointments' });

  // The week: one block for the hour, no separate visits, every patient listed in it.
  const block = calendar.locator('.diary-hour');
  await expect(block).toHaveCount(1);
  await expect(block).toContainText('5 visits');
  await expect(block.locator('.diary-visit')).toHaveCount(5);
  for (const name of NAMES) await expect(block).toContainText(name);
  await expect(calendar.locator('.ec-event:not(.diary-hour)')).toHaveCount(0);
  await screenshot(page, 'appointments-diary-week-hour-block');
  expect(await seriousViolations(page)).toEqual([]);

  // Chosen from the keyboard, it opens today's rooms view: each visit in its own room's column.
  await block.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'Rooms' })).toBeChecked();
  await expect(calendar.locator('.diary-hour')).toHaveCount(0);
  await expect(calendar.locator('.ec-event')).toHaveCount(5);
  for (const [i, name] of NAMES.entries()) {
    const head = await calendar.locator('.ec-col-head', { hasText: `Room ${i + 1}` }).boundingBox();
    const visit = await calendar.locator('.ec-event', { hasText: name }).boundingBox();
    if (!head || !visit) throw new Error(`${name} or Room ${i + 1} not laid out`);
    expect(visit.x).toBeGreaterThanOrEqual(head.x - 1);
    expect(visit.x + visit.width).toBeLessThanOrEqual(head.x + head.width + 1);
  }
  await screenshot(page, 'appointments-diary-hour-opened');
  expect(await seriousViolations(page)).toEqual([]);
});

import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seedClinic, seriousViolations, signIn } from '../support/flows';
import { INES, localDay, patient, shownDay } from '../support/diary-seed';

test('the course card books the remaining sessions: the proposal at the protocol interval, a date moved, then the booked dates on the card', async ({
  page,
  services,
}) => {
  await seedClinic(services, [INES]);
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  await call(services, 'appointments.updateSettings', {
    rooms: [{ id: 'room-1', name: 'Room 1' }],
    week: Array(7).fill({ open: '08:00', close: '20:00', breaks: [] }),
  });
  await call(services, 'auth.signOut');
  await call(services, 'auth.signIn', { username: INES.username, password: INES.password });
  const chloe = (await call(
    services,
    'patients.create',
    patient('Chloé', 'Dubois', '+33 6 12 34 56 78', '1990-05-17'),
  )) as { id: string };
  const course = (await call(services, 'courses.create', {
    patientId: chloe.id,
    indication: 'skin-ageing',
    indicationNote: '',
    areas: ['cheeks'],
    plannedSessions: 3,
    intervalDays: 21,
    protocol: {
      productIds: [],
      technique: null,
      depthMm: null,
      needleGauge: null,
      needleLengthMm: null,
    },
  })) as { id: string };
  await call(services, 'auth.signOut');

  await page.goto('/');
  await signIn(page, INES.username, INES.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(INES.displayName);
  await page.goto(`/#/patients/${chloe.id}/treatments`);
  const card = page.getByTestId('course-card');
  await card.getByRole('button', { name: 'Book remaining sessions' }).click();

  const dialog = page.getByRole('dialog', { name: 'Book the course of Chloé Dubois' });
  await dialog.getByLabel('First session on').fill(localDay(2));
  await dialog.getByRole('button', { name: 'Propose dates' }).click();
  await expect(
    dialog.getByRole('table', { name: 'Proposed sessions' }).getByRole('row'),
  ).toHaveCount(4);
  // Every 21 days from the chosen first day, at the earliest free time.
  for (const n of [1, 2, 3]) {
    await expect(dialog.getByLabel(`Date of session ${n}`)).toHaveValue(
      shownDay(localDay(2 + (n - 1) * 21)),
    );
    await expect(dialog.getByLabel(`Time of session ${n}`)).toHaveValue('08:00');
  }
  expect(await seriousViolations(page)).toEqual([]);
  // Adjusted before saving: the last session an hour later.
  await dialog.getByLabel('Time of session 3').fill('09:00');
  await screenshot(page, 'course-card-booking');
  await dialog.getByRole('button', { name: 'Book 3 sessions' }).click();
  await expect(dialog).toBeHidden();

  // The card lists the booked dates and offers no more booking.
  const booked = card.getByRole('list', { name: 'Booked sessions' }).getByRole('listitem');
  await expect(booked).toHaveCount(3);
  await expect(booked.nth(2)).toContainText('09:00');
  await expect(card.getByRole('button', { name: 'Book remaining sessions' })).toHaveCount(0);
  await screenshot(page, 'course-card-booked');
  expect(await seriousViolations(page)).toEqual([]);
  const rows = services.state.store.sqlite
    .prepare('SELECT starts_at FROM appointment WHERE course_id = ? ORDER BY starts_at')
    .all(course.id) as { starts_at: string }[];
  expect(rows.map((r) => r.starts_at)).toEqual([
    `${localDay(2)}T08:00`,
    `${localDay(23)}T08:00`,
    `${localDay(44)}T09:00`,
  ]);
});

import { test, expect } from '../support/fixtures';
import {
  ADMIN,
  call,
  expectSignedIn,
  screenshot,
  seriousViolations,
  signIn,
} from '../support/flows';
import { chooseView, openDiary, RECEPTIONIST, seedDiary } from '../support/diary-seed';

test('the diary shades closed hours and breaks in the day, week and rooms views, and each view is axe clean', async ({
  page,
  services,
}) => {
  await seedDiary(services);
  // Open 08:00–19:00 with a lunch break every day; today is closed from 17:00.
  await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const todayIndex = (new Date().getDay() + 6) % 7;
  await call(services, 'appointments.updateSettings', {
    week: Array.from({ length: 7 }, (_, i) => ({
      open: '08:00',
      close: i === todayIndex ? '17:00' : '19:00',
      breaks: [{ start: '13:00', end: '14:00' }],
    })),
  });
  await call(services, 'auth.signOut');
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await openDiary(page);
  const calendar = page.getByRole('region', { name: 'Appointments' });

  const shaded = (kind: 'closed' | 'break') => calendar.locator(`.ec-bg-event.diary-${kind}`);
  for (const view of ['Day', 'Week', 'Rooms'] as const) {
    await chooseView(page, view);
    await expect(calendar.getByText(/^Anna Rossi · Inès Moreau/)).toBeVisible();
    // Day: one break and the two closed ends of today; week: seven of each; rooms: per room.
    const days = view === 'Week' ? 7 : view === 'Rooms' ? 2 : 1;
    await expect(shaded('break')).toHaveCount(days);
    await expect(shaded('closed')).toHaveCount(2 * days);
    // Shading only: no times or titles written over the closed hours.
    await expect(calendar.locator('.ec-bg-event').filter({ hasText: /\S/ })).toHaveCount(0);
    await screenshot(page, `appointments-diary-hours-${view.toLowerCase()}`);
    expect(await seriousViolations(page)).toEqual([]);
  }
});

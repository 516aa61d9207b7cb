import type { Page } from '@playwright/test';
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
import { RECEPTIONIST, patient } from '../support/diary-seed';

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen`);
  return found;
}

/** Every item of the header on screen, inside the window and the header, and none over another. */
async function expectHeaderClear(page: Page, shot: string) {
  await screenshot(page, shot);
  const header = page.locator('header');
  const width = page.viewportSize()!.width;
  const headerBox = (await header.boundingBox())!;
  const items: [string, Box][] = [
    ['title', await box(page, '[data-testid="app-title"]')],
    ['language', await box(page, 'header [data-testid="own-language"]')],
    ['user', await box(page, '[data-testid="signed-in-user"]')],
    ['role', await box(page, 'header .mantine-Badge-root')],
  ];
  for (const [i, button] of (await header.getByRole('button').all()).entries()) {
    items.push([`button ${i}`, (await button.boundingBox())!]);
    // A squeezed button cuts its own word ("Loc", "Sign ou") without overlapping anything.
    const cut = await button.evaluate((el) =>
      [el, ...el.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth),
    );
    expect.soft(cut, `${shot}: button ${i} shows its whole label`).toBe(false);
  }
  for (const [name, b] of items) {
    expect.soft(b.x, `${shot}: ${name} starts inside the window`).toBeGreaterThanOrEqual(0);
    expect
      .soft(b.x + b.width, `${shot}: ${name} ends inside the window`)
      .toBeLessThanOrEqual(width);
    expect.soft(b.y, `${shot}: ${name} inside the header`).toBeGreaterThanOrEqual(headerBox.y);
    expect
      .soft(b.y + b.height, `${shot}: ${name} inside the header`)
      .toBeLessThanOrEqual(headerBox.y + headerBox.height);
    // The name may give way, but never to nothing.
    expect.soft(b.width, `${shot}: ${name} is visible`).toBeGreaterThan(20);
  }
  for (const [i, [a, ab]] of items.entries()) {
    for (const [b, bb] of items.slice(i + 1)) {
      expect.soft(overlaps(ab, bb), `${shot}: ${a} overlaps ${b}`).toBe(false);
    }
  }
}

test("the header's items never overlap, at 700 px and 1280 px, in English and Arabic", async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  await expectHeaderClear(page, 'header-en-1280');
  await page.setViewportSize({ width: 700, height: 800 });
  await expectHeaderClear(page, 'header-en-700');
  expect(await seriousViolations(page), 'narrow header').toEqual([]);

  await page.getByRole('textbox', { name: 'Language of my screens' }).click();
  await page.getByRole('option', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectHeaderClear(page, 'header-ar-700');
  expect(await seriousViolations(page), 'narrow header, right to left').toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectHeaderClear(page, 'header-ar-1280');
});

test("at 700 px the header's language picker shows its whole wording in English, French, Turkish and Arabic", async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.setViewportSize({ width: 700, height: 800 });
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  // Amira follows the clinic's language: the field says so, short enough to be read whole
  // ("Clinic's language (En…" was cut), with the whole wording as its tooltip.
  const shown = {
    en: ['Clinic: English', "Clinic's language (English)"],
    fr: ['Cabinet : Français', 'Langue du cabinet (Français)'],
    tr: ['Klinik: Türkçe', 'Kliniğin dili (Türkçe)'],
    ar: ['العيادة: العربية', 'لغة العيادة (العربية)'],
  } as const;
  for (const [language, [short, whole]] of Object.entries(shown)) {
    await call(services, 'clinic.updateSettings', { uiLanguage: language });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    const field = page.locator('header [data-testid="own-language"]');
    await expect(field).toHaveValue(short);
    await expect(field).toHaveAttribute('title', whole);
    const cut = await field.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(cut, `${language}: the language field shows its whole wording`).toBe(false);
    await expectHeaderClear(page, `header-language-${language}-700`);
    // The list keeps the whole wording of the choice.
    await field.click();
    await expect(page.getByRole('option', { name: whole })).toBeVisible();
    await page.keyboard.press('Escape');
  }
});

test('right to left, messages stack in the bottom-left corner, clear of the navigation and the Settings tabs', async ({
  page,
  services,
}) => {
  await seedClinic(services);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await signIn(page, ADMIN.username, ADMIN.password);
  await expectSignedIn(page, ADMIN.displayName);
  await page.getByRole('textbox', { name: 'Language of my screens' }).click();
  await page.getByRole('option', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  await page.goto('/#/settings?tab=register');
  const save = page.getByRole('button', { name: 'حفظ' });
  // Four saves: three messages at most are shown at once.
  for (let i = 0; i < 4; i++) await save.click();
  const messages = page.locator('.mantine-Notification-root');
  await expect(messages).toHaveCount(3);
  await expect(messages.first()).toContainText('حُفظت إعدادات سجل المرضى');
  await screenshot(page, 'notifications-ar');

  const width = page.viewportSize()!.width;
  const height = page.viewportSize()!.height;
  const nav = (await page.getByRole('navigation').first().boundingBox())!;
  const tabs = (await page.getByRole('tablist').boundingBox())!;
  for (const message of await messages.all()) {
    const b = (await message.boundingBox())!;
    // Bottom left: the end of a right-to-left line, away from the navigation at the right.
    expect(b.x).toBeLessThan(width / 2);
    expect(b.y + b.height).toBeGreaterThan(height / 2);
    expect(overlaps(b, nav)).toBe(false);
    expect(overlaps(b, tabs)).toBe(false);
  }
  // Each closes by itself.
  await expect(messages).toHaveCount(0, { timeout: 15_000 });
});

test("right to left, messages after saves in a chart leave the alerts strip and the chart's tabs uncovered", async ({
  page,
  services,
}) => {
  await seedClinic(services, [RECEPTIONIST]);
  await call(services, 'auth.signIn', {
    username: RECEPTIONIST.username,
    password: RECEPTIONIST.password,
  });
  const { id } = (await call(
    services,
    'patients.create',
    patient('Layla', 'Haddad', '+971 50 123 4567', '1988-03-09'),
  )) as { id: string };
  await call(services, 'auth.signOut');
  await page.setViewportSize({ width: 1280, height: 640 });
  await page.goto('/');
  await signIn(page, RECEPTIONIST.username, RECEPTIONIST.password);
  await expectSignedIn(page, RECEPTIONIST.displayName);
  await page.getByRole('textbox', { name: 'Language of my screens' }).click();
  await page.getByRole('option', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  await page.goto(`/#/patients/${id}`);
  const alerts = page.getByRole('region', { name: 'التنبيهات' });
  await expect(alerts).toBeVisible();
  const messages = page.locator('.mantine-Notification-root');
  const width = page.viewportSize()!.width;
  const covered = [alerts, page.getByRole('tablist')];
  for (let i = 0; i < 3; i += 1) {
    await page.getByRole('button', { name: 'تعديل البيانات' }).click();
    const form = page.getByRole('form', { name: 'تعديل البيانات' });
    await form.getByRole('button', { name: 'حفظ' }).click();
    await expect(form).toHaveCount(0);
    await expect(messages.first()).toBeVisible();
    // Read at one instant: each message closes by itself.
    const boxes = await messages.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    for (const b of boxes) {
      expect(b.x + b.width).toBeLessThan(width / 2);
      for (const target of covered) expect(overlaps(b, (await target.boundingBox())!)).toBe(false);
    }
  }
  await screenshot(page, 'notifications-ar-chart');
});

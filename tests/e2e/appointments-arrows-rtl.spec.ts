import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type en from '../../renderer/src/i18n/en.json';
import type enAppointments from '../../renderer/src/i18n/en-appointments.json';
import { test, expect } from '../support/fixtures';
import { ADMIN, call, screenshot, seriousViolations } from '../support/flows';
import { RECEPTIONIST, seedDiary } from '../support/diary-seed';

const catalogue = <T>(language: string, area = '') =>
  JSON.parse(
    readFileSync(path.join('renderer', 'src', 'i18n', `${language}${area}.json`), 'utf8'),
  ) as T;

/**
 * Which way a chevron drawn on the button points, read from its pixels: the tip of '>' is the
 * dark pixel farthest right on the glyph's middle row, its arms' ends are on the left.
 */
async function pointsTo(page: Page, button: Locator): Promise<'left' | 'right'> {
  const png = (await button.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data: px } = context.getImageData(0, 0, image.width, image.height);
    const dark: { x: number; y: number }[] = [];
    for (let y = 2; y < image.height - 2; y++)
      for (let x = 2; x < image.width - 2; x++) {
        const i = (y * image.width + x) * 4;
        if (px[i]! + px[i + 1]! + px[i + 2]! < 300) dark.push({ x, y });
      }
    const top = Math.min(...dark.map((p) => p.y));
    const bottom = Math.max(...dark.map((p) => p.y));
    const mid = (top + bottom) / 2;
    const mean = (ps: { x: number }[]) => ps.reduce((s, p) => s + p.x, 0) / ps.length;
    const middle = mean(dark.filter((p) => Math.abs(p.y - mid) <= 1));
    const ends = mean(dark.filter((p) => p.y <= top + 1 || p.y >= bottom - 1));
    return middle > ends ? 'right' : 'left';
  }, png);
}

for (const language of ['ar', 'en'] as const) {
  test(`${language}: the diary's previous and next arrows point the way the language reads`, async ({
    page,
    services,
  }) => {
    const words = catalogue<typeof en>(language);
    const diary = catalogue<typeof enAppointments>(language, '-appointments');
    await seedDiary(services);
    await call(services, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await call(services, 'clinic.updateSettings', { uiLanguage: language });
    await call(services, 'auth.signOut');

    await page.goto('/');
    await page.getByLabel(words.staff.username).fill(RECEPTIONIST.username);
    await page.getByLabel(words.staff.password, { exact: true }).fill(RECEPTIONIST.password);
    await page.getByRole('button', { name: words.signIn.submit }).click();
    await page.goto('/#/diary');
    await expect(page.getByRole('heading', { name: diary.diary.title })).toBeVisible();

    const calendar = page.getByTestId('diary-calendar');
    const previous = calendar.getByRole('button', { name: diary.diary.previous, exact: true });
    const next = calendar.getByRole('button', { name: diary.diary.next, exact: true });
    await expect(previous).toBeVisible();
    await expect(next).toBeVisible();
    await page.mouse.move(0, 0);
    await screenshot(page, `i18n-consistency-diary-arrows-${language}`);
    await previous.screenshot({
      path: path.join('/tmp/shots/i18n-consistency', `diary-arrows-${language}-previous.png`),
    });
    await page.locator('.ec-toolbar').screenshot({
      path: path.join('/tmp/shots/i18n-consistency', `diary-toolbar-${language}.png`),
    });

    // Arabic reads right to left: "previous" sits on the right and points right, "next" on its
    // left points left; English the mirror image.
    const at = async (button: Locator) => (await button.boundingBox())!.x;
    const rtl = language === 'ar';
    expect((await at(previous)) > (await at(next))).toBe(rtl);
    expect(await pointsTo(page, previous)).toBe(rtl ? 'right' : 'left');
    expect(await pointsTo(page, next)).toBe(rtl ? 'left' : 'right');

    // The week's day headings write today day first with no direction marks in Arabic, as the
    // date fields do (Intl's marked '6‏/12' was drawn '12/6').
    if (rtl) {
      const now = new Date();
      const heading = calendar.getByText(new RegExp(`، ${now.getDate()}/${now.getMonth() + 1}$`));
      await expect(heading).toHaveCount(1);
      expect(await heading.textContent()).not.toMatch(/[\u200E\u200F\u061C]/);
    }

    // Next moves on a week whichever side it is on.
    const title = await calendar.locator('.ec-title').textContent();
    await next.click();
    await expect(calendar.locator('.ec-title')).not.toHaveText(title ?? '');
    expect(await seriousViolations(page)).toEqual([]);
  });
}

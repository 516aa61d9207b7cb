import type { Locator, Page } from '@playwright/test';

/** A signature drawn the way a hand does: one continuous stroke across the pad. */
export async function drawSignature(page: Page, pad: Locator) {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not visible');
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  await page.mouse.move(...at(0.1, 0.6));
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    const x = 0.1 + (0.8 * i) / 24;
    const y = 0.5 + 0.3 * Math.sin(i / 2.5);
    await page.mouse.move(...at(x, y), { steps: 2 });
  }
  await page.mouse.up();
}

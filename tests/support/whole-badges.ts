import { expect, type Locator } from '@playwright/test';

/** Every badge shows its whole text: none, nor its label, is cut off by an ellipsis. */
export async function expectWholeBadges(badges: Locator) {
  await expect(badges.first()).toBeVisible();
  const cut = await badges.evaluateAll((els) =>
    els.flatMap((el) =>
      [el, ...Array.from(el.querySelectorAll('span'))]
        .filter((x) => x.scrollWidth > x.clientWidth)
        .map((x) => `${x.textContent ?? ''}: ${x.scrollWidth} > ${x.clientWidth}`),
    ),
  );
  expect(cut).toEqual([]);
}

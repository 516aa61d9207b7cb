import type { Page } from '@playwright/test';

/**
 * Timing on the page's own clock: from an input event reaching the page to the first animation
 * frame that shows its result. The test driver's round trips (tens of milliseconds each) are not
 * the app's. A `waitForFunction` predicate notes the frame with
 * `window.__shownAt ??= window.performance.now()` once what it waits for is on screen (predicates
 * run in the page, so they cannot call this module).
 */
interface PageClock {
  __inputAt: number | null;
  __shownAt: number | null;
}

/** Notes when the next of these events reaches the page, and forgets the last result. */
export async function armInputClock(page: Page, types: readonly string[]): Promise<void> {
  await page.evaluate((eventTypes) => {
    const w = window as unknown as PageClock;
    w.__inputAt = null;
    w.__shownAt = null;
    for (const type of eventTypes) {
      window.addEventListener(
        type,
        (e) => {
          w.__inputAt ??= e.timeStamp;
        },
        { capture: true, once: true },
      );
    }
  }, types);
}

/** Milliseconds from the input reaching the page to the frame its predicate noted. */
export async function inputToShown(page: Page): Promise<number> {
  const [inputAt, shownAt] = await page.evaluate(() => {
    const w = window as unknown as PageClock;
    return [w.__inputAt, w.__shownAt];
  });
  if (inputAt === null || shownAt === null) throw new Error('the page did not note the input');
  return shownAt - inputAt;
}

/** Forgets the noted frame but keeps the input, to time a second result of the same input. */
export async function forgetShown(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as PageClock).__shownAt = null;
  });
}

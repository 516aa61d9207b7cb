/**
 * Benchmark rows in Chromium: the built renderer on the real services through the end-to-end
 * harness, timed from the user's keystroke or click to the rendered screen, beside the time the
 * operations themselves took.
 */
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import type * as Playwright from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../tests/support/chromium';
import { attachHarness } from '../../tests/support/harness';
import { armInputClock, inputToShown } from '../../tests/support/page-clock';
import { APP_TEST_ORIGIN } from '../../tests/support/origin';
import { figures, ratioRow, type BenchRow } from './bench-stats';
import { ok, typedQueries, type BenchContext } from './bench-service';

interface Call {
  operation: string;
  input: unknown;
  start: number;
  end: number | null;
}

// Loaded at run time by name so the tool bundle leaves Playwright as an installed package.
const PLAYWRIGHT = '@playwright/test';

export interface UiResults {
  rows: BenchRow[];
  rendererHeapBytes: number;
  chartOperations: string[];
}

async function waitUntil(
  check: () => boolean,
  calls: readonly Call[],
  timeoutMs = 10_000,
): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > until) {
      const last = calls
        .slice(-5)
        .map(
          (c) => `${c.operation} ${JSON.stringify(c.input)} ${c.end === null ? 'running' : 'done'}`,
        );
      throw new Error(`timed out waiting for the operations; the last calls: ${last.join('; ')}`);
    }
    await new Promise((r) => setImmediate(r));
  }
}

/** The three slowest samples with what was typed, to say where a tail comes from. */
function slowest(samples: readonly number[], labels: readonly string[]): string {
  return samples
    .map((ms, i) => ({ ms, label: labels[i] ?? '' }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((x) => `${x.ms.toFixed(0)} ms at ${x.label}`)
    .join(', ');
}

// Functions passed to the page say `window.performance`: this module's own `performance` is
// Node's, and the bundler renames it.

async function freshSearchPage(page: Page): Promise<void> {
  // A full load each round: the renderer's query cache would otherwise answer repeats itself.
  // Leaving the page first: opening a chart writes the search into the address, and a reload of
  // that address would start with the last round's query.
  await page.goto('about:blank');
  await page.goto(`${APP_TEST_ORIGIN}/#/patients`);
  await page.getByRole('combobox').waitFor();
  await page.getByRole('combobox').focus();
}

export async function uiRows(ctx: BenchContext, rounds: number): Promise<UiResults> {
  const { chromium } = (await import(PLAYWRIGHT)) as typeof Playwright;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const calls: Call[] = [];
  const errors: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await attachHarness(
      page,
      async (sender, operation, input) => {
        const call: Call = {
          operation: String(operation),
          input,
          start: performance.now(),
          end: null,
        };
        calls.push(call);
        try {
          return await ctx.services.dispatch(sender, operation, input);
        } finally {
          call.end = performance.now();
        }
      },
      {
        tokens: () => ctx.services.state.fileTokens,
        nextPickedPhotos: [],
        nextSavePath: null,
        opened: [],
      },
    );

    // Search as typed: one key at a time, each waited for until its result list is on screen.
    const queries = typedQueries(ctx.heavy);
    const full = queries[queries.length - 1] as string;
    const expected = new Map<string, string>();
    for (const q of queries) {
      const found = (await ok(ctx, 'patients.search', {
        query: q,
        includeArchived: false,
        offset: 0,
        limit: 100,
      })) as {
        results: { givenName: string; familyName: string }[];
      };
      const first = found.results[0];
      if (first) expected.set(q, `${first.familyName}, ${first.givenName}`);
    }
    const searchUi: number[] = [];
    const searchLabels: string[] = [];
    const searchOps: number[] = [];
    const driverClock: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      await freshSearchPage(page);
      let typed = '';
      for (const ch of full) {
        typed += ch;
        const query = typed.trim();
        const firstRow = expected.get(typed);
        const from = calls.length;
        // A letter such as Å is typed as text: it arrives as an input event without a keydown.
        await armInputClock(page, ['keydown', 'input']);
        const t0 = performance.now();
        await page.keyboard.type(ch);
        if (!firstRow || typed.endsWith(' ')) continue;
        await waitUntil(
          () =>
            calls
              .slice(from)
              .some(
                (c) =>
                  c.operation === 'patients.search' &&
                  (c.input as { query: string }).query === query &&
                  c.end !== null,
              ),
          calls,
        );
        // Checked in each animation frame; the frame that first shows the row notes the time.
        await page.waitForFunction(
          (name) => {
            const shown =
              document
                .querySelector('[role="listbox"] [role="option"]')
                ?.textContent?.includes(name) ?? false;
            const w = window as unknown as { __shownAt: number | null };
            if (shown) w.__shownAt ??= window.performance.now();
            return shown;
          },
          firstRow,
          { polling: 'raf' },
        );
        const t1 = performance.now();
        const op = calls
          .slice(from)
          .find(
            (c) =>
              c.operation === 'patients.search' && (c.input as { query: string }).query === query,
          );
        searchUi.push(await inputToShown(page));
        driverClock.push(t1 - t0);
        searchLabels.push(`round ${round + 1} "${query}"`);
        searchOps.push(op && op.end !== null ? op.end - op.start : Number.NaN);
      }
    }

    // The heavy patient's chart: click in the result list to the first screen with every request answered.
    const name = `${ctx.heavy.givenName} ${ctx.heavy.familyName}`;
    const chartUi: number[] = [];
    const chartOps: number[] = [];
    const chartDriverClock: number[] = [];
    let chartOperations: string[] = [];
    for (let round = 0; round < rounds + 2; round += 1) {
      await freshSearchPage(page);
      // By clinic number: at L the name alone is shared by dozens of synthetic patients.
      await page.keyboard.type(ctx.heavy.clinicNumber);
      const option = page.getByRole('option').filter({ hasText: ctx.heavy.clinicNumber });
      await option.waitFor();
      await waitUntil(() => calls.every((c) => c.end !== null), calls);
      const from = calls.length;
      await armInputClock(page, ['pointerdown']);
      const t0 = performance.now();
      await option.click();
      // The first screen: the patient's heading, and no panel still loading.
      await page.waitForFunction(
        (patientName) => {
          const shown =
            [...document.querySelectorAll('h2')].some((h) => h.textContent === patientName) &&
            !document.querySelector('[aria-label="Loading"]');
          const w = window as unknown as { __shownAt: number | null };
          if (shown) w.__shownAt ??= window.performance.now();
          return shown;
        },
        name,
        { polling: 'raf' },
      );
      // Settled: nothing in flight across two frames.
      for (;;) {
        await waitUntil(() => calls.every((c) => c.end !== null), calls);
        await page.evaluate(
          () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
        );
        if (calls.every((c) => c.end !== null)) break;
      }
      const t1 = performance.now();
      const made = calls.slice(from);
      if (round < 2) continue;
      chartOperations = made.map((c) => c.operation);
      chartUi.push(await inputToShown(page));
      chartDriverClock.push(t1 - t0);
      chartOps.push(
        Math.max(...made.map((c) => c.end ?? 0)) - Math.min(...made.map((c) => c.start)),
      );
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    return {
      rows: [
        ratioRow(
          'search in the UI',
          searchUi,
          searchOps,
          { maxP95: 100 },
          `the key reaching the page to the first frame showing the result (page clock); baseline = the search operation's own time; slowest: ${slowest(searchUi, searchLabels)}; seen from the test driver, with its round trips: p50 ${figures(driverClock).p50.toFixed(0)} ms, p95 ${figures(driverClock).p95.toFixed(0)} ms`,
        ),
        ratioRow(
          'chart in the UI',
          chartUi,
          chartOps,
          { maxP95: 300 },
          `the click reaching the page to the first frame with the chart's heading and nothing loading (page clock); baseline = span of its operations (${chartOperations.join(', ')}); seen from the test driver, with its round trips and the settling of every call: p50 ${figures(chartDriverClock).p50.toFixed(0)} ms, p95 ${figures(chartDriverClock).p95.toFixed(0)} ms`,
        ),
      ],
      rendererHeapBytes: heap.usedSize,
      chartOperations,
    };
  } finally {
    await browser.close();
  }
}

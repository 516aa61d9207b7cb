import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../../shared/api/contract';
import { startClinic, type TestApp } from '../../support/helpers';
import { register } from '../patients/fixtures';
import { fuzzOperations } from './fuzz-core';

let app: TestApp;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  app = await startClinic();
  // One patient, so identifiers of real records exist; the record stays small for snapshots.
  await register(app);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await app.close();
});

describe('hostile input to every operation', () => {
  it('answers every call with a typed error or a result, and refusals change nothing', async () => {
    const runs = Number(process.env.MESOCHART_FUZZ_RUNS ?? 120);
    const started = Date.now();
    const figures = await fuzzOperations(app, runs);
    expect(figures.map((f) => f.operation)).toEqual(operationNames);
    for (const f of figures) expect(f.cases, f.operation).toBeGreaterThanOrEqual(runs / 10);
    if (process.env.MESOCHART_FUZZ_TIMES) {
      console.warn([...figures].sort((a, b) => b.ms - a.ms).slice(0, 12));
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toEqual([]);
    console.warn(
      `[fuzz] ${operationNames.length} operations x ${runs} cases in ${Date.now() - started} ms`,
    );
    // About 25 s alone; a machine also running the end-to-end suite took over 120 s.
  }, 240_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCrashWriter,
  checkAfterCrash,
  runWriterUntilKilled,
} from '../../../electron/tools/crash-check';

let writer: string;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-crash-'));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mesochart-crash-src-'));

beforeAll(async () => {
  writer = await buildCrashWriter();
}, 60_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('keeps every acknowledged write and no partial photo across SIGKILLs', async () => {
    const runs = 5;
    let acknowledged = 0;
    for (let run = 0; run < runs; run += 1) {
      // Kill times spread over the writer's cycle (patient, history, consent, photo import).
      const killAfter = 150 + ((run * 397) % 1200);
      const result = await runWriterUntilKilled(writer, dataDir, scratch, run + 1, killAfter);
      expect(result.killed, result.stderr).toBe(true);
      const findings = await checkAfterCrash(dataDir, result.acks);
      expect(findings.problems, `run ${run}`).toEqual([]);
      acknowledged += result.acks.length;
    }
    // The runs did real work: patients and photos were written between the kills.
    expect(acknowledged).toBeGreaterThan(runs * 3);
  }, 120_000);
});

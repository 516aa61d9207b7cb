import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCrashWriter,
  checkAfterCrash,
  runWriterUntilKilled,
} from '../../../electron/tools/crash-check';
import { isPlainDatabase } from '../../../electron/services/store/encryption';

let writer: string;
const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};

beforeAll(async () => {
  writer = await buildCrashWriter();
}, 60_000);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it.each([
    // As the app keeps a clinic: keys sealed by the (stand-in) keychain, everything encrypted.
    ['an encrypted clinic', randomBytes(32).toString('hex'), 5],
    ['an unencrypted clinic of an older version', undefined, 3],
  ])(
    'keeps every acknowledged write, the audit chain and no partial photo across SIGKILLs: %s',
    async (_label, keychain, runs) => {
      const dataDir = tempDir('mesochart-crash-');
      const scratch = tempDir('mesochart-crash-src-');
      let acknowledged = 0;
      for (let run = 0; run < runs; run += 1) {
        // Kill times spread over the writer's cycle (patient, history, consent, photo import).
        const killAfter = 150 + ((run * 397) % 1200);
        const result = await runWriterUntilKilled(
          writer,
          dataDir,
          scratch,
          run + 1,
          killAfter,
          keychain,
        );
        expect(result.killed, result.stderr).toBe(true);
        const findings = await checkAfterCrash(dataDir, result.acks, keychain);
        expect(findings.problems, `run ${run}`).toEqual([]);
        acknowledged += result.acks.length;
      }
      // The runs did real work: patients and photos were written between the kills.
      expect(acknowledged).toBeGreaterThan(runs * 3);
      const database = path.join(dataDir, 'mesochart.sqlite');
      expect(isPlainDatabase(database)).toBe(keychain === undefined);
      expect(readFileSync(database).includes(Buffer.from('Crash Practitioner'))).toBe(
        keychain === undefined,
      );
    },
    150_000,
  );
});

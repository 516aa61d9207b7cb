/**
 * Kills a writer with SIGKILL at random moments, many times over one data folder, and checks
 * after each kill that the record is intact: npm run bench:crash -- [--runs 200] [--max-ms 2500]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCrashWriter, checkAfterCrash, runWriterUntilKilled } from './crash-check';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    'max-ms': { type: 'string', default: '2500' },
  },
});
const runs = Number(values.runs);
const maxMs = Number(values['max-ms']);
const writer = await buildCrashWriter();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-crash-bench-'));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mesochart-crash-src-'));
const started = Date.now();
let kills = 0;
let recoveries = 0;
let acks = 0;
let failures = 0;
let photoFiles = 0;
try {
  for (let run = 0; run < runs; run += 1) {
    const killAfter = Math.floor(Math.random() * maxMs);
    const result = await runWriterUntilKilled(writer, dataDir, scratch, run + 1, killAfter);
    if (result.killed) kills += 1;
    else console.error(`run ${run}: the writer stopped on its own`);
    const findings = await checkAfterCrash(dataDir, result.acks);
    acks += result.acks.length;
    photoFiles = findings.photoFiles;
    if (findings.problems.length === 0) recoveries += 1;
    else {
      failures += 1;
      console.error(`run ${run} (killed after ${killAfter} ms):`, findings.problems.slice(0, 5));
    }
    if ((run + 1) % 20 === 0) process.stdout.write(`${run + 1} / ${runs} runs\n`);
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
}
process.stdout.write(
  `runs ${runs}, SIGKILLs ${kills}, clean recoveries ${recoveries}, failures ${failures}, ` +
    `acknowledged writes checked ${acks}, photo files at the end ${photoFiles}, ` +
    `${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
if (failures > 0 || kills < runs) process.exitCode = 1;

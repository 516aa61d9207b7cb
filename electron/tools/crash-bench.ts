/**
 * Kills a writer with SIGKILL at random moments, many times over one data folder, and checks
 * after each kill that the record is intact:
 *   npm run bench:crash -- [--runs 200] [--max-ms 2500] [--store encrypted|plain|both]
 * The clinic is encrypted as the app keeps it (keys sealed by a stand-in keychain at the first
 * start, the database and files encrypted); `plain` is an unencrypted clinic as older versions
 * kept it; `both` runs one after the other, each on a folder of its own.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCrashWriter, checkAfterCrash, runWriterUntilKilled } from './crash-check';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    'max-ms': { type: 'string', default: '2500' },
    store: { type: 'string', default: 'encrypted' },
  },
});
const runs = Number(values.runs);
const maxMs = Number(values['max-ms']);
if (!['encrypted', 'plain', 'both'].includes(values.store)) {
  console.error('--store must be encrypted, plain or both');
  process.exit(2);
}
const stores = values.store === 'both' ? ['encrypted', 'plain'] : [values.store];
const writer = await buildCrashWriter();

/** One series of kills over a new folder; true when every run recovered cleanly. */
async function series(store: string): Promise<boolean> {
  // One computer's keychain for the whole series: every start opens the keys the first made.
  const keychain = store === 'encrypted' ? randomBytes(32).toString('hex') : undefined;
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
      const result = await runWriterUntilKilled(
        writer,
        dataDir,
        scratch,
        run + 1,
        killAfter,
        keychain,
      );
      if (result.killed) kills += 1;
      else console.error(`${store} run ${run}: the writer stopped on its own`, result.stderr);
      const findings = await checkAfterCrash(dataDir, result.acks, keychain);
      acks += result.acks.length;
      photoFiles = findings.photoFiles;
      if (findings.problems.length === 0) recoveries += 1;
      else {
        failures += 1;
        console.error(
          `${store} run ${run} (killed after ${killAfter} ms):`,
          findings.problems.slice(0, 5),
        );
      }
      if ((run + 1) % 20 === 0) process.stdout.write(`${store}: ${run + 1} / ${runs} runs\n`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(
    `${store} store: runs ${runs}, SIGKILLs ${kills}, clean recoveries ${recoveries}, ` +
      `failures ${failures}, acknowledged writes checked ${acks}, photo files at the end ` +
      `${photoFiles}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
  return failures === 0 && kills === runs;
}

let allClean = true;
for (const store of stores) allClean = (await series(store)) && allClean;
if (!allClean) process.exitCode = 1;

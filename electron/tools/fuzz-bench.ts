/**
 * Hostile-input fuzzing of every operation at volume: npm run bench:fuzz -- [--runs 2000]
 * Prints the cases, refusals and acceptances per operation; exits 1 on the first failure with
 * fast-check's shrunk counterexample.
 */
import { parseArgs } from 'node:util';
import { startClinic } from '../../tests/support/helpers';
import { register } from '../../tests/unit/patients/fixtures';
import { fuzzOperations } from '../../tests/unit/core/fuzz-core';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2000' } } });
const runs = Number(values.runs);
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));
const app = await startClinic();
await register(app);
const started = Date.now();
try {
  const figures = await fuzzOperations(app, runs);
  for (const f of figures) {
    process.stdout.write(
      `${f.operation.padEnd(34)} ${String(f.cases).padStart(6)} cases  ${String(f.refused).padStart(6)} refused  ${String(f.accepted).padStart(5)} accepted  ${f.ms} ms\n`,
    );
  }
  const total = figures.reduce((n, f) => n + f.cases, 0);
  process.stdout.write(
    `${figures.length} operations, ${total} cases, unhandled rejections ${unhandled.length}, ` +
      `${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
  if (unhandled.length > 0) process.exitCode = 1;
} finally {
  await app.close();
}

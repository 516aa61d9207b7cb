/**
 * Clinic-scale benchmarks: every figure beside a raw baseline measured in the same run on the
 * same data.
 *   npm run bench                 (size L)
 *   npm run bench -- --size S     (quick)
 *   npm run bench -- --size S --only search,chart   (some rows, while profiling; no JSON)
 *   npm run bench -- --store postgres [--size S]   (on a clinic server; see bench-server.ts)
 * Prints a table and writes bench-results/bench-<size>.json.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createServices } from '../services/app';
import { CLINIC_PASSPHRASE_ENV, toolKeys } from './tool-keys';
import { APP_TEST_ORIGIN } from '../../tests/support/origin';
import { cacheDir, ensureSeeded, workingCopy } from './bench-data';
import { consentRow, photoRow } from './bench-files';
import { chartRow, searchRow, signRow, type BenchContext } from './bench-service';
import { figures, formatTable, timeRuns, type BenchRow } from './bench-stats';
import { uiRows } from './bench-ui';
import { diaryRows } from './bench-diary';
import { encryptionRows, formatEncryptionTable, thumbnailRow } from './bench-encryption';
import { practitionerPassword, SEED_PRACTITIONER, volumeSizes, type SizeName } from './seed-volume';
import { runServerBench } from './bench-server';

const root = path.resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'L' },
    only: { type: 'string' },
    store: { type: 'string', default: 'sqlite' },
  },
});
const ROW_NAMES = [
  'search',
  'chart',
  'sign',
  'consent',
  'photos',
  'ui',
  'encryption',
  'diary',
  'workstations',
] as const;
const only = values.only?.split(',').map((x) => x.trim());
if (
  (values.size !== 'S' && values.size !== 'L') ||
  (values.store !== 'sqlite' && values.store !== 'postgres') ||
  only?.some((x) => !(ROW_NAMES as readonly string[]).includes(x))
) {
  console.error(
    `usage: npm run bench -- [--size S|L] [--store sqlite|postgres] [--only ${ROW_NAMES.join(',')}]`,
  );
  process.exit(2);
}
const wanted = (row: (typeof ROW_NAMES)[number]) => !only || only.includes(row);
const size: SizeName = values.size;
const plan =
  size === 'S' ? { runs: 150, batches: 3, rounds: 3 } : { runs: 150, batches: 3, rounds: 5 };
const log = (line: string) => console.log(`[bench ${size}] ${line}`);

if (values.store === 'postgres') {
  // The clinic-server rows (bench-server.ts): a server of their own unless one is given.
  process.env[CLINIC_PASSPHRASE_ENV] ??= 'mesochart bench clinic passphrase';
  const met = await runServerBench(size, plan.runs, log, only);
  process.exit(met ? 0 : 1);
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

function rendererGzipBytes(): number {
  const dir = path.join(root, 'dist', 'renderer');
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(js|css|html)$/.test(entry.name)) {
      total += gzipSync(readFileSync(path.join(entry.parentPath, entry.name))).length;
    }
  }
  return total;
}

interface Reported {
  memory: NodeJS.MemoryUsage;
  rendererHeapBytes: number;
  startup: ReturnType<typeof figures>;
  dataBytes: number;
  seedSeconds: number;
  heavyClinicNumber: string;
}

/** Prints the whole table with the reported figures and writes bench-results/bench-<size>.json. */
function report(rows: BenchRow[], r: Reported): void {
  const sessions = volumeSizes[size].sessions;
  const reported = {
    mainProcessMemoryAfterHeavyChart: { rssBytes: r.memory.rss, heapUsedBytes: r.memory.heapUsed },
    rendererJsHeapBytes: r.rendererHeapBytes,
    rendererBundleGzipBytes: rendererGzipBytes(),
    dataDirectoryBytesPer1000Sessions: Math.round((r.dataBytes / sessions) * 1000),
    dataDirectoryBytes: r.dataBytes,
    servicesStartupMs: r.startup,
    seedSeconds: r.seedSeconds || null,
  };
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `\nMesochart benchmarks, size ${size} (${volumeSizes[size].patients} patients, ${sessions} sessions, ${volumeSizes[size].photos} photos; heavy patient ${r.heavyClinicNumber})\n`,
  );
  console.log(formatTable(rows));
  for (const row of rows) if (row.note) console.log(`  ${row.measure}: ${row.note}`);
  console.log(`
main-process memory after the heavy chart: rss ${mb(r.memory.rss)}, JS heap ${mb(r.memory.heapUsed)}
renderer JS heap (after GC, chart open):   ${mb(r.rendererHeapBytes)}
renderer bundle (gzip):                     ${(reported.rendererBundleGzipBytes / 1024).toFixed(0)} KB
data directory per 1,000 sessions:         ${mb(reported.dataDirectoryBytesPer1000Sessions)} (total ${mb(r.dataBytes)})
services start-up (open, migrate check):   p50 ${r.startup.p50.toFixed(1)} ms, p95 ${r.startup.p95.toFixed(1)} ms`);
  const out = path.join(root, 'bench-results');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `bench-${size}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ size, at: new Date().toISOString(), rows, reported }, null, 2)}\n`,
  );
  console.log(`\nwritten ${path.relative(root, file)}`);
}

// The seeded clinic is encrypted like a real one; its passphrase is the bench's own (synthetic
// data), given to the seed run and used here to open the keys once.
process.env[CLINIC_PASSPHRASE_ENV] ??= 'mesochart bench clinic passphrase';
const seedSeconds = ensureSeeded(size);
if (seedSeconds) log(`seeded in ${seedSeconds.toFixed(0)} s`);
const dataBytes = directoryBytes(cacheDir(size));
const dataDir = workingCopy(size);
const sender = { url: `${APP_TEST_ORIGIN}/index.html`, isMainFrame: true };
const keys = await toolKeys(dataDir);
const opening = {
  dataDir,
  trustedOrigin: APP_TEST_ORIGIN,
  databaseKey: keys.dataKey,
  auditKey: keys.auditKey,
};
try {
  // Start-up: open the store (with its migration check), load settings, close.
  const startup = figures(
    await timeRuns(
      5,
      async () => {
        const s = await createServices(opening);
        await s.close();
      },
      1,
    ),
  );
  const services = await createServices(opening);
  const signIn = await services.dispatch(sender, 'auth.signIn', {
    username: SEED_PRACTITIONER,
    password: practitionerPassword(SEED_PRACTITIONER),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.message}`);
  const sqlite = services.state.store.sqlite;
  const heavy = sqlite
    .prepare(
      `SELECT p.id, p.given_name AS givenName, p.family_name AS familyName,
      p.clinic_number AS clinicNumber FROM patient p
      WHERE p.id = (SELECT patient_id FROM treatment_session GROUP BY patient_id ORDER BY count(*) DESC LIMIT 1)`,
    )
    .get() as BenchContext['heavy'];
  const practitioner = sqlite
    .prepare('SELECT id FROM staff_user WHERE username = ?')
    .get(SEED_PRACTITIONER) as { id: string };
  const ctx: BenchContext = {
    services,
    sender,
    sqlite,
    heavy,
    practitionerId: practitioner.id,
    runs: plan.runs,
  };
  const rows: BenchRow[] = [];
  if (wanted('search')) {
    log('patient search');
    rows.push(await searchRow(ctx));
  }
  if (wanted('chart')) {
    log('heavy chart');
    rows.push(await chartRow(ctx));
  }
  const memory = process.memoryUsage();
  if (wanted('sign')) {
    log('sign a session');
    rows.push(await signRow(ctx, heavy.id));
  }
  const scratch = path.join(dataDir, 'bench-scratch');
  if (wanted('consent')) {
    log('consent PDF');
    rows.push(await consentRow(ctx, scratch));
  }
  if (wanted('photos')) {
    log('photo import');
    rows.push(await photoRow(ctx, scratch, plan.batches));
  }
  if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    log('building the renderer');
    execFileSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  }
  if (wanted('encryption')) {
    log('encrypted store beside an unencrypted copy');
    const enc = await encryptionRows(
      ctx,
      dataDir,
      keys.dataKey,
      keys.auditKey,
      async (c) => {
        const r = await c.services.dispatch(sender, 'auth.signIn', {
          username: SEED_PRACTITIONER,
          password: practitionerPassword(SEED_PRACTITIONER),
        });
        if (!r.ok) throw new Error(`sign-in failed: ${r.error.message}`);
      },
      {
        search: searchRow,
        'heavy chart': chartRow,
        sign: (c) => signRow(c, heavy.id),
        'photo import': (c) => photoRow(c, `${scratch}-enc`, plan.batches),
        // After the import: each side serves the photos it has just stored.
        'thumbnail serving': thumbnailRow,
      },
    );
    console.log(`\n${formatEncryptionTable(enc)}\n`);
  }
  if (wanted('diary')) {
    log('diary: 12 rooms, 600 appointments, course booking');
    rows.push(...(await diaryRows(path.join(dataDir, 'bench-diary'), plan.runs, plan.rounds)));
  }
  const ui = wanted('ui') ? await (log('Chromium'), uiRows(ctx, plan.rounds)) : null;
  if (ui) rows.push(...ui.rows);
  await services.close();

  if (only || !ui) {
    // A partial run is for profiling: the JSON keeps the last complete run.
    console.log(`\n${formatTable(rows)}`);
    for (const r of rows) if (r.note) console.log(`  ${r.measure}: ${r.note}`);
  } else {
    report(rows, {
      memory,
      rendererHeapBytes: ui.rendererHeapBytes,
      startup,
      dataBytes,
      seedSeconds,
      heavyClinicNumber: heavy.clinicNumber,
    });
  }
  if (rows.some((r) => !r.met)) process.exitCode = 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

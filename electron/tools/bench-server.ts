/**
 * The clinic-server run of the benchmark (`npm run bench -- --store postgres`): see
 * bench-postgres.ts for the rows and the server it runs on. Prints the table and writes
 * bench-results/bench-<size>-postgres.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { createServices, type MesochartServices } from '../services/app';
import { emptyHistoryAnswers } from '../../shared/api/history';
import { pgTypes } from '../services/store/copy-records';
import { moveToServer } from '../services/store/server-move';
import type { ClinicKeys } from '../services/keys/clinic-keys';
import { APP_TEST_ORIGIN } from '../../tests/support/origin';
import { ensureSeeded, workingCopy } from './bench-data';
import { benchServer, pgChartRow, pgSearchRow, pgSignRow } from './bench-postgres';
import type { BenchContext } from './bench-service';
import { figures, formatTable, type BenchRow, type Figures } from './bench-stats';
import { practitionerPassword, SEED_PRACTITIONER, type SizeName } from './seed-volume';
import { toolKeys } from './tool-keys';

const root = path.resolve(import.meta.dirname, '..', '..');
const sender = { url: `${APP_TEST_ORIGIN}/index.html`, isMainFrame: true };
const DESK = { username: 'admin', password: 'mesochart demo admin' };
const ROOMS = ['ines.prac', 'karim.prac', 'lena.prac'];

interface WorkstationsRow {
  workstations: number;
  operations: number;
  seconds: number;
  throughputPerSecond: number;
  latency: Figures;
  errors: number;
  byOperation: Record<string, Figures>;
}

async function workstation(
  url: string,
  keys: ClinicKeys,
  user: { username: string; password: string },
) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-bench-room-'));
  const services = await createServices({
    dataDir: dir,
    trustedOrigin: APP_TEST_ORIGIN,
    databaseKey: keys.dataKey,
    auditKey: keys.auditKey,
    databaseUrl: url,
  });
  const signIn = await services.dispatch(sender, 'auth.signIn', user);
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.message}`);
  return {
    services,
    close: async () => {
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A clinic day at four computers at once: the desk registers and finds patients, three rooms
 * search, open charts and sign sessions on the heavy patient's colleagues. Every call is timed;
 * every refusal or exception is an error.
 */
async function workstationsRow(
  url: string,
  keys: ClinicKeys,
  pool: pg.Pool,
  rounds: number,
): Promise<WorkstationsRow> {
  const desk = await workstation(url, keys, DESK);
  const rooms = await Promise.all(
    ROOMS.map((u) => workstation(url, keys, { username: u, password: practitionerPassword(u) })),
  );
  const times = new Map<string, number[]>();
  let errors = 0;
  const call = async (s: MesochartServices, op: string, input: unknown): Promise<unknown> => {
    const t0 = performance.now();
    try {
      const r = await s.dispatch(sender, op, input);
      if (!r.ok) {
        errors += 1;
        console.error(`  ${op}: ${r.error.code} ${r.error.message}`);
        return null;
      }
      return r.value;
    } catch (error) {
      errors += 1;
      console.error(`  ${op}: ${(error as Error).message}`);
      return null;
    } finally {
      times.set(op, [...(times.get(op) ?? []), performance.now() - t0]);
    }
  };
  const patients = (
    await pool.query<{ id: string; family_name: string }>(
      `SELECT p.id, p.family_name FROM patient p WHERE EXISTS (SELECT 1 FROM consent_event c
       WHERE c.patient_id = p.id) ORDER BY p.seq LIMIT 200`,
    )
  ).rows;
  const started = performance.now();
  const deskDay = async () => {
    for (let n = 0; n < rounds; n += 1) {
      const p = (await call(desk.services, 'patients.create', {
        givenName: 'Bench',
        familyName: `Walk-in ${randomUUID().slice(0, 8)}`,
        dateOfBirth: `19${50 + (n % 50)}-0${1 + (n % 9)}-1${n % 10}`,
        sex: 'female',
        phone: '',
        email: '',
        address: '',
        preferredLanguage: 'en',
        emergencyContactName: '',
        emergencyContactPhone: '',
        referralSource: '',
      })) as { clinicNumber: string } | null;
      if (p) await call(desk.services, 'patients.search', { query: p.clinicNumber });
      await call(desk.services, 'appointments.today', {});
    }
  };
  const roomDay = async (room: { services: MesochartServices }, i: number) => {
    for (let n = 0; n < rounds; n += 1) {
      const patient = patients[(i * rounds + n) % patients.length];
      if (!patient) break;
      await call(room.services, 'patients.search', { query: patient.family_name.slice(0, 4) });
      await call(room.services, 'chart.open', { patientId: patient.id });
      await call(room.services, 'photos.list', { patientId: patient.id });
      await call(room.services, 'sessions.list', { patientId: patient.id });
      // A new history version now and then: a write with its audit event, as at the start of a visit.
      if (n % 4 === 0) {
        await call(room.services, 'history.submit', {
          patientId: patient.id,
          answers: emptyHistoryAnswers(),
          takenBy: 'staff',
        });
      }
    }
  };
  await Promise.all([deskDay(), ...rooms.map((r, i) => roomDay(r, i))]);
  const seconds = (performance.now() - started) / 1000;
  for (const w of [desk, ...rooms]) await w.close();
  const all = [...times.values()].flat();
  return {
    workstations: 4,
    operations: all.length,
    seconds,
    throughputPerSecond: all.length / seconds,
    latency: figures(all),
    errors,
    byOperation: Object.fromEntries([...times].map(([op, t]) => [op, figures(t)])),
  };
}

export async function runServerBench(
  size: SizeName,
  runs: number,
  log: (line: string) => void,
  only?: readonly string[],
): Promise<boolean> {
  const wanted = (row: string) => !only || only.includes(row);
  const server = await benchServer(log);
  const seeded = ensureSeeded(size);
  if (seeded) log(`seeded in ${seeded.toFixed(0)} s`);
  const dataDir = workingCopy(size);
  const closing: (() => Promise<void> | void)[] = [
    () => server.stop(),
    () => rmSync(dataDir, { recursive: true, force: true }),
  ];
  try {
    const keys = await toolKeys(dataDir);
    // The cached clinic is brought to this version's data first, as a clinic is before it moves.
    await (
      await createServices({
        dataDir,
        trustedOrigin: APP_TEST_ORIGIN,
        databaseKey: keys.dataKey,
        auditKey: keys.auditKey,
      })
    ).close();
    log('moving the seeded clinic to the server (verified)');
    const t0 = Date.now();
    const moved = await moveToServer({
      dataDir,
      dataKey: keys.dataKey,
      auditKey: keys.auditKey,
      ownerUrl: server.ownerUrl,
      runtimeRole: decodeURIComponent(new URL(server.url).username),
    });
    const moveSeconds = (Date.now() - t0) / 1000;
    log(
      `moved ${moved.files} files and ${moved.auditEvents} audit events in ${moveSeconds.toFixed(0)} s`,
    );
    const pool = new pg.Pool({ connectionString: server.url, max: 4, types: pgTypes });
    closing.unshift(() => pool.end());
    const room = await workstation(server.url, keys, {
      username: SEED_PRACTITIONER,
      password: practitionerPassword(SEED_PRACTITIONER),
    });
    closing.unshift(() => room.close());
    const heavy = (
      await pool.query<BenchContext['heavy']>(
        `SELECT p.id, p.given_name AS "givenName", p.family_name AS "familyName",
        p.clinic_number AS "clinicNumber" FROM patient p WHERE p.id = (SELECT patient_id
        FROM treatment_session GROUP BY patient_id ORDER BY count(*) DESC LIMIT 1)`,
      )
    ).rows[0];
    const practitioner = (
      await pool.query<{ id: string }>('SELECT id FROM staff_user WHERE username = $1', [
        SEED_PRACTITIONER,
      ])
    ).rows[0];
    if (!heavy || !practitioner) throw new Error('the seeded clinic has no heavy patient');
    const ctx: BenchContext = {
      services: room.services,
      sender,
      // The server rows send their baseline through pg, never through a SQLite connection.
      sqlite: null as unknown as Database.Database,
      heavy,
      practitionerId: practitioner.id,
      runs,
    };
    const rows: BenchRow[] = [];
    if (wanted('search')) {
      log('patient search');
      rows.push(await pgSearchRow(ctx, pool));
    }
    if (wanted('chart')) {
      log('heavy chart');
      rows.push(await pgChartRow(ctx, pool));
    }
    if (wanted('sign')) {
      log('sign a session');
      rows.push(await pgSignRow(ctx, pool, heavy.id));
    }
    let four: Awaited<ReturnType<typeof workstationsRow>> | null = null;
    if (wanted('workstations')) {
      log('four workstations at once');
      four = await workstationsRow(server.url, keys, pool, size === 'S' ? 40 : 60);
    }
    console.log(`\nMesochart on a clinic server (PostgreSQL, loopback), size ${size}\n`);
    console.log(formatTable(rows));
    const met = rows.every((r) => r.met) && (four?.errors ?? 0) === 0;
    if (four) {
      console.log(
        `\nfour workstations, mixed day: ${four.operations} calls in ${four.seconds.toFixed(1)} s = ` +
          `${four.throughputPerSecond.toFixed(1)} calls/s, p50 ${four.latency.p50.toFixed(1)} ms, ` +
          `p95 ${four.latency.p95.toFixed(1)} ms, errors ${four.errors}`,
      );
      for (const [op, f] of Object.entries(four.byOperation)) {
        console.log(
          `  ${op.padEnd(22)} p50 ${f.p50.toFixed(1)} ms  p95 ${f.p95.toFixed(1)} ms  (${f.samples})`,
        );
      }
    }
    console.log(`move to server: ${moveSeconds.toFixed(0)} s (${moved.files} files, verified)`);
    const out = path.join(root, 'bench-results');
    mkdirSync(out, { recursive: true });
    // A run of some rows only keeps its own file, beside the whole run's.
    const file = path.join(out, `bench-${size}-postgres${only ? `-${only.join('-')}` : ''}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ size, store: 'postgres', at: new Date().toISOString(), rows, workstations: four, moveSeconds }, null, 2)}\n`,
    );
    console.log(`written ${path.relative(root, file)}`);
    return met;
  } finally {
    for (const fn of closing) await fn();
  }
}

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, DATABASE_FILE } from '../../../electron/services/app';
import { verifyAudit } from '../../../electron/services/audit/audit-log';
import type { ClinicKeys } from '../../../electron/services/keys/clinic-keys';
import { applyKey, Sqlite } from '../../../electron/services/store/encryption';
import { moveToServer, ServerMoveError } from '../../../electron/services/store/server-move';
import { ensureSeeded, workingCopy } from '../../../electron/tools/bench-data';
import { practitionerPassword, SEED_PRACTITIONER } from '../../../electron/tools/seed-volume';
import { CLINIC_PASSPHRASE_ENV, toolKeys } from '../../../electron/tools/tool-keys';
import { TEST_ORIGIN, TRUSTED } from '../../support/helpers';
import { RUNTIME_ROLE } from '../../support/postgres-cluster';
import { freshDatabase, runAsWorkstation, type TestDatabase } from '../../support/test-store';

/** sha256 of every file of a folder, by relative path. */
function fileHashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    out.set(
      path.relative(dir, file),
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    );
  }
  return out;
}

const TABLES = [
  'patient',
  'staff_user',
  'setting',
  'medical_history_version',
  'consent_event',
  'screening',
  'treatment_session',
  'session_product',
  'photo',
  'document',
  'audit_event',
  'audit_head',
];

let dataDir = '';
let keys: ClinicKeys;
let server: TestDatabase;
const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  // The benchmark's S-size clinic (3,000 patients, 10,000 sessions, 50,000 photo rows), seeded
  // once per machine and copied; the seed tool's own passphrase opens its keys.
  process.env[CLINIC_PASSPHRASE_ENV] ??= 'mesochart bench clinic passphrase';
  ensureSeeded('S');
  dataDir = workingCopy('S');
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  keys = await toolKeys(dataDir);
  // Opened once by this version, as a clinic is before it moves (its data brought up to date).
  const opened = await createServices({
    dataDir,
    trustedOrigin: TEST_ORIGIN,
    databaseKey: keys.dataKey,
    auditKey: keys.auditKey,
  });
  await opened.close();
  server = await freshDatabase();
  cleanup.push(() => server.drop());
}, 1_800_000);

afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn();
}, 300_000);

function sqliteCounts(): Record<string, number> {
  const sqlite = new Sqlite(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    applyKey(sqlite, keys.dataKey);
    return Object.fromEntries(
      TABLES.map((t) => [
        t,
        (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
      ]),
    );
  } finally {
    sqlite.close();
  }
}

describe('moving an S-size clinic to a server', { timeout: 1_800_000 }, () => {
  it('copies every record and file, verified, and leaves the folder as it was', async () => {
    const before = fileHashes(dataDir);
    const counts = sqliteCounts();
    expect(counts.patient).toBeGreaterThanOrEqual(3000);
    expect(counts.photo).toBeGreaterThanOrEqual(50_000);

    const report = await moveToServer({
      dataDir,
      dataKey: keys.dataKey,
      auditKey: keys.auditKey,
      ownerUrl: server.ownerUrl,
      runtimeRole: RUNTIME_ROLE,
    });

    // The original folder: every byte of every file as before (a read-only open may leave
    // SQLite's empty shared-memory files beside the database, nothing else).
    const after = fileHashes(dataDir);
    for (const [file, hash] of before) expect(after.get(file), file).toBe(hash);
    expect([...after.keys()].filter((f) => !before.has(f))).toEqual(
      [...after.keys()].filter((f) => !before.has(f) && /-(wal|shm)$/.test(f)),
    );

    // Counts on the server, read independently of the move's own check.
    for (const table of TABLES) {
      const rows = (
        await runAsWorkstation(server.url, `SELECT count(*)::int AS n FROM ${table}`)
      )[0] as {
        n: number;
      };
      expect(rows.n, table).toBe(counts[table]);
      expect(report.tables.find((t) => t.table === table)?.rows).toBe(counts[table]);
    }
    const blobs = (
      await runAsWorkstation(
        server.url,
        "SELECT count(*)::int AS n, count(*) FILTER (WHERE substring(bytes FROM 1 FOR 4) = 'MCEF'::bytea)::int AS sealed FROM file_blob",
      )
    )[0] as { n: number; sealed: number };
    expect(blobs.n).toBe(report.files);
    expect(blobs.sealed).toBe(blobs.n);
    expect(report.auditEvents).toBe(counts.audit_event);

    // A workstation opens the server clinic: the chain verifies under the clinic's audit key,
    // search finds the same patients, a photo shows from the server's files.
    const room = mkdtempSync(path.join(os.tmpdir(), 'mesochart-room-'));
    cleanup.push(() => rmSync(room, { recursive: true, force: true }));
    const services = await createServices({
      dataDir: room,
      trustedOrigin: TEST_ORIGIN,
      databaseKey: keys.dataKey,
      auditKey: keys.auditKey,
      databaseUrl: server.url,
    });
    try {
      const verified = await verifyAudit(services.state.store.db, keys.auditKey);
      expect(verified.ok).toBe(true);
      const signIn = await services.dispatch(TRUSTED, 'auth.signIn', {
        username: SEED_PRACTITIONER,
        password: practitionerPassword(SEED_PRACTITIONER),
      });
      expect(signIn.ok).toBe(true);
      const heavy = (
        await runAsWorkstation(
          server.url,
          `SELECT p.id, p.clinic_number, p.family_name FROM patient p WHERE p.id = (SELECT patient_id
         FROM photo GROUP BY patient_id ORDER BY count(*) DESC LIMIT 1)`,
        )
      )[0] as { id: string; clinic_number: string; family_name: string };
      const found = await services.dispatch(TRUSTED, 'patients.search', {
        query: heavy.clinic_number,
      });
      expect(found.ok && JSON.stringify(found.value)).toContain(heavy.id);
      const photos = await services.dispatch(TRUSTED, 'photos.list', { patientId: heavy.id });
      if (!photos.ok) throw new Error(photos.error.message);
      const list = photos.value as { id: string }[];
      expect(list.length).toBeGreaterThan(100);
      const image = await services.dispatch(TRUSTED, 'photos.image', {
        id: list[0]!.id,
        size: 'preview',
      });
      expect(image.ok).toBe(true);
    } finally {
      await services.close();
    }

    // The server now holds a clinic: a second move into it is refused, nothing added.
    await expect(
      moveToServer({
        dataDir,
        dataKey: keys.dataKey,
        auditKey: keys.auditKey,
        ownerUrl: server.ownerUrl,
      }),
    ).rejects.toBeInstanceOf(ServerMoveError);
    const still = (
      await runAsWorkstation(server.url, 'SELECT count(*)::int AS n FROM patient')
    )[0] as {
      n: number;
    };
    expect(still.n).toBe(counts.patient);
  });
});

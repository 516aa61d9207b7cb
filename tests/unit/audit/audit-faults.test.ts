import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/app';
import { startClinic, TEST_ORIGIN, type TestApp } from '../../support/helpers';
import { details, register } from '../patients/fixtures';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const FULL_DISK_LIMIT = 'max_page_count';

/** Lets the database grow no further, then writes read events until a write fails: a full disk. */
async function fillDisk(a: TestApp): Promise<void> {
  const { sqlite } = a.services.state.store;
  sqlite.pragma(`${FULL_DISK_LIMIT} = ${sqlite.pragma('page_count', { simple: true }) as number}`);
  for (let i = 0; i < 2000; i += 1) {
    await a.ok('staff.list');
    const failed = await a.services.state.auditQueue.flush().then(
      () => false,
      () => true,
    );
    if (failed) return;
  }
  throw new Error('the database never filled');
}

function freeDisk(a: TestApp): void {
  a.services.state.store.sqlite.pragma(`${FULL_DISK_LIMIT} = 1073741823`);
}

function countOf(a: TestApp, operation: string): number {
  const row = a.services.state.store.sqlite
    .prepare('SELECT count(*) AS n FROM audit_event WHERE operation = ?')
    .get(operation) as { n: number };
  return row.n;
}

describe('the audit queue on a full disk', () => {
  it('refuses work with a typed error while events cannot be written, and records it all once space returns', async () => {
    app = await startClinic();
    const patient = await register(app);
    await fillDisk(app);
    expect(app.services.state.auditQueue.failing).toBe(true);
    const kept = app.services.state.auditQueue.size;
    expect(kept).toBeGreaterThan(0);

    // A read would go unrecorded: refused, with a message the user can act on.
    const read = await app.call('patients.get', { id: patient.id });
    expect(read).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!read.ok && read.error.message).toMatch(/audit log could not be saved.*disk/i);
    // A change is refused the same way, not thrown, and nothing of it is written.
    const createsBefore = countOf(app, 'patients.create');
    const change = await app.call('patients.create', details({ givenName: 'Zoé' }));
    expect(change).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    freeDisk(app);
    // The next call writes the kept batch first, then works as before.
    const again = await app.call('patients.get', { id: patient.id });
    expect(again.ok).toBe(true);
    await app.services.state.auditQueue.flush();
    expect(app.services.state.auditQueue.failing).toBe(false);
    expect(app.services.state.auditQueue.size).toBe(0);
    expect(countOf(app, 'patients.create')).toBe(createsBefore + 1);
    const failedRead = app.services.state.store.sqlite
      .prepare(
        "SELECT count(*) AS n FROM audit_event WHERE operation = 'patients.get' AND outcome = 'failed'",
      )
      .get() as { n: number };
    expect(failedRead.n).toBe(1);
    expect(countOf(app, 'staff.list')).toBeGreaterThanOrEqual(kept);
    expect(await app.ok('audit.verify')).toMatchObject({ ok: true });
  });

  it('still closes, so the app can quit', async () => {
    app = await startClinic();
    await fillDisk(app);
    await app.ok('patients.search', { query: 'a' }).catch(() => undefined);
    await expect(app.close()).resolves.toBeUndefined();
    app = null;
  });
});

describe('the audit key', () => {
  let databaseKey: Buffer = randomBytes(32);
  async function clinicFolder(): Promise<string> {
    const started = await startClinic();
    databaseKey = started.databaseKey;
    await started.services.close();
    return started.dataDir;
  }
  const reopen = (dataDir: string) =>
    createServices({ dataDir, databaseKey, trustedOrigin: TEST_ORIGIN });

  it.each([
    ['not hexadecimal', 'zz'.repeat(32)],
    ['too short', 'abcd'],
    ['too long', 'ab'.repeat(33)],
    ['empty', ''],
  ])('is refused when %s, never read as a shorter key', async (_label, text) => {
    const dir = await clinicFolder();
    try {
      writeFileSync(path.join(dir, 'audit.key'), text);
      await expect(reopen(dir)).rejects.toThrow(/audit key.*damaged.*64 hexadecimal/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not replaced when deleted from a folder whose database holds a chain', async () => {
    const dir = await clinicFolder();
    try {
      unlinkSync(path.join(dir, 'audit.key'));
      await expect(reopen(dir)).rejects.toThrow(/audit key.*missing.*Restore the key/s);
      expect(existsSync(path.join(dir, 'audit.key'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is made once for a new folder, 64 hex digits, and kept on reopening', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-key-'));
    try {
      await (await reopen(dir)).close();
      const key = readFileSync(path.join(dir, 'audit.key'), 'utf8');
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      await (await reopen(dir)).close();
      expect(readFileSync(path.join(dir, 'audit.key'), 'utf8')).toBe(key);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

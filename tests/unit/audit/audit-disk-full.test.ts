import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type MesochartServices } from '../../../electron/services/app';
import type { Result } from '../../../shared/api/result';
import { ADMIN, CLINIC, TEST_ORIGIN, TRUSTED } from '../../support/helpers';
import { details } from '../patients/fixtures';

/**
 * The audit queue on a file system that really runs out of space: the data folder is a small
 * tmpfs mounted for the test, filled by another file until writes fail with ENOSPC, then given
 * its space back. Mounting needs root on Linux; where it is refused the test says it was skipped
 * (the SQLite page limit in audit-faults.test.ts covers the same path everywhere).
 */
function tryMount(dir: string): boolean {
  if (process.platform !== 'linux') return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m,mode=0700', 'tmpfs', dir], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

const probe = mkdtempSync(path.join(os.tmpdir(), 'mesochart-tmpfs-probe-'));
const canMount = tryMount(probe);
if (canMount) execFileSync('umount', [probe]);
else {
  console.warn(
    'Disk-full test skipped: mounting a small tmpfs was refused (it needs root on Linux). ' +
      'The SQLite page limit in audit-faults.test.ts covers the same path here.',
  );
}
rmSync(probe, { recursive: true, force: true });

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Writes a file until the file system refuses with ENOSPC: nothing is left for anyone else. */
function fillFileSystem(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe('the audit queue on a real full file system', () => {
  it.runIf(canMount)(
    'refuses work with a typed error while the disk is full, and records it all once space returns',
    { timeout: 120_000 },
    async () => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mesochart-full-'));
      expect(tryMount(dataDir)).toBe(true);
      cleanup.push(() => {
        execFileSync('umount', [dataDir]);
        rmSync(dataDir, { recursive: true, force: true });
      });
      const services: MesochartServices = await createServices({
        dataDir,
        databaseKey: randomBytes(32),
        trustedOrigin: TEST_ORIGIN,
      });
      let closed = false;
      cleanup.push(async () => {
        if (!closed) await services.close();
      });
      const call = (op: string, input: unknown = {}): Promise<Result<unknown>> =>
        services.dispatch(TRUSTED, op, input);
      expect((await call('auth.setup', { clinic: CLINIC, admin: ADMIN })).ok).toBe(true);
      const created = await call('patients.create', details());
      if (!created.ok) throw new Error(created.error.message);
      const patientId = (created.value as { id: string }).id;
      const queue = services.state.auditQueue;
      await queue.flush();

      const filler = path.join(dataDir, 'filler.bin');
      fillFileSystem(filler);
      let failed = false;
      for (let i = 0; i < 2000 && !failed; i += 1) {
        await call('staff.list');
        failed = await queue.flush().then(
          () => false,
          () => true,
        );
      }
      expect(failed).toBe(true);
      expect(queue.failing).toBe(true);
      const kept = queue.size;
      expect(kept).toBeGreaterThan(0);

      // Refused with a message the user can act on; thrown nowhere.
      const read = await call('patients.get', { id: patientId });
      expect(read).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(!read.ok && read.error.message).toMatch(/audit log could not be saved.*disk/i);
      const change = await call('patients.create', details({ givenName: 'Zoé' }));
      expect(change).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

      // Space returns: the kept batch is written first, then everything works as before.
      rmSync(filler);
      const again = await call('patients.get', { id: patientId });
      expect(again.ok).toBe(true);
      await queue.flush();
      expect(queue.failing).toBe(false);
      expect(queue.size).toBe(0);
      const listed = services.state.store.sqlite
        .prepare("SELECT count(*) AS n FROM audit_event WHERE operation = 'staff.list'")
        .get() as { n: number };
      expect(listed.n).toBeGreaterThanOrEqual(kept);
      expect(await call('audit.verify')).toMatchObject({ ok: true, value: { ok: true } });
      // And the app still quits.
      await expect(services.close()).resolves.toBeUndefined();
      closed = true;
    },
  );
});

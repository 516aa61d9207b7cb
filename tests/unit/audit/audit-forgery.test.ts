import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, toEntry } from '../../../electron/services/audit/audit-log';
import type { AuditEventRow } from '../../../electron/services/store/schema';
import { startClinic, type TestApp } from '../../support/helpers';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

interface Verify {
  ok: boolean;
  checked: number;
  firstBroken: number | null;
  reason: string | null;
}

describe('a whole audit chain rewritten', () => {
  it('with a forged signer, every link and the head recomputed under a key not the clinic’s, fails verify at its first event', async () => {
    const a = await startClinic();
    app = a;
    for (let i = 0; i < 3; i += 1) await a.ok('clinic.updateSettings', { idleLockMinutes: 10 + i });
    await a.services.state.auditQueue.flush();
    const { sqlite, db } = a.services.state.store;
    const rows = sqlite.prepare('SELECT * FROM audit_event ORDER BY seq').all() as AuditEventRow[];
    expect(rows.length).toBeGreaterThan(3);
    expect((await a.ok<Verify>('audit.verify')).ok).toBe(true);

    // The attack the old plain audit.key allowed: the whole log rewritten, each change now
    // signed by someone else, the chain and the head's seal recomputed from the first event.
    // The clinic's audit key is sealed with its data key; whoever edits the file holds another.
    const forgedKey = randomBytes(32);
    for (const { name } of sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .all() as { name: string }[]) {
      sqlite.exec(`DROP TRIGGER "${name}"`);
    }
    sqlite.exec('DELETE FROM audit_event; DELETE FROM audit_head;');
    for (const row of rows) {
      const entry = toEntry(row);
      await appendAudit(
        db,
        forgedKey,
        entry.operation === 'clinic.updateSettings'
          ? { ...entry, username: 'someone-else', role: 'admin' }
          : entry,
      );
    }
    const forged = sqlite.prepare('SELECT count(*) AS n FROM audit_event').get() as { n: number };
    expect(forged.n).toBe(rows.length);

    const result = await a.ok<Verify>('audit.verify');
    expect(result).toMatchObject({ ok: false, firstBroken: 1, checked: 0 });
    expect(result.reason).toMatch(/changed after it was written/);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startClinic, type TestApp } from '../../support/helpers';

let app: TestApp;
beforeEach(async () => {
  app = await startClinic();
  // A few events to tamper with.
  await app.ok('clinic.updateSettings', { idleLockMinutes: 15 });
  await app.ok('staff.list');
  await app.ok('clinic.updateSettings', { idleLockMinutes: 20 });
  await app.ok('staff.list');
  // Reads are audited in batches: write them before the tests tamper with the file.
  await app.services.state.auditQueue.flush();
});
afterEach(() => app.close());

interface Verify {
  ok: boolean;
  checked: number;
  firstBroken: number | null;
  reason: string | null;
}

const verify = () => app.services.state.store.sqlite;

/** An attacker with the SQLite file: removes our triggers and edits rows directly. */
function tamper(sql: string, ...params: unknown[]) {
  const db = verify();
  db.exec('DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;');
  db.prepare(sql).run(...params);
}

describe('the audit trail', () => {
  it('is intact after normal use', async () => {
    const result = await app.ok<Verify>('audit.verify');
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(5);
  });

  it('refuses UPDATE and DELETE in the database itself', () => {
    const db = verify();
    expect(() =>
      db.prepare("UPDATE audit_event SET outcome = 'failed' WHERE seq = 1").run(),
    ).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_event WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_event').run()).toThrow(/append-only/);
  });

  it('detects an edited event', async () => {
    tamper("UPDATE audit_event SET username = 'someone-else' WHERE seq = 3");
    const result = await app.ok<Verify>('audit.verify');
    expect(result).toMatchObject({ ok: false, firstBroken: 3 });
    expect(result.reason).toMatch(/changed/);
  });

  it('detects an edit that also recomputes a plain SHA-256 of the row', async () => {
    // Without the key beside the database, a forged hash never matches.
    tamper(
      "UPDATE audit_event SET outcome = 'denied', hash = lower(hex(randomblob(32))) WHERE seq = 2",
    );
    expect(await app.ok<Verify>('audit.verify')).toMatchObject({ ok: false, firstBroken: 2 });
  });

  it('detects a deleted event', async () => {
    tamper('DELETE FROM audit_event WHERE seq = 2');
    const result = await app.ok<Verify>('audit.verify');
    expect(result).toMatchObject({ ok: false, firstBroken: 2 });
  });

  it('detects events removed from the end', async () => {
    const last = verify().prepare('SELECT max(seq) AS n FROM audit_event').get() as { n: number };
    tamper('DELETE FROM audit_event WHERE seq = ?', last.n);
    const result = await app.ok<Verify>('audit.verify');
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/missing from the end/);
  });

  it('detects reordered events', async () => {
    const db = verify();
    const rows = db
      .prepare('SELECT * FROM audit_event WHERE seq IN (2, 3) ORDER BY seq')
      .all() as Record<string, unknown>[];
    tamper('DELETE FROM audit_event WHERE seq IN (2, 3)');
    const insert = db.prepare(
      'INSERT INTO audit_event (seq, at, user_id, username, role, operation, action, patient_id, object_type, object_id, outcome, error_code, prev_hash, hash) VALUES (@seq, @at, @user_id, @username, @role, @operation, @action, @patient_id, @object_type, @object_id, @outcome, @error_code, @prev_hash, @hash)',
    );
    // Swap the two events' positions, keeping each one's own content and hashes.
    insert.run({ ...rows[1], seq: 2 });
    insert.run({ ...rows[0], seq: 3 });
    const result = await app.ok<Verify>('audit.verify');
    expect(result).toMatchObject({ ok: false, firstBroken: 2 });
  });

  it('records who, what, role, action and outcome, and filters by user, action and date', async () => {
    const list = await app.ok<{
      events: {
        operation: string;
        username: string;
        role: string;
        action: string;
        outcome: string;
        at: string;
      }[];
    }>('audit.list', { action: 'update' });
    expect(list.events.length).toBe(2);
    for (const e of list.events)
      expect(e).toMatchObject({
        operation: 'clinic.updateSettings',
        username: 'amira',
        role: 'admin',
        outcome: 'success',
      });

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const none = await app.ok<{ events: unknown[] }>('audit.list', { from: tomorrow });
    expect(none.events).toEqual([]);
    const refused = await app.call('audit.list', { from: tomorrow, to: new Date().toISOString() });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { to: expect.any(String) } },
    });
  });

  it('pages through older events without gaps or repeats', async () => {
    const first = await app.ok<{ events: { seq: number }[]; nextBefore: number | null }>(
      'audit.list',
      { limit: 2 },
    );
    expect(first.events).toHaveLength(2);
    expect(first.nextBefore).not.toBeNull();
    const second = await app.ok<{ events: { seq: number }[] }>('audit.list', {
      limit: 2,
      before: first.nextBefore,
    });
    const seqs = [...first.events, ...second.events].map((e) => e.seq);
    expect(new Set(seqs).size).toBe(4);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });
});

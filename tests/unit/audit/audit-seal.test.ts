import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services/app';
import { verifyAudit } from '../../../electron/services/audit/audit-log';
import { Sqlite, applyKey } from '../../../electron/services/store/encryption';
import { startClinic, TEST_ORIGIN, type TestApp } from '../../support/helpers';
import {
  signInAdmin,
  signedSession,
  startTreatmentClinic,
  type Clinic,
} from '../sessions/fixtures';

interface Verify {
  ok: boolean;
  checked: number;
  firstBroken: number | null;
  reason: string | null;
}

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function clinicWithSignedSession(): Promise<{ c: Clinic; sessionId: string }> {
  const c = await startTreatmentClinic();
  app = c.app;
  const session = await signedSession(c);
  await c.app.services.state.auditQueue.flush();
  return { c, sessionId: session.id };
}

/** An attacker with the SQLite file (but not the key): removes our triggers, edits rows. */
function tamper(a: TestApp, sql: string, ...params: unknown[]): void {
  const { sqlite } = a.services.state.store;
  for (const { name } of sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    .all() as { name: string }[]) {
    sqlite.exec(`DROP TRIGGER "${name}"`);
  }
  sqlite.prepare(sql).run(...params);
}

/** The admin checks the log (the session tests work signed in as the practitioner). */
async function verify(a: TestApp): Promise<Verify> {
  const result = await a.call('audit.verify');
  if (result.ok) return result.value as Verify;
  await signInAdmin(a);
  return a.ok<Verify>('audit.verify');
}

// A clinic with a signed session takes a while to set up on a busy machine.
describe('the audit chain covers what was signed', { timeout: 90_000 }, () => {
  it('holds after signing and an addendum', async () => {
    const { c, sessionId } = await clinicWithSignedSession();
    await c.app.ok('sessions.addAddendum', { sessionId, text: 'Called the patient: all well.' });
    expect(await verify(c.app)).toMatchObject({ ok: true });
  });

  it("detects a signed session's notes changed in the file, naming the session", async () => {
    const { c, sessionId } = await clinicWithSignedSession();
    tamper(
      c.app,
      "UPDATE treatment_session SET notes = 'Nothing of note.' WHERE id = ?",
      sessionId,
    );
    const result = await verify(c.app);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain(sessionId);
    expect(result.reason).toMatch(/signed session .* was changed/);
    const { seq } = c.app.services.state.store.sqlite
      .prepare("SELECT seq FROM audit_event WHERE operation = 'sessions.sign'")
      .get() as { seq: number };
    expect(result.firstBroken).toBe(seq);
  });

  it('detects a changed signing time, and a changed product line', async () => {
    const { c, sessionId } = await clinicWithSignedSession();
    const { sqlite } = c.app.services.state.store;
    const { signed_at: signedAt } = sqlite
      .prepare('SELECT signed_at FROM treatment_session WHERE id = ?')
      .get(sessionId) as { signed_at: string };
    const setSignedAt = (at: string) =>
      tamper(c.app, 'UPDATE treatment_session SET signed_at = ? WHERE id = ?', at, sessionId);
    setSignedAt('2020-01-01T00:00:00.000Z');
    expect((await verify(c.app)).reason).toContain(sessionId);
    setSignedAt(signedAt);
    expect(await verify(c.app)).toMatchObject({ ok: true });
    tamper(c.app, 'UPDATE session_product SET volume_ml = 0.2 WHERE session_id = ?', sessionId);
    expect((await verify(c.app)).reason).toContain(sessionId);
  });

  it('detects an addendum whose text was changed', async () => {
    const { c, sessionId } = await clinicWithSignedSession();
    const addendum = await c.app.ok<{ id: string }>('sessions.addAddendum', {
      sessionId,
      text: 'Bruise at the left cheek on day 2.',
    });
    tamper(c.app, "UPDATE session_addendum SET text = 'No bruising.' WHERE id = ?", addendum.id);
    const result = await verify(c.app);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain(addendum.id);
  });

  it('detects a signed session removed from the file', async () => {
    const { c, sessionId } = await clinicWithSignedSession();
    tamper(c.app, 'PRAGMA foreign_keys = OFF');
    tamper(c.app, 'DELETE FROM session_product WHERE session_id = ?', sessionId);
    tamper(c.app, 'DELETE FROM session_area WHERE session_id = ?', sessionId);
    tamper(c.app, 'DELETE FROM treatment_session WHERE id = ?', sessionId);
    expect((await verify(c.app)).reason).toMatch(/missing/);
  });
});

describe('the head of the chain is sealed', () => {
  it('detects the last events deleted and the head moved back over them', async () => {
    app = await startClinic();
    for (let i = 0; i < 6; i += 1) {
      await app.ok('clinic.updateSettings', { idleLockMinutes: 10 + i });
    }
    const { sqlite } = app.services.state.store;
    const { n } = sqlite.prepare('SELECT max(seq) AS n FROM audit_event').get() as { n: number };
    tamper(app, 'DELETE FROM audit_event WHERE seq > ?', n - 5);
    tamper(
      app,
      'UPDATE audit_head SET seq = ?, hash = (SELECT hash FROM audit_event WHERE seq = ?)',
      n - 5,
      n - 5,
    );
    // Reads its head straight from the file, before any new event moves it.
    const result = await verify(app);
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/missing from the end/);
    expect(result.firstBroken).toBe(n - 4);
  });

  it('seals the head of a log written before heads were sealed, once, on upgrading', async () => {
    const started = await startClinic();
    await started.ok('clinic.updateSettings', { idleLockMinutes: 12 });
    await started.services.close();
    const dataDir = started.dataDir;
    // The database as the version before the seal left it.
    {
      const raw = new Sqlite(`${dataDir}/mesochart.sqlite`);
      applyKey(raw, started.databaseKey);
      // Every step after 8 taken back, newest first, so the upgrade runs them all again.
      raw.exec(`
        DROP TABLE adverse_event_photo;
        ALTER TABLE adverse_event DROP COLUMN areas;
        ALTER TABLE medical_history_version DROP COLUMN answers_format;
        DROP TABLE consent_patient_part;
        ALTER TABLE treatment_session DROP COLUMN abandon_reason;
        ALTER TABLE treatment_session DROP COLUMN abandoned_by;
        ALTER TABLE treatment_session DROP COLUMN abandoned_at;
        ALTER TABLE staff_user DROP COLUMN ui_language;
        DROP TABLE document_template_review;
        DROP TABLE photo_alignment;
        ALTER TABLE photo DROP COLUMN date_check_reason;
        ALTER TABLE photo DROP COLUMN date_check;
        ALTER TABLE photo DROP COLUMN camera_taken_at;
        ALTER TABLE patient DROP COLUMN name_order;
        DROP TABLE session_cocktail_product;
        DROP TABLE session_cocktail;
        ALTER TABLE staff_user DROP COLUMN licence_number;
        DROP TABLE reminder;
        DROP TABLE consent_witness;
        ALTER TABLE consent_signature DROP COLUMN proven_by;
        ALTER TABLE consent_signature DROP COLUMN signer_staff_id;
        ALTER TABLE staff_user DROP COLUMN must_change_password;
        ALTER TABLE staff_user DROP COLUMN temporary_code_expires_at;
        ALTER TABLE treatment_session DROP COLUMN signature_proven_by;
        ALTER TABLE treatment_session DROP COLUMN signature_recorded_by;
        DROP TRIGGER IF EXISTS photo_files_encrypted_only;
        ALTER TABLE audit_head DROP COLUMN mac;
        ALTER TABLE audit_event DROP COLUMN content_hash;
      `);
      raw.pragma('user_version = 8');
      raw.close();
    }
    try {
      const services = await createServices({
        dataDir,
        databaseKey: started.databaseKey,
        trustedOrigin: TEST_ORIGIN,
      });
      const { sqlite } = services.state.store;
      const head = sqlite.prepare('SELECT mac FROM audit_head').get() as { mac: string | null };
      expect(head.mac).toMatch(/^[0-9a-f]{64}$/);
      expect(await verifyAudit(services.state.store.db, services.state.auditKey)).toMatchObject({
        ok: true,
      });
      await services.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

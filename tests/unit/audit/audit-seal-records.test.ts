import { afterEach, describe, expect, it } from 'vitest';
import { rawDb, tamperedDb, type TestApp } from '../../support/helpers';
import { signInAdmin, signedSession, startTreatmentClinic, today } from '../sessions/fixtures';
import { calmDay, submitHistory } from '../screening/fixtures';
import type { ScreeningRecord } from '../../../shared/api/screening';

interface Verify {
  ok: boolean;
  firstBroken: number | null;
  reason: string | null;
}

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** Someone with the open database (not the audit key) drops our triggers and edits a row. */
function tamper(a: TestApp, sql: string, ...params: unknown[]): void {
  expect(
    tamperedDb(a)
      .prepare(sql)
      .run(...params).changes,
  ).toBe(1);
}

async function verify(a: TestApp): Promise<Verify> {
  const result = await a.call('audit.verify');
  if (result.ok) return result.value as Verify;
  await signInAdmin(a);
  return a.ok<Verify>('audit.verify');
}

/**
 * A treated patient: a consent confirmed on paper, a signed session and an adverse event after
 * it, each sealed into its audit event. (The fixture writes its check straight into the table,
 * without the operation and so without an event; a check's seal needs screening.complete.)
 */
async function treatedPatient() {
  const c = await startTreatmentClinic();
  app = c.app;
  const session = await signedSession(c);
  const event = await c.app.ok<{ id: string }>('adverseEvents.record', {
    sessionId: session.id,
    kind: 'bruising',
    severity: 'mild',
    onsetOn: today(c.app),
    description: 'Left cheek, 2 cm',
    actionTaken: 'Arnica, cold compress',
  });
  await c.app.services.state.auditQueue.flush();
  const sqlite = rawDb(c.app);
  const one = (sql: string) => (sqlite.prepare(sql).get() as { id: string }).id;
  return {
    c,
    adverseEventId: event.id,
    consentId: one(
      "SELECT id FROM document WHERE kind = 'consent' AND status <> 'generated' LIMIT 1",
    ),
  };
}

describe('the audit chain covers consents and adverse events', { timeout: 120_000 }, () => {
  it('holds when nothing was changed', async () => {
    const { c } = await treatedPatient();
    expect(await verify(c.app)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('names a signed consent whose recorded hash was changed in the database', async () => {
    const { c, consentId } = await treatedPatient();
    tamper(c.app, 'UPDATE document SET render_data = ? WHERE id = ?', '{"title":"x"}', consentId);
    const result = await verify(c.app);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain(`The signed consent ${consentId} was changed`);
  });

  it('names an adverse event whose severity was lowered afterwards', async () => {
    const { c, adverseEventId } = await treatedPatient();
    tamper(
      c.app,
      "UPDATE adverse_event SET severity = 'mild', description = ? WHERE id = ?",
      'Nothing',
      adverseEventId,
    );
    const result = await verify(c.app);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain(`The adverse event ${adverseEventId} was changed`);
  });
});

describe('the audit chain covers completed pre-procedure checks', { timeout: 120_000 }, () => {
  /** A check completed through the operation, so its event carries the record's hash. */
  async function completedCheck() {
    const c = await startTreatmentClinic();
    app = c.app;
    await submitHistory(c.app, c.patientId, () => undefined);
    const check = await c.app.ok<ScreeningRecord>('screening.complete', {
      patientId: c.patientId,
      dayOf: calmDay(),
      productIds: [c.vitamins.id],
      areas: ['cheeks'],
      decision: 'treat',
      acknowledged: [],
      overrideReason: null,
    });
    await c.app.services.state.auditQueue.flush();
    return { c, screeningId: check.id, otherProductId: c.ha.id };
  }

  it('holds for an untouched check', async () => {
    const { c } = await completedCheck();
    expect(await verify(c.app)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('names a check whose covered products were rewritten after it was completed', async () => {
    const { c, screeningId, otherProductId } = await completedCheck();
    // The check now claims to have covered a product it never screened.
    tamper(
      c.app,
      'UPDATE screening SET planned_product_ids = ? WHERE id = ?',
      JSON.stringify([otherProductId]),
      screeningId,
    );
    const result = await verify(c.app);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain(`The pre-procedure check ${screeningId} was changed`);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawDb } from '../../support/helpers';
import type { ChartOpen } from '../../../shared/api/chart';
import { answers, details } from '../patients/fixtures';
import {
  completeDraft,
  startSession,
  startTreatmentClinic,
  today,
  type Clinic,
} from '../sessions/fixtures';
import type { TreatmentSession } from '../../../shared/api/sessions';

let c: Clinic;
beforeEach(async () => {
  c = await startTreatmentClinic();
});
afterEach(async () => {
  await c.app.close();
});

function auditRows(c: Clinic, operation: string) {
  return rawDb(c.app)
    .prepare('SELECT patient_id, object_type FROM audit_event WHERE operation = ?')
    .all(operation) as { patient_id: string; object_type: string }[];
}

describe("opening a patient's chart", () => {
  it('returns in one call what the first screen shows, the same as each panel reads alone', async () => {
    const patientId = c.patientId;
    await c.app.ok('history.submit', {
      patientId,
      answers: answers((a) => {
        a.allergies.ticks.localAnaesthetics = 'yes';
      }),
      takenBy: 'staff',
    });
    await c.app.ok('consents.record', {
      patientId,
      kind: 'photos-record',
      decision: 'given',
      note: '',
    });
    await c.app.ok('patients.update', {
      id: patientId,
      ...details({ phone: '+90 532 000 00 00' }),
    });
    // Allergic to local anaesthetics: treated without anaesthesia, as the gate requires.
    const draft = await startSession(c);
    await c.app.ok('sessions.saveDraft', {
      id: draft.id,
      ...completeDraft(c),
      anaesthesia: 'none',
    });
    const session = await c.app.ok<TreatmentSession>('sessions.sign', { id: draft.id });
    await c.app.ok('adverseEvents.record', {
      sessionId: session.id,
      kind: 'bruising',
      severity: 'mild',
      onsetOn: today(c.app),
      description: 'Left cheek',
      actionTaken: 'Cold compress',
    });

    const opened = await c.app.ok<ChartOpen>('chart.open', { patientId });
    expect(opened.chart.alerts.length).toBeGreaterThan(0);
    expect(opened.openAdverseEvents?.map((e) => e.description)).toEqual(['Left cheek']);
    expect(opened.recentScreenings).toHaveLength(1);
    expect(opened.changes.length).toBeGreaterThan(0);
    expect(opened).toEqual({
      chart: await c.app.ok('patients.get', { id: patientId }),
      history: await c.app.ok('history.get', { patientId }),
      openAdverseEvents: await c.app.ok('adverseEvents.listOpen', { patientId }),
      consents: await c.app.ok('consents.list', { patientId }),
      recentScreenings: await c.app.ok('screening.list', { patientId, limit: 10 }),
      changes: await c.app.ok('patients.changes', { id: patientId }),
    });
  });

  it('is audited once as a read of that patient, and refuses an unknown patient', async () => {
    await c.app.ok('chart.open', { patientId: c.patientId });
    await c.app.services.state.auditQueue.flush();
    expect(auditRows(c, 'chart.open')).toEqual([
      { patient_id: c.patientId, object_type: 'patient-chart' },
    ]);
    const missing = await c.app.call('chart.open', { patientId: 'no-such-patient' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });
});

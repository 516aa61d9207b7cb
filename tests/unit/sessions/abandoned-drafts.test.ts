import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawDb, snapshot } from '../../support/helpers';
import type { Result } from '../../../shared/api/result';
import type { SessionSummary, TreatmentSession } from '../../../shared/api/sessions';
import type { TimelineEntry } from '../../../shared/api/recall';
import { startSession, startTreatmentClinic, type Clinic } from './fixtures';

let c: Clinic;
beforeEach(async () => {
  c = await startTreatmentClinic();
});
afterEach(async () => {
  await c.app.close();
});

function failure(result: Result<unknown>) {
  if (result.ok) throw new Error('expected the call to be refused');
  return result.error;
}

describe('an abandoned draft stays in the chart', () => {
  it('is listed and on the timeline with who abandoned it, when and why; its row is kept', async () => {
    const draft = await startSession(c);
    const listed = await c.app.ok<SessionSummary[]>('sessions.list', { patientId: c.patientId });
    expect(listed.map((s) => [s.id, s.status])).toEqual([[draft.id, 'draft']]);

    const abandoned = await c.app.ok<TreatmentSession>('sessions.abandon', {
      id: draft.id,
      reason: '  Patient felt faint before the first pass  ',
    });
    expect(abandoned).toMatchObject({
      status: 'abandoned',
      abandonReason: 'Patient felt faint before the first pass',
      abandonedByName: 'Inès Moreau',
    });
    expect(abandoned.abandonedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const after = await c.app.ok<SessionSummary[]>('sessions.list', { patientId: c.patientId });
    expect(after).toEqual([
      expect.objectContaining({
        id: draft.id,
        status: 'abandoned',
        abandonReason: 'Patient felt faint before the first pass',
      }),
    ]);
    const timeline = await c.app.ok<TimelineEntry[]>('chart.timeline', {
      patientId: c.patientId,
    });
    expect(timeline.find((e) => e.kind === 'session')).toMatchObject({
      id: draft.id,
      facts: { status: 'abandoned', reason: 'Patient felt faint before the first pass' },
    });
    // Never deleted, and the database refuses a change to it once abandoned.
    expect(() =>
      rawDb(c.app).prepare('DELETE FROM treatment_session WHERE id = ?').run(draft.id),
    ).toThrow(/never deleted/);
    expect(() =>
      rawDb(c.app)
        .prepare("UPDATE treatment_session SET status = 'draft' WHERE id = ?")
        .run(draft.id),
    ).toThrow();
  });

  it('asks for a reason: a blank one is refused next to the field, nothing changed', async () => {
    const draft = await startSession(c);
    const before = snapshot(c.app);
    const error = failure(await c.app.call('sessions.abandon', { id: draft.id, reason: '   ' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toHaveProperty('reason');
    const missing = failure(await c.app.call('sessions.abandon', { id: draft.id }));
    expect(missing.code).toBe('VALIDATION');
    const row = rawDb(c.app)
      .prepare('SELECT status, abandon_reason FROM treatment_session WHERE id = ?')
      .get(draft.id);
    expect(row).toEqual({ status: 'draft', abandon_reason: null });
    // Only the refused calls' audit events differ.
    const clinical = (s: string) =>
      JSON.stringify(
        (JSON.parse(s) as [string, unknown][]).filter(([t]) => !t.startsWith('audit')),
      );
    expect(clinical(snapshot(c.app))).toBe(clinical(before));
  });
});

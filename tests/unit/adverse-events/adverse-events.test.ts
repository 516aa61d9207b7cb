import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TreatmentSession } from '../../../shared/api/sessions';
import type { AdverseEvent } from '../../../shared/api/adverse-events';
import type { TimelineEntry } from '../../../shared/api/recall';
import { signedSession, startTreatmentClinic, today, type Clinic } from '../sessions/fixtures';

let c: Clinic;
beforeEach(async () => {
  c = await startTreatmentClinic();
});
afterEach(async () => {
  await c.app.close();
});

describe('adverse events and the timeline', () => {
  it('keeps open events for the alerts strip until resolved, and lists everything in order', async () => {
    const session = await signedSession(c);
    await c.app.ok('sessions.addAddendum', { sessionId: session.id, text: 'Called next day' });
    const event = await c.app.ok<AdverseEvent>('adverseEvents.record', {
      sessionId: session.id,
      kind: 'bruising',
      severity: 'mild',
      onsetOn: today(c.app),
      description: 'Left cheek',
      actionTaken: 'Arnica, cold compress',
    });
    expect(
      (await c.app.ok<AdverseEvent[]>('adverseEvents.listOpen', { patientId: c.patientId })).map(
        (e) => e.id,
      ),
    ).toEqual([event.id]);
    const early = await c.app.call('adverseEvents.resolve', {
      id: event.id,
      resolvedOn: '2000-01-01',
      outcome: 'Gone',
    });
    expect(!early.ok && early.error.fields?.resolvedOn).toMatch(/between the onset and today/);
    await c.app.ok('adverseEvents.resolve', {
      id: event.id,
      resolvedOn: today(c.app),
      outcome: 'Gone',
    });
    expect(await c.app.ok('adverseEvents.listOpen', { patientId: c.patientId })).toEqual([]);
    const again = await c.app.call('adverseEvents.resolve', {
      id: event.id,
      resolvedOn: today(c.app),
      outcome: 'Gone',
    });
    expect(again.ok).toBe(false);

    const timeline = await c.app.ok<TimelineEntry[]>('chart.timeline', { patientId: c.patientId });
    expect(timeline.map((e) => e.kind).sort()).toEqual(
      ['addendum', 'adverse-event', 'adverse-event-resolved', 'check', 'session'].sort(),
    );
    const read = await c.app.ok<TreatmentSession>('sessions.get', { id: session.id });
    expect(read.adverseEvents[0]?.resolvedOn).toBe(today(c.app));
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  CLINIC_PRACTITIONER,
  startClinic,
  type TestApp,
  rawDb,
} from '../../support/helpers';
import { details } from '../patients/fixtures';
import type { ConsentEvent } from '../../../shared/api/consents';

let app: TestApp;
beforeEach(async () => {
  app = await startClinic({ as: 'practitioner' });
});
afterEach(async () => {
  await app.close();
});

describe('consents', () => {
  it('records consents at intake and withdrawal as a new event', async () => {
    const p = await app.ok<{ id: string }>('patients.create', {
      ...details(),
      consents: ['health-data', 'photos-record', 'reminders-sms'],
    });
    const list = () =>
      app.ok<{ current: ConsentEvent[]; events: ConsentEvent[] }>('consents.list', {
        patientId: p.id,
      });
    expect((await list()).current.map((c) => [c.kind, c.decision]).sort()).toEqual([
      ['health-data', 'given'],
      ['photos-record', 'given'],
      ['reminders-sms', 'given'],
    ]);
    await app.ok('consents.record', {
      patientId: p.id,
      kind: 'photos-record',
      decision: 'withdrawn',
      note: 'Asked by phone',
    });
    const after = await list();
    expect(after.current.find((c) => c.kind === 'photos-record')).toMatchObject({
      decision: 'withdrawn',
      note: 'Asked by phone',
      recordedBy: CLINIC_PRACTITIONER.displayName,
    });
    // The original consent is still there, unchanged.
    expect(after.events.filter((e) => e.kind === 'photos-record').map((e) => e.decision)).toEqual([
      'withdrawn',
      'given',
    ]);
    const again = await app.call('consents.record', {
      patientId: p.id,
      kind: 'photos-other',
      decision: 'withdrawn',
      note: '',
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('CONFLICT');

    const sqlite = rawDb(app);
    expect(() => sqlite.prepare('UPDATE consent_event SET decision = decision').run()).toThrow(
      /never edited/,
    );
    expect(() => sqlite.prepare('DELETE FROM consent_event').run()).toThrow(/never deleted/);
    // The audit log is the admin's to read.
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const { events } = await app.ok<{ events: { operation: string; patientId: string | null }[] }>(
      'audit.list',
      { patientId: p.id },
    );
    // Two lists, the withdrawal, and the refused withdrawal: refusals are audited too.
    expect(events.filter((e) => e.operation.startsWith('consents.')).length).toBe(4);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, snapshot, startClinic, type TestApp, rawDb } from '../../support/helpers';
import { register } from '../patients/fixtures';

let app: TestApp;
afterEach(() => app.close());

const NURSE = {
  username: 'nurse',
  displayName: 'Nurse Ayla',
  role: 'practitioner',
  password: 'practitioner 123',
};

interface Reset {
  temporaryCode: string;
  expiresAt: string;
}

async function resetNurse(): Promise<{ id: string; reset: Reset }> {
  const { id } = await app.ok<{ id: string }>('staff.create', NURSE);
  const reset = await app.ok<Reset>('staff.resetPassword', { id });
  return { id, reset };
}

function auditRows(action: string) {
  return rawDb(app)
    .prepare(
      'SELECT action, object_type, object_id, outcome, error_code FROM audit_event WHERE operation = ?',
    )
    .all(action) as Record<string, unknown>[];
}

describe('a password reset forces a change', () => {
  it('gives the admin a one-time code, not a password, and the old password stops working', async () => {
    app = await startClinic();
    const { id, reset } = await resetNurse();
    expect(reset.temporaryCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // 24 hours to hand it over.
    const hours = (Date.parse(reset.expiresAt) - app.services.state.clock().getTime()) / 3.6e6;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const list = await app.ok<{ id: string; mustChangePassword: boolean }[]>('staff.list');
    expect(list.find((u) => u.id === id)?.mustChangePassword).toBe(true);
    // Only a hash of the code is stored, never the code.
    expect(snapshot(app)).not.toContain(reset.temporaryCode);
    await app.ok('auth.signOut');
    expect(
      await app.call('auth.signIn', { username: NURSE.username, password: NURSE.password }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(auditRows('staff.resetPassword')).toEqual([
      {
        action: 'update',
        object_type: 'staff-password',
        object_id: id,
        outcome: 'success',
        error_code: null,
      },
    ]);
  });

  it('signed in with the code, allows only choosing a new password; every other call is refused and writes nothing', async () => {
    app = await startClinic();
    const patient = await register(app);
    const code = (await resetNurse()).reset.temporaryCode;
    await app.ok('auth.signOut');
    const state = await app.ok<{ user: { mustChangePassword: boolean } }>('auth.signIn', {
      username: NURSE.username,
      password: code,
    });
    expect(state.user.mustChangePassword).toBe(true);
    const before = snapshotWithoutAudit();
    for (const [name, input] of [
      ['patients.search', { query: 'a' }],
      ['chart.open', { patientId: patient.id }],
      ['history.get', { patientId: patient.id }],
      [
        'consents.record',
        { patientId: patient.id, kind: 'treatment', decision: 'given', note: '' },
      ],
      ['sessions.list', { patientId: patient.id }],
    ] as const) {
      expect(await app.call(name, input), name).toMatchObject({
        ok: false,
        error: { code: 'PASSWORD_CHANGE_REQUIRED' },
      });
    }
    expect(snapshotWithoutAudit()).toBe(before);
    expect(auditRows('chart.open')).toMatchObject([
      { outcome: 'denied', error_code: 'PASSWORD_CHANGE_REQUIRED' },
    ]);
    // The code itself cannot become the new password: the admin has seen it.
    expect(await app.call('staff.changeOwnPassword', { newPassword: code })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { newPassword: /different/ } },
    });
    expect(await app.call('staff.changeOwnPassword', { newPassword: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const changed = await app.ok<{ mustChangePassword: boolean }>('staff.changeOwnPassword', {
      newPassword: 'only the nurse knows this',
    });
    expect(changed.mustChangePassword).toBe(false);
    expect(await app.call('patients.search', { query: 'a' })).toMatchObject({ ok: true });
    expect(auditRows('staff.changeOwnPassword')).toMatchObject([
      { outcome: 'failed', error_code: 'VALIDATION' },
      { outcome: 'success', object_type: 'staff-password' },
    ]);
    // The code is spent: only the new password signs in.
    await app.ok('auth.signOut');
    expect(
      await app.call('auth.signIn', { username: NURSE.username, password: code }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    await app.ok('auth.signIn', {
      username: NURSE.username,
      password: 'only the nurse knows this',
    });
    // Eight password hashings at 128 MiB each on a shared machine.
  }, 120_000);

  it('refuses an expired code with its own error, and a fresh reset works again', async () => {
    app = await startClinic({ frozenClock: true });
    const { id, reset } = await resetNurse();
    app.advance(24 * 3_600_000 + 1000);
    await app.ok('auth.signOut');
    expect(
      await app.call('auth.signIn', { username: NURSE.username, password: reset.temporaryCode }),
    ).toMatchObject({ ok: false, error: { code: 'CODE_EXPIRED', message: /expired/ } });
    expect(await app.ok('auth.state')).toMatchObject({ user: null });
    await app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const again = await app.ok<Reset>('staff.resetPassword', { id });
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', { username: NURSE.username, password: again.temporaryCode });
  });

  it('asks for the current password when a user changes it of their own accord', async () => {
    app = await startClinic();
    expect(
      await app.call('staff.changeOwnPassword', { newPassword: 'a new admin password' }),
    ).toMatchObject({ ok: false, error: { fields: { currentPassword: /current password/ } } });
    expect(
      await app.call('staff.changeOwnPassword', {
        currentPassword: 'not the password',
        newPassword: 'a new admin password',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    await app.ok('staff.changeOwnPassword', {
      currentPassword: ADMIN.password,
      newPassword: 'a new admin password',
    });
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', { username: ADMIN.username, password: 'a new admin password' });
  });
});

/** Every row of every table but the audit log, which records the refusals themselves. */
function snapshotWithoutAudit(): string {
  return JSON.stringify(
    (JSON.parse(snapshot(app)) as [string, unknown][]).filter(([t]) => !t.startsWith('audit_')),
  );
}

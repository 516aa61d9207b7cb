import { afterEach, describe, expect, it } from 'vitest';
import { operationNames, operations } from '../../../shared/api/contract';
import {
  ADMIN,
  CLINIC,
  TEST_ORIGIN,
  TRUSTED,
  snapshot,
  startApp,
  startClinic,
  type TestApp,
} from '../../support/helpers';

let app: TestApp;
afterEach(() => app.close());

/** Inputs no operation accepts: wrong types, unknown keys, hostile values. */
const malformed: unknown[] = [
  null,
  undefined,
  42,
  'string',
  true,
  [],
  [{}],
  { unexpected: 'key' },
  { __proto__: { polluted: true }, constructor: 'x', unexpected: 1 },
  { username: { $gt: '' }, password: ["' OR 1=1 --"], unexpected: true },
];

describe('the operation wrapper', () => {
  it('refuses malformed input to every operation with a typed error and writes nothing', async () => {
    app = await startClinic();
    for (const name of operationNames) {
      for (const input of malformed) {
        const before = snapshot(app);
        const result = await app.services.dispatch(TRUSTED, name, input);
        expect(result.ok, `${name} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code, `${name} with ${JSON.stringify(input)}`).toBe('VALIDATION');
          expect(typeof result.error.message).toBe('string');
        }
        expect(snapshot(app), `${name} changed the database`).toBe(before);
      }
    }
  });

  it('refuses unknown operations, foreign senders and oversized input, changing nothing', async () => {
    app = await startClinic();
    const before = snapshot(app);
    for (const name of ['patients.drop', '__proto__', 'constructor', 'auth', '', 42, null]) {
      expect(await app.services.dispatch(TRUSTED, name, {})).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_OPERATION' },
      });
    }
    const senders = [
      { url: 'https://evil.example/index.html', isMainFrame: true },
      { url: `${TEST_ORIGIN}/index.html`, isMainFrame: false },
      { url: 'not a url', isMainFrame: true },
      { url: `${TEST_ORIGIN}.evil.example/`, isMainFrame: true },
    ];
    for (const sender of senders) {
      expect(await app.services.dispatch(sender, 'staff.list', {})).toMatchObject({
        ok: false,
        error: { code: 'BAD_SENDER' },
      });
    }
    const huge = 'x'.repeat(300 * 1024);
    expect(
      await app.call('staff.create', {
        username: 'big',
        displayName: huge,
        role: 'admin',
        password: huge,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE' },
    });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await app.call('staff.list', cyclic)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(snapshot(app)).toBe(before);
  });

  it('puts field messages on the fields', async () => {
    app = await startClinic();
    const result = await app.call('staff.create', {
      username: 'A B',
      displayName: ' ',
      role: 'boss',
      password: 'short',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          username: 'Use lower-case letters, digits, dot, dash or underscore',
          displayName: 'Name is required',
          role: expect.any(String),
          password: 'Password must be at least 10 characters',
        },
      },
    });
  });

  it('refuses signed-in operations before sign-in', async () => {
    app = await startClinic();
    await app.ok('auth.signOut');
    for (const name of operationNames.filter((n) => operations[n].access !== 'public')) {
      const result = await app.call(name, name === 'audit.list' ? { limit: 1 } : {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect([`UNAUTHENTICATED`, 'VALIDATION']).toContain(result.error.code);
    }
    expect(await app.call('clinic.settings')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('enforces roles in the main process and audits the refusal', async () => {
    app = await startClinic();
    await app.ok('staff.create', {
      username: 'desk',
      displayName: 'Desk',
      role: 'receptionist',
      password: 'reception desk 1',
    });
    await app.ok('auth.signIn', { username: 'desk', password: 'reception desk 1' });
    const adminOnly = operationNames.filter(
      (n) =>
        Array.isArray(operations[n].access) &&
        !(operations[n].access as readonly string[]).includes('receptionist'),
    );
    expect(adminOnly).toContain('staff.create');
    expect(
      await app.call('staff.create', {
        username: 'x-admin',
        displayName: 'X',
        role: 'admin',
        password: 'sneaky password',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await app.call('clinic.updateSettings', { idleLockMinutes: 120 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await app.call('audit.verify')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // A receptionist may read the settings (clinic details for printing), not change them.
    expect(await app.call('clinic.settings')).toMatchObject({ ok: true });

    await app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const staff = await app.ok<{ username: string }[]>('staff.list');
    expect(staff.map((s) => s.username)).not.toContain('x-admin');
    const denied = await app.ok<{ events: { operation: string; outcome: string; role: string }[] }>(
      'audit.list',
      { limit: 100 },
    );
    expect(
      denied.events
        .filter((e) => e.outcome === 'denied')
        .map((e) => e.operation)
        .sort(),
    ).toEqual(['audit.verify', 'clinic.updateSettings', 'staff.create']);
  });

  it('never returns password hashes', async () => {
    app = await startClinic();
    const outputs = JSON.stringify([
      await app.ok('staff.list'),
      await app.ok('auth.state'),
      await app.ok('audit.list', { limit: 50 }),
    ]);
    expect(outputs).not.toMatch(/scrypt\$/);
    expect(outputs).not.toContain('password');
  });
});

describe('setup, sign-in and lock', () => {
  it('allows setup once only', async () => {
    app = await startApp();
    expect(await app.ok('auth.state')).toMatchObject({ needsSetup: true, user: null });
    await app.ok('auth.setup', { clinic: CLINIC, admin: ADMIN });
    expect(await app.ok('auth.state')).toMatchObject({
      needsSetup: false,
      user: { username: ADMIN.username, role: 'admin' },
    });
    await app.ok('auth.signOut');
    const again = await app.call('auth.setup', {
      clinic: CLINIC,
      admin: { ...ADMIN, username: 'intruder' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      await app.call('auth.signIn', { username: 'intruder', password: ADMIN.password }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
  });

  it('gives the same answer for an unknown name and a wrong password, then grows the delay', async () => {
    app = await startClinic({ frozenClock: true });
    await app.ok('auth.signOut');
    const unknown = await app.call('auth.signIn', {
      username: 'nobody',
      password: 'whatever it is',
    });
    const wrong = await app.call('auth.signIn', {
      username: ADMIN.username,
      password: 'whatever it is',
    });
    expect(unknown).toEqual(wrong);
    // Second failure is still free; the third starts a delay.
    await app.call('auth.signIn', { username: ADMIN.username, password: 'wrong again!' });
    await app.call('auth.signIn', { username: ADMIN.username, password: 'wrong a third time' });
    const limited = await app.call('auth.signIn', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(limited).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: /Wait 2 seconds/ },
    });
    app.advance(2_100);
    await app.call('auth.signIn', { username: ADMIN.username, password: 'wrong a fourth time' });
    expect(
      await app.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED', message: /Wait 4 seconds/ },
    });
    app.advance(4_100);
    expect(
      await app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({
      user: { username: ADMIN.username },
    });
    // Success resets the count.
    await app.ok('auth.signOut');
    await app.call('auth.signIn', { username: ADMIN.username, password: 'one more mistake' });
    expect(
      await app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({
      user: { username: ADMIN.username },
    });
    const audit = await app.ok<{
      events: { operation: string; outcome: string; username: string }[];
    }>('audit.list', { limit: 100 });
    const signIns = audit.events.filter((e) => e.operation === 'auth.signIn');
    expect(signIns.filter((e) => e.outcome === 'failed').length).toBe(8);
    expect(signIns.filter((e) => e.outcome === 'success').length).toBe(2);
    expect(signIns.some((e) => e.username === 'nobody')).toBe(true);
  });

  it('locks after the idle period even if the window does not ask, and unlocks only with the password', async () => {
    app = await startClinic();
    await app.ok('clinic.updateSettings', { idleLockMinutes: 5 });
    app.advance(4 * 60_000);
    expect(await app.call('clinic.settings')).toMatchObject({ ok: true });
    app.advance(5 * 60_000 + 1_000);
    expect(await app.call('clinic.settings')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await app.ok('auth.state')).toMatchObject({
      locked: true,
      user: { username: ADMIN.username },
    });
    expect(await app.call('auth.unlock', { password: 'not the password' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS' },
    });
    expect(await app.ok('auth.unlock', { password: ADMIN.password })).toMatchObject({
      locked: false,
    });
    expect(await app.call('clinic.settings')).toMatchObject({ ok: true });
  });

  it('signs out a deactivated user at their next call', async () => {
    app = await startClinic();
    const nurse = await app.ok<{ id: string }>('staff.create', {
      username: 'nurse',
      displayName: 'Nurse',
      role: 'practitioner',
      password: 'practitioner 123',
    });
    await app.ok('auth.signIn', { username: 'nurse', password: 'practitioner 123' });
    // Another window of the same clinic would do this; here the admin acts through the store.
    app.services.state.store.sqlite
      .prepare('UPDATE staff_user SET active = 0 WHERE id = ?')
      .run(nurse.id);
    expect(await app.call('clinic.settings')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(
      await app.call('auth.signIn', { username: 'nurse', password: 'practitioner 123' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: /deactivated/ },
    });
  });

  it('never leaves the clinic without an active admin', async () => {
    app = await startClinic();
    const state = await app.ok<{ user: { id: string } }>('auth.state');
    expect(
      await app.call('staff.update', { id: state.user.id, role: 'practitioner' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const second = await app.ok<{ id: string }>('staff.create', {
      username: 'boss2',
      displayName: 'Second Admin',
      role: 'admin',
      password: 'second admin pw',
    });
    expect(await app.call('staff.update', { id: state.user.id, active: false })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: /your own account/ },
    });
    expect(await app.ok('staff.update', { id: second.id, role: 'practitioner' })).toMatchObject({
      role: 'practitioner',
    });
    expect(
      await app.ok('staff.resetPassword', { id: second.id, password: 'a brand new password' }),
    ).toEqual({ done: true });
    await app.ok('auth.signIn', { username: 'boss2', password: 'a brand new password' });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, CLINIC, startApp, startClinic, type TestApp } from '../../support/helpers';

let app: TestApp;
afterEach(() => app.close());

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
    // An unknown name is kept only as a short fingerprint: it may be a mistyped password.
    expect(signIns.some((e) => e.username === 'nobody')).toBe(false);
    expect(signIns.filter((e) => /^unknown#[0-9a-f]{6}$/.test(e.username))).toHaveLength(1);
  });

  it('locks after the idle period even if the window does not ask, and unlocks only with the password', async () => {
    app = await startClinic();
    await app.ok('clinic.updateSettings', { idleLockMinutes: 5 });
    app.advance(4 * 60_000);
    expect(await app.call('clinic.settings')).toMatchObject({ ok: true });
    app.advance(5 * 60_000 + 1_000);
    expect(await app.call('clinic.settings')).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
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
    const { temporaryCode } = await app.ok<{ temporaryCode: string }>('staff.resetPassword', {
      id: second.id,
    });
    await app.ok('auth.signIn', { username: 'boss2', password: temporaryCode });
  });
});

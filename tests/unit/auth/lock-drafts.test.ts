import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, startClinic, type TestApp } from '../../support/helpers';

let app: TestApp;
afterEach(() => app.close());

const NURSE = {
  username: 'nurse',
  displayName: 'Nurse Ada',
  role: 'practitioner',
  password: 'practitioner 123',
};
const draft = {
  key: '/patients/new#register',
  route: '/patients/new',
  values: JSON.stringify({ givenName: 'Şebnem', familyName: 'Yıl' }),
};

describe('forms kept through the lock', () => {
  it('hands the drafts back to the same user once, after unlocking', async () => {
    app = await startClinic();
    await app.ok('auth.lock', { drafts: [draft] });
    // Nothing is readable while locked, the drafts included.
    expect(await app.call('auth.takeDrafts')).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    await app.ok('auth.unlock', { password: ADMIN.password });
    expect(await app.ok('auth.takeDrafts')).toEqual({ drafts: [draft] });
    expect(await app.ok('auth.takeDrafts')).toEqual({ drafts: [] });
  });

  it('never gives one user the drafts of another, and keeps them for their owner', async () => {
    app = await startClinic();
    await app.ok('staff.create', NURSE);
    await app.ok('auth.lock', { drafts: [draft] });
    await app.ok('auth.signIn', { username: NURSE.username, password: NURSE.password });
    expect(await app.ok('auth.takeDrafts')).toEqual({ drafts: [] });
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect(await app.ok('auth.takeDrafts')).toEqual({ drafts: [draft] });
  });

  it('takes the lock the window asks for as the idle period runs out, with its drafts', async () => {
    app = await startClinic();
    await app.ok('clinic.updateSettings', { idleLockMinutes: 1 });
    // The window reports activity every 30 s, so the services' idle clock runs out first.
    app.advance(61_000);
    expect(await app.ok('auth.lock', { drafts: [draft] })).toMatchObject({ locked: true });
    // A second lock call once locked is refused like any other call.
    expect(await app.call('auth.lock', { drafts: [] })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    await app.ok('auth.unlock', { password: ADMIN.password });
    expect(await app.ok('auth.takeDrafts')).toEqual({ drafts: [draft] });
  });

  it('refuses a draft that is not a form snapshot', async () => {
    app = await startClinic();
    expect(
      await app.call('auth.lock', { drafts: [{ ...draft, values: 'x'.repeat(400_001) }] }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await app.ok('auth.state')).toMatchObject({ locked: false });
  });
});

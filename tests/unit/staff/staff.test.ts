import { afterEach, describe, expect, it } from 'vitest';
import { startClinic, type TestApp } from '../../support/helpers';

let app: TestApp;
afterEach(() => app.close());

const NURSE = {
  username: 'nurse',
  displayName: 'Nurse Ayla',
  role: 'practitioner',
  password: 'practitioner 123',
};

describe('staff accounts', () => {
  it('lists a new account with its role and never its password', async () => {
    app = await startClinic();
    await app.ok('staff.create', NURSE);
    const list = await app.ok<Record<string, unknown>[]>('staff.list');
    const nurse = list.find((u) => u.username === 'nurse');
    expect(nurse).toMatchObject({ displayName: 'Nurse Ayla', role: 'practitioner', active: true });
    expect(JSON.stringify(list)).not.toMatch(/hash|scrypt|practitioner 123/i);
  });

  it('refuses a second account with the same user name, changing nothing', async () => {
    app = await startClinic();
    await app.ok('staff.create', NURSE);
    const before = await app.ok('staff.list');
    const again = await app.call('staff.create', { ...NURSE, displayName: 'Someone else' });
    expect(again).toMatchObject({ ok: false });
    expect(await app.ok('staff.list')).toEqual(before);
  });

  it('is administered by the admin only', async () => {
    app = await startClinic();
    await app.ok('staff.create', NURSE);
    await app.ok('auth.signIn', { username: 'nurse', password: 'practitioner 123' });
    expect(await app.call('staff.list')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await app.call('staff.create', { ...NURSE, username: 'nurse2' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

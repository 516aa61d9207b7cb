import { afterEach, describe, expect, it } from 'vitest';
import {
  PASSWORD_PARAMS,
  hashPassword,
  setPasswordCostForTests,
  verifyPassword,
} from '../../../electron/services/auth/passwords';
import { ADMIN, rawDb, startClinic, type TestApp } from '../../support/helpers';

// The suites lower the cost (tests/support/password-cost.ts); this file checks what the app does.
describe('password hashing cost', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
    setPasswordCostForTests(2 ** 10);
  });

  it('stores the clinic admin at scrypt N=2^17, r=8, p=1 and signs in with it', async () => {
    setPasswordCostForTests(null);
    app = await startClinic();
    const row = rawDb(app)
      .prepare('SELECT password_hash FROM staff_user WHERE username = ?')
      .get(ADMIN.username) as { password_hash: string };
    expect(row.password_hash.split('$').slice(0, 4)).toEqual([
      'scrypt',
      String(PASSWORD_PARAMS.N),
      '8',
      '1',
    ]);
    await app.ok('auth.signOut');
    const signIn = await app.call('auth.signIn', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(signIn.ok).toBe(true);
  });

  it('verifies a hash with the parameters stored in it, whatever the current cost', async () => {
    const cheap = await hashPassword('correct horse battery');
    setPasswordCostForTests(null);
    expect(await verifyPassword('correct horse battery', cheap)).toBe(true);
    expect(await verifyPassword('wrong horse battery', cheap)).toBe(false);
  });

  it('refuses a cost that is not a power of two or below 2^10', () => {
    expect(() => setPasswordCostForTests(1000)).toThrow(RangeError);
    expect(() => setPasswordCostForTests(2 ** 8)).toThrow(RangeError);
  });
});

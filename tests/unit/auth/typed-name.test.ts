import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, snapshot, startClinic, type TestApp } from '../../support/helpers';

let app: TestApp;
afterEach(() => app.close());

describe('a failed sign-in', () => {
  it('keeps a password typed into the name field nowhere, and names a real account plainly', async () => {
    app = await startClinic();
    await app.ok('auth.signOut');
    const typedPassword = 'Tr0ub4dor&3-secret';
    for (let i = 0; i < 2; i += 1) {
      expect(
        await app.call('auth.signIn', { username: typedPassword, password: ADMIN.password }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    }
    await app.call('auth.signIn', { username: 'someone-else', password: 'whatever it is' });
    await app.call('auth.signIn', { username: ` ${ADMIN.username} `, password: 'wrong one!' });
    // Not in the audit log, the throttle or any other table, in any case.
    expect(snapshot(app).toLowerCase()).not.toContain(typedPassword.toLowerCase());

    await app.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const { events } = await app.ok<{
      events: { operation: string; outcome: string; username: string | null }[];
    }>('audit.list', { limit: 50 });
    const failed = events
      .filter((e) => e.operation === 'auth.signIn' && e.outcome === 'failed')
      .map((e) => e.username)
      .reverse();
    expect(failed).toHaveLength(4);
    const [first, second, other, known] = failed;
    // The same text gives the same fingerprint, so repeated attempts can be told apart.
    expect(first).toMatch(/^unknown#[0-9a-f]{6}$/);
    expect(second).toBe(first);
    expect(other).toMatch(/^unknown#[0-9a-f]{6}$/);
    expect(other).not.toBe(first);
    expect(known).toBe(ADMIN.username);
  });
});

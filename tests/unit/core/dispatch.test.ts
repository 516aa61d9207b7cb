import { afterEach, describe, expect, it } from 'vitest';
import { operationNames, operations } from '../../../shared/api/contract';
import { roleMayCall } from '../../../shared/api/roles';
import { PRACTITIONER, signInAs } from '../sessions/fixtures';
import {
  ADMIN,
  TEST_ORIGIN,
  TRUSTED,
  snapshot,
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
    await app.ok('staff.create', PRACTITIONER);
    // The role check comes before the input's: each operation is called by a role that may
    // call it (the admin, or else a practitioner), so its input rules are what is tested.
    const byAdmin = operationNames.filter((name) => roleMayCall(operations[name].access, 'admin'));
    const byPractitioner = operationNames.filter((name) => !byAdmin.includes(name));
    for (const name of [...byAdmin, ...byPractitioner]) {
      if (name === byPractitioner[0]) {
        await signInAs(app, PRACTITIONER.username, PRACTITIONER.password);
      }
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
  }, 120_000);

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
          displayName: 'Full name is required',
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

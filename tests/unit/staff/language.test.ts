import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/api/auth';
import type { Settings } from '../../../shared/api/clinic';
import type { StaffUser } from '../../../shared/api/staff';
import { CLINIC_PRACTITIONER, rawDb, startClinic, type TestApp } from '../../support/helpers';

let app: TestApp;
beforeAll(async () => {
  app = await startClinic({ as: 'practitioner' });
});
afterAll(() => app.close());

const state = () => app.ok<SessionState>('auth.state');

async function signIn(username: string, password: string) {
  await app.ok('auth.signOut');
  await app.ok('auth.signIn', { username, password });
}

describe("the screens' language", () => {
  it('is English for a new clinic, and nobody has chosen their own', async () => {
    const s = await state();
    expect(s.clinicLanguage).toBe('en');
    expect(s.user?.uiLanguage).toBeNull();
    expect((await app.ok<Settings>('clinic.settings')).uiLanguage).toBe('en');
  });

  it('is chosen by a member of staff for themselves, kept on their account and audited', async () => {
    const me = await app.ok<StaffUser>('staff.setOwnLanguage', { language: 'ar' });
    expect(me.uiLanguage).toBe('ar');
    // Signing out and in again (at any workstation) brings the choice back with the account.
    await signIn(CLINIC_PRACTITIONER.username, CLINIC_PRACTITIONER.password);
    expect((await state()).user?.uiLanguage).toBe('ar');
    const events = rawDb(app)
      .prepare(
        "SELECT count(*) AS n FROM audit_event WHERE operation = 'staff.setOwnLanguage' AND outcome = 'success'",
      )
      .get() as { n: number };
    expect(events.n).toBe(1);
  });

  it('refuses a language the screens are not written in, changing nothing', async () => {
    for (const language of ['de', 'AR', '', 'ar-EG']) {
      const result = await app.call('staff.setOwnLanguage', { language });
      expect(result.ok).toBe(false);
    }
    expect((await state()).user?.uiLanguage).toBe('ar');
  });

  it('follows the clinic again when the choice is cleared', async () => {
    const me = await app.ok<StaffUser>('staff.setOwnLanguage', { language: null });
    expect(me.uiLanguage).toBeNull();
  });

  it("is the clinic's default, set by the admin only, shown before anyone signs in", async () => {
    const refused = await app.call('clinic.updateSettings', { uiLanguage: 'tr' });
    expect(refused.ok).toBe(false);
    await signIn('amira', 'correct horse battery');
    const saved = await app.ok<Settings>('clinic.updateSettings', { uiLanguage: 'tr' });
    expect(saved.uiLanguage).toBe('tr');
    await app.ok('auth.signOut');
    const signedOut = await state();
    expect(signedOut.user).toBeNull();
    expect(signedOut.clinicLanguage).toBe('tr');
    const bad = await app.call('clinic.updateSettings', { uiLanguage: 'xx' });
    expect(bad.ok).toBe(false);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { CLINIC, startClinic, type TestApp } from '../../support/helpers';

let app: TestApp;
afterEach(() => app.close());

describe('clinic settings', () => {
  it('saves the clinic details, and the window shows the new name', async () => {
    app = await startClinic();
    await app.ok('clinic.updateSettings', { clinic: { ...CLINIC, name: 'Klinik Şifa' } });
    expect(await app.ok('clinic.settings')).toMatchObject({ clinic: { name: 'Klinik Şifa' } });
    expect(await app.ok('auth.state')).toMatchObject({ clinicName: 'Klinik Şifa' });
  });

  it('refuses an idle lock outside its range next to the field, keeping the stored one', async () => {
    app = await startClinic();
    await app.ok('clinic.updateSettings', { idleLockMinutes: 5 });
    const refused = await app.call('clinic.updateSettings', { idleLockMinutes: 0 });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { idleLockMinutes: expect.any(String) } },
    });
    expect(await app.ok('clinic.settings')).toMatchObject({ idleLockMinutes: 5 });
  });
});

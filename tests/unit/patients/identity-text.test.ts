import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, startClinic, type TestApp } from '../../support/helpers';
import { details } from './fixtures';
import type { Patient } from '../../../shared/api/patients';

let app: TestApp;
beforeEach(async () => {
  app = await startClinic();
});
afterEach(() => app.close());

const hidden = {
  'right-to-left override': '\u202e',
  'left-to-right embedding': '\u202a',
  'pop directional formatting': '\u202c',
  'first strong isolate': '\u2068',
  'pop directional isolate': '\u2069',
  'zero-width space': '\u200b',
  'zero-width joiner': '\u200d',
  'byte-order mark': '\ufeff',
};

describe('names and identity fields', () => {
  it.each(Object.entries(hidden))(
    'refuse a %s with a message on the field, writing nothing',
    async (_what, char) => {
      const before = snapshot(app);
      const result = await app.call('patients.create', {
        ...details({ givenName: `Ali${char}ce`, emergencyContactName: `Bob${char}` }),
      });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          fields: {
            givenName: expect.stringMatching(/Given name contains invisible or text-direction/),
            emergencyContactName: expect.stringMatching(/Emergency contact contains invisible/),
          },
        },
      });
      expect(snapshot(app)).toBe(before);
    },
  );

  it('refuse them in a change of name and in a staff name too', async () => {
    const patient = await app.ok<Patient>('patients.create', details());
    const before = snapshot(app);
    const update = await app.call('patients.update', {
      id: patient.id,
      ...details({ familyName: 'Yılmaz\u202egnp.exe' }),
    });
    expect(update).toMatchObject({ ok: false, error: { fields: { familyName: /invisible/ } } });
    const staff = await app.call('staff.create', {
      username: 'hidden.name',
      displayName: 'Inès\u200b Moreau',
      role: 'practitioner',
      password: 'practitioner pass phrase',
    });
    expect(staff).toMatchObject({ ok: false, error: { fields: { displayName: /invisible/ } } });
    expect(snapshot(app)).toBe(before);
  });

  it('keep names in any script, right-to-left ones included', async () => {
    const names = [
      ['Şebnem', 'Yılmaz'],
      ['İpek', 'Çağlayan'],
      ['فاطمة', 'الزهراء'],
      ['עדי', 'כהן'],
      ['Дарья', 'Иванова'],
      ['Ζωή', 'Παπαδοπούλου'],
      ['Zoë', "O'Brien-Ångström"],
      // The non-joiner is spelling in Persian; the joiner holds an emoji sequence together.
      ['مهر\u200cنوش', 'رضایی'],
      ['Ünal', 'Kaya 👩\u200d⚕️'],
    ];
    for (const [givenName, familyName] of names) {
      const saved = await app.ok<Patient>('patients.create', {
        ...details({ givenName, familyName, phone: '', email: '' }),
        notDuplicateOf: [],
      });
      expect([saved.givenName, saved.familyName]).toEqual([givenName, familyName]);
    }
  });
});

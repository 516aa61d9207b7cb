import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patient, PatientSummary } from '../../../shared/api/patients';
import type { Settings } from '../../../shared/api/clinic';
import { personName, usualNameOrder } from '../../../shared/patients/person-name';
import {
  archivedPath,
  generate,
  registerAnother,
  startDocumentsClinic,
  type DocumentsClinic,
} from '../documents/archive-fixtures';
import { flat, pdfText } from '../documents/pdf-tools';
import { details } from './fixtures';
import { ADMIN } from '../../support/helpers';
import { PRACTITIONER, signInAs } from '../sessions/fixtures';

describe('the usual order of a name', () => {
  it('puts the family name first for Vietnamese, Chinese, Korean and Hungarian names', () => {
    expect(usualNameOrder({ givenName: 'Thị Ánh', familyName: 'Nguyễn' })).toBe('family-first');
    expect(usualNameOrder({ givenName: '小明', familyName: '王' })).toBe('family-first');
    expect(usualNameOrder({ givenName: '민준', familyName: '김' })).toBe('family-first');
    expect(
      usualNameOrder({ givenName: 'Anna', familyName: 'Kovács', preferredLanguage: 'hu' }),
    ).toBe('family-first');
    expect(usualNameOrder({ givenName: 'Şebnem', familyName: 'Yılmaz' })).toBe('given-first');
  });

  it('follows the order chosen for the person over the usual one', () => {
    const anh = { givenName: 'Thị Ánh', familyName: 'Nguyễn' };
    expect(personName(anh)).toBe('Nguyễn Thị Ánh');
    expect(personName({ ...anh, nameOrder: 'given-first' })).toBe('Thị Ánh Nguyễn');
    expect(personName({ givenName: 'Emre', familyName: 'Kaya', nameOrder: 'family-first' })).toBe(
      'Kaya Emre',
    );
  });
});

describe('names and languages in the record', () => {
  let c: DocumentsClinic;
  beforeAll(async () => {
    c = await startDocumentsClinic();
  });
  afterAll(() => c.app.close());

  it('prints a Vietnamese name family name first on the consent, and search still finds her', async () => {
    const anh = await registerAnother(c.app, { givenName: 'Thị Ánh', familyName: 'Nguyễn' }, 1);
    expect(anh.nameOrder).toBeNull();
    const consent = await generate(c, { patientId: anh.id });
    const text = flat(pdfText(archivedPath(c.app, consent)));
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).not.toContain('Thị Ánh Nguyễn');
    const found = await c.app.ok<{ results: PatientSummary[] }>('patients.search', {
      query: 'nguyen anh',
    });
    expect(found.results.map((r) => r.id)).toContain(anh.id);
    expect(found.results.find((r) => r.id === anh.id)?.nameOrder).toBeNull();
  });

  it('keeps a chosen order, records the change, and prints it that way', async () => {
    const emre = await registerAnother(c.app, { givenName: 'Emre', familyName: 'Kaya' }, 2);
    const updated = await c.app.ok<Patient>('patients.update', {
      ...details({ givenName: 'Emre', familyName: 'Kaya', dateOfBirth: '1972-02-12' }),
      phone: emre.phone,
      email: '',
      preferredLanguage: '',
      id: emre.id,
      nameOrder: 'family-first',
    });
    expect(updated.nameOrder).toBe('family-first');
    // Left out of a later update, the order stays as chosen.
    const again = await c.app.ok<Patient>('patients.update', {
      ...details({ givenName: 'Emre', familyName: 'Kaya', dateOfBirth: '1972-02-12' }),
      phone: emre.phone,
      email: '',
      preferredLanguage: '',
      id: emre.id,
    });
    expect(again.nameOrder).toBe('family-first');
    const consent = await generate(c, { patientId: emre.id });
    expect(flat(pdfText(archivedPath(c.app, consent)))).toContain('Kaya Emre');
  });

  it('takes a preferred language only from the clinic list, with the reason at the field', async () => {
    const lena = {
      givenName: 'Lena',
      familyName: 'Weber',
      dateOfBirth: '1991-07-08',
      phone: '+49 30 5550 1234',
      email: '',
      preferredLanguage: 'de',
    };
    const count = async () =>
      (await c.app.ok<{ total: number }>('patients.search', { query: '' })).total;
    const before = await count();
    const typed = await c.app.call('patients.create', details({ preferredLanguage: 'Kurdish' }));
    expect(typed.ok).toBe(false);
    if (!typed.ok) expect(typed.error.fields?.['preferredLanguage']).toMatch(/from the list/);
    const notOffered = await c.app.call('patients.create', details(lena));
    expect(notOffered.ok).toBe(false);
    if (!notOffered.ok) {
      expect(notOffered.error.fields?.['preferredLanguage']).toMatch(/does not offer "de"/);
    }
    expect(await count()).toBe(before);

    const settings = await c.app.ok<Settings>('clinic.settings', {});
    expect(settings.patientLanguages).toEqual(['en', 'fr', 'tr', 'ar']);
    await signInAs(c.app, ADMIN.username, ADMIN.password);
    await c.app.ok('clinic.updateSettings', { patientLanguages: ['en', 'fr', 'tr', 'ar', 'de'] });
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    const registered = await c.app.ok<Patient>('patients.create', details(lena));
    expect(registered.preferredLanguage).toBe('de');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawStatementError, snapshot, startClinic, type TestApp } from '../../support/helpers';
import { details, register } from './fixtures';
import type {
  DuplicateCandidate,
  Patient,
  PatientChange,
  PatientSummary,
} from '../../../shared/api/patients';

let app: TestApp;
beforeEach(async () => {
  app = await startClinic();
});
afterEach(async () => {
  await app.close();
});

const search = (query: string, extra: Record<string, unknown> = {}) =>
  app.ok<{ total: number; results: PatientSummary[] }>('patients.search', { query, ...extra });
const names = async (query: string, extra: Record<string, unknown> = {}) =>
  (await search(query, extra)).results.map((r) => `${r.givenName} ${r.familyName}`);

describe('patient register', () => {
  it('keeps names in any script exactly as typed', async () => {
    const people = [
      ['Şebnem', 'Yılmaz'],
      ['Zoë', 'Ångström'],
      ['Дарья', 'Иванова'],
      ['Νίκος', 'Παπαδόπουλος'],
    ] as const;
    for (const [givenName, familyName] of people) {
      const created = await register(app, {
        givenName,
        familyName,
        phone: '',
        email: '',
        dateOfBirth: '1990-01-01',
      });
      const read = await app.ok<{ patient: Patient }>('patients.get', { id: created.id });
      expect(read.patient.givenName).toBe(givenName);
      expect(read.patient.familyName).toBe(familyName);
      // Byte-exact: no normalisation form change on the way in or out.
      expect(Buffer.from(read.patient.givenName).equals(Buffer.from(givenName))).toBe(true);
    }
  });

  it('generates unique clinic numbers in the configured format', async () => {
    const a = await register(app);
    const b = await register(app, {
      givenName: 'Zoë',
      familyName: 'Ångström',
      phone: '',
      email: '',
    });
    const year = new Date().getFullYear();
    expect(a.clinicNumber).toBe(`MC-${year}-00001`);
    expect(b.clinicNumber).toBe(`MC-${year}-00002`);
    await app.ok('patients.updateSettings', { clinicNumberFormat: 'P{SEQ:3}' });
    const c = await register(app, {
      givenName: 'Дарья',
      familyName: 'Иванова',
      phone: '',
      email: '',
    });
    expect(c.clinicNumber).toBe('P001');
    const bad = await app.call('patients.updateSettings', { clinicNumberFormat: 'NO-SEQ' });
    expect(bad.ok).toBe(false);
  });

  it('finds patients regardless of accents and case, by number, phone and birth date', async () => {
    const s = await register(app);
    await register(app, {
      givenName: 'Zoë',
      familyName: 'Ångström',
      dateOfBirth: '1979-11-03',
      phone: '+33 6 12 34 56 78',
      email: 'zoe.a@example.se',
    });
    await register(app, {
      givenName: 'Дарья',
      familyName: 'Иванова',
      phone: '',
      email: '',
      dateOfBirth: '2001-02-28',
    });
    expect(await names('sebnem')).toEqual(['Şebnem Yılmaz']);
    expect(await names('SEBNEM')).toEqual(['Şebnem Yılmaz']);
    expect(await names('yilmaz')).toEqual(['Şebnem Yılmaz']);
    expect(await names('seb yil')).toEqual(['Şebnem Yılmaz']);
    expect(await names('zoe')).toEqual(['Zoë Ångström']);
    expect(await names('angstr')).toEqual(['Zoë Ångström']);
    expect(await names('дарья')).toEqual(['Дарья Иванова']);
    expect(await names(s.clinicNumber)).toEqual(['Şebnem Yılmaz']);
    expect(await names('5321234567')).toEqual(['Şebnem Yılmaz']);
    expect(await names('+33 6 12 34')).toEqual(['Zoë Ångström']);
    expect(await names('0612')).toEqual(['Zoë Ångström']);
    expect(await names('zoe.a@example')).toEqual(['Zoë Ångström']);
    expect(await names('1979-11-03')).toEqual(['Zoë Ångström']);
    expect(await names('03/11/1979')).toEqual(['Zoë Ångström']);
    expect(await names('nobody')).toEqual([]);
    expect((await search('')).total).toBe(3);
  });

  it('folds Turkish letters the same way on every store: ı, İ, ş, ğ, ü', async () => {
    await register(app, { givenName: 'Şükrü', familyName: 'Doğan', phone: '', email: '' });
    await register(app, { givenName: 'İlkay', familyName: 'Işık', phone: '', email: '' });
    expect(await names('sukru')).toEqual(['Şükrü Doğan']);
    expect(await names('ŞÜKRÜ DOĞAN')).toEqual(['Şükrü Doğan']);
    expect(await names('dogan')).toEqual(['Şükrü Doğan']);
    expect(await names('ilkay')).toEqual(['İlkay Işık']);
    expect(await names('isik')).toEqual(['İlkay Işık']);
    expect(await names('IŞI')).toEqual(['İlkay Işık']);
    expect(await names('sukru isik')).toEqual([]);
  });

  it('counts each patient found once, however many of their words the query starts', async () => {
    // 'mar' starts both of María Martín's names; 'm' starts every clinic number (MC-…) too.
    const maria = await register(app, {
      givenName: 'María',
      familyName: 'Martín',
      phone: '',
      email: '',
    });
    await register(app, { givenName: 'Anna', familyName: 'Rossi', phone: '', email: '' });
    await register(app, { givenName: 'Marc', familyName: 'Dubois', phone: '', email: '' });
    expect(await search('mar')).toMatchObject({ total: 2 });
    expect(await names('mar')).toEqual(['Marc Dubois', 'María Martín']);
    expect((await search('m')).total).toBe(3);
    expect((await search('maria mar')).total).toBe(1);
    await app.ok('patients.archive', { id: maria.id, archived: true, reason: 'Moved abroad' });
    expect((await search('mar')).total).toBe(1);
    expect((await search('mar', { includeArchived: true })).total).toBe(2);
    expect((await search('m')).total).toBe(2);
    expect((await search('m', { includeArchived: true })).total).toBe(3);
  });

  it('hides archived patients from search unless asked', async () => {
    const p = await register(app);
    await app.ok('patients.archive', { id: p.id, archived: true, reason: 'Moved abroad' });
    expect(await names('sebnem')).toEqual([]);
    expect(await names('sebnem', { includeArchived: true })).toEqual(['Şebnem Yılmaz']);
    const changes = await app.ok<PatientChange[]>('patients.changes', { id: p.id });
    expect(changes.map((c) => [c.field, c.before, c.after])).toContainEqual([
      'archived',
      'no',
      'yes',
    ]);
  });

  it('finds possible duplicates by birth date and similar name, phone or email', async () => {
    const p = await register(app);
    const check = (probe: Record<string, string>) =>
      app.ok<DuplicateCandidate[]>('patients.duplicates', {
        givenName: '',
        familyName: '',
        dateOfBirth: '',
        phone: '',
        email: '',
        ...probe,
      });
    const byName = await check({
      givenName: 'sebnem',
      familyName: 'YILMAZ',
      dateOfBirth: '1986-04-12',
    });
    expect(byName.map((d) => [d.id, d.reasons])).toEqual([[p.id, ['name-and-birth-date']]]);
    expect(
      await check({ givenName: 'Sebnem', familyName: 'Yilmaz', dateOfBirth: '1986-04-13' }),
    ).toEqual([]);
    expect((await check({ phone: '0532 123 45 67' }))[0]?.reasons).toEqual(['phone']);
    expect((await check({ email: 'SEBNEM@example.com ' }))[0]?.reasons).toEqual(['email']);

    // Registering the same person again is refused until the duplicate is acknowledged.
    const again = await app.call('patients.create', details());
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('CONFLICT');
    const confirmed = await app.call('patients.create', { ...details(), notDuplicateOf: [p.id] });
    expect(confirmed.ok).toBe(true);
  });

  it('keeps the previous values of changed details', async () => {
    const p = await register(app);
    await app.ok('patients.update', { ...details(), id: p.id, phone: '+90 555 000 11 22' });
    const changes = await app.ok<PatientChange[]>('patients.changes', { id: p.id });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      field: 'phone',
      before: '+90 532 123 45 67',
      after: '+90 555 000 11 22',
      by: 'Amira Haddad',
    });
    // The search index follows the change.
    expect(await names('555000')).toEqual(['Şebnem Yılmaz']);
    expect(await names('5321234567')).toEqual([]);
  });

  it('stores awkward text exactly or refuses it whole', async () => {
    const awkward = {
      givenName: "Robert'); DROP TABLE patient;--",
      familyName: 'Ünal 👩‍⚕️',
      address: 'x'.repeat(400),
    };
    const p = await register(app, { ...awkward, phone: '', email: '' });
    const read = await app.ok<{ patient: Patient }>('patients.get', { id: p.id });
    expect(read.patient).toMatchObject(awkward);

    const before = snapshot(app);
    for (const bad of [
      { givenName: 'Bell\u0007' },
      { address: 'x'.repeat(401) },
      { dateOfBirth: '2999-01-01' },
      { dateOfBirth: '1850-01-01' },
      { dateOfBirth: '1990-02-30' },
      { email: 'not-an-email' },
      { givenName: '   ' },
      { sex: 'robot' },
      { unexpected: 'field' },
    ]) {
      const result = await app.call('patients.create', { ...details(), ...bad });
      expect(result.ok, JSON.stringify(bad)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        if (!('unexpected' in bad))
          expect(Object.keys(result.error.fields ?? {})).toEqual(Object.keys(bad));
      }
    }
    expect(snapshot(app)).toBe(before);
  });

  it('writes an audit event naming the patient for every patient operation', async () => {
    const p = await register(app);
    await app.ok('patients.get', { id: p.id });
    await app.ok('patients.update', { ...details(), id: p.id, phone: '+90 555 000 11 22' });
    await app.ok('patients.changes', { id: p.id });
    await app.ok('patients.archive', { id: p.id, archived: true, reason: '' });
    const { events } = await app.ok<{ events: { operation: string; patientId: string | null }[] }>(
      'audit.list',
      { patientId: p.id },
    );
    expect(events.map((e) => e.operation).sort()).toEqual(
      [
        'patients.archive',
        'patients.changes',
        'patients.create',
        'patients.get',
        'patients.update',
      ].sort(),
    );
  });

  it('refuses DELETE on clinical tables at the database', async () => {
    await register(app);
    for (const table of ['patient', 'patient_change', 'medical_history_version', 'consent_event']) {
      const error = await rawStatementError(app, `DELETE FROM ${table}`);
      expect(error?.message ?? '', table).not.toMatch(/no such table|does not exist/);
    }
    expect((await rawStatementError(app, 'DELETE FROM patient'))?.message).toMatch(
      /archived, not deleted/,
    );
  });

  it('lets every clinical role register, and only reception and admins archive', async () => {
    await app.ok('staff.create', {
      username: 'paul',
      displayName: 'Paul Practitioner',
      role: 'practitioner',
      password: 'practitioner pass',
    });
    await app.ok('auth.signOut');
    await app.ok('auth.signIn', { username: 'paul', password: 'practitioner pass' });
    const p = await register(app);
    const archived = await app.call('patients.archive', { id: p.id, archived: true, reason: '' });
    expect(archived.ok).toBe(false);
    if (!archived.ok) expect(archived.error.code).toBe('FORBIDDEN');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TreatmentSession } from '../../../shared/api/sessions';
import { register } from '../patients/fixtures';
import {
  PRACTITIONER,
  completeDraft,
  insertScreening,
  recordConsent,
  signInAdmin,
  signInAs,
  signedSession,
  startTreatmentClinic,
  type Clinic,
} from '../sessions/fixtures';

let c: Clinic;
beforeEach(async () => {
  c = await startTreatmentClinic();
});
afterEach(async () => {
  await c.app.close();
});

describe('lot recall', () => {
  it('finds exactly the sessions that used the lot, with contact details, as CSV too', async () => {
    const first = await signedSession(c); // VA-001 on the cheeks, HB-100 on the forehead
    const other = await c.app.ok<{ id: string }>('patients.create', {
      givenName: 'Zoë',
      familyName: 'Ångström',
      dateOfBirth: '1979-02-03',
      sex: 'female',
      phone: '+46 70 123 45 67',
      email: 'zoe@example.se',
      address: 'Storgatan 1, "Lund"',
      preferredLanguage: '',
      emergencyContactName: '',
      emergencyContactPhone: '',
      referralSource: '',
    });
    insertScreening(c.app, other.id, c.practitionerId, [c.vitamins.id]);
    await recordConsent(c, other.id);
    const second = await c.app.ok<TreatmentSession>('sessions.start', {
      patientId: other.id,
      courseId: null,
      plannedProductIds: [c.vitamins.id],
    });
    await c.app.ok('sessions.saveDraft', {
      id: second.id,
      ...completeDraft(c),
      areas: [{ area: 'neck', depthMm: 1 }],
      products: [{ area: 'neck', productId: c.vitamins.id, lotId: c.lots.vitA2.id, volumeMl: 2 }],
    });
    await c.app.ok('sessions.sign', { id: second.id });
    // A third patient never received VA-001.
    await register(c.app, { givenName: 'Дарья', familyName: 'Иванова', phone: '', email: '' });

    const recall = await c.app.ok<{
      rows: { sessionId: string; patientName: string; phone: string }[];
    }>('recall.search', { lotNumber: ' va-001 ' });
    expect(recall.rows.map((r) => r.sessionId)).toEqual([first.id]);
    expect(recall.rows[0]).toMatchObject({
      patientName: 'Şebnem Yılmaz',
      phone: '+90 532 123 45 67',
    });
    const va2 = await c.app.ok<{ rows: { sessionId: string }[] }>('recall.search', {
      lotNumber: 'VA-002',
    });
    expect(va2.rows.map((r) => r.sessionId)).toEqual([second.id]);

    const csv = await c.app.ok<{ fileName: string; csv: string }>('recall.export', {
      lotNumber: 'VA-002',
    });
    expect(csv.fileName).toMatch(/^recall-VA-002-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    // Every cell quoted; the phone's leading + is a formula to a spreadsheet, so it is escaped.
    expect(lines[1]).toContain(
      `"Zoë Ångström","'+46 70 123 45 67","zoe@example.se","Storgatan 1, ""Lund"""`,
    );

    // The front desk does not run recalls.
    await signInAdmin(c.app);
    await c.app.ok('staff.create', {
      ...PRACTITIONER,
      username: 'rita.desk',
      role: 'receptionist',
    });
    await signInAs(c.app, 'rita.desk', PRACTITIONER.password);
    const denied = await c.app.call('recall.search', { lotNumber: 'VA-002' });
    expect(!denied.ok && denied.error.code).toBe('FORBIDDEN');
  });
});

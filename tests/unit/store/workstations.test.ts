import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, joinClinic, startApp, startClinic, type TestApp } from '../../support/helpers';
import { runAsWorkstation, testStore } from '../../support/test-store';
import { answers, register } from '../patients/fixtures';
import { calmDay } from '../screening/fixtures';
import { addDaysTo, signInAs, today } from '../sessions/fixtures';
import type { Lot, Product } from '../../../shared/api/products';
import type { TreatmentSession } from '../../../shared/api/sessions';

const DESK = {
  username: 'rana.desk',
  displayName: 'Rana Desk',
  role: 'receptionist',
  password: 'front desk pass phrase',
};
const practitioner = (i: number) => ({
  username: `prac.${i}`,
  displayName: `Practitioner ${i}`,
  role: 'practitioner',
  password: `practitioner ${i} pass phrase`,
});

const open: TestApp[] = [];
afterEach(async () => {
  // Workstations first: the first clinic's close drops the database.
  for (const app of open.reverse()) await app.close();
  open.length = 0;
});

/** One practitioner's patient from the desk's register to a signed session, on their computer. */
async function treat(
  app: TestApp,
  product: Product,
  lot: Lot,
  practitionerId: string,
  dateOfBirth: string,
) {
  // Distinct birth dates: the same person registered twice would be refused as a duplicate.
  const patient = await register(app, { phone: '', email: '', dateOfBirth });
  await app.ok('history.submit', { patientId: patient.id, answers: answers(), takenBy: 'staff' });
  await app.ok('screening.complete', {
    patientId: patient.id,
    dayOf: calmDay(),
    productIds: [product.id],
    areas: ['cheeks'],
    decision: 'treat',
    acknowledged: [],
    overrideReason: null,
  });
  const consent = await app.ok<{ id: string }>('documents.generateConsent', {
    patientId: patient.id,
    procedureKind: 'skin-rejuvenation',
    practitionerId,
    productIds: [product.id],
    otherProducts: [],
    plannedSessions: 4,
    intervalDays: 14,
  });
  await app.ok('documents.confirmPaperSignature', { documentId: consent.id, note: '' });
  const session = await app.ok<TreatmentSession>('sessions.start', {
    patientId: patient.id,
    courseId: null,
    plannedProductIds: [product.id],
  });
  await app.ok('sessions.saveDraft', {
    id: session.id,
    technique: 'nappage',
    needleGauge: 32,
    needleLengthMm: 4,
    anaesthesia: 'numbing-cream',
    passes: 2,
    points: null,
    immediateReactions: 'None',
    notes: 'Tolerated well.',
    areas: [{ area: 'cheeks', depthMm: 1.5 }],
    products: [{ area: 'cheeks', productId: product.id, lotId: lot.id, volumeMl: 1.5 }],
  });
  await app.ok('sessions.sign', { id: session.id });
}

describe.skipIf(testStore() !== 'postgres')('four workstations on one clinic server', () => {
  it('run a clinic day at once and lose nothing: one audit chain, gapless clinic numbers', async () => {
    const server = await startClinic();
    open.push(server);
    await server.ok('staff.create', DESK);
    const practitionerIds: string[] = [];
    for (const i of [1, 2, 3]) {
      practitionerIds.push((await server.ok<{ id: string }>('staff.create', practitioner(i))).id);
    }
    const product = await server.ok<Product>('products.create', {
      name: 'NCTF 135 HA',
      manufacturer: 'Filorga',
      category: 'vitamins',
      ingredients: ['hyaluronic acid', 'vitamins'],
      allergens: ['hyaluronicAcid'],
      defaultVolumeMl: 3,
    });
    const t = today(server);
    const lot = await server.ok<Lot>('products.addLot', {
      productId: product.id,
      lotNumber: 'VA-001',
      expiresOn: addDaysTo(t, 365),
      receivedOn: addDaysTo(t, -30),
    });
    // The first computer becomes the front desk; three treatment rooms join the same database.
    await signInAs(server, DESK.username, DESK.password);
    const rooms: TestApp[] = [];
    for (const i of [1, 2, 3]) {
      const room = await joinClinic(server);
      open.push(room);
      await room.ok('auth.signIn', {
        username: practitioner(i).username,
        password: practitioner(i).password,
      });
      rooms.push(room);
    }

    const DESK_REGISTRATIONS = 8;
    const PER_ROOM = 2;
    const desk = async () => {
      for (let n = 0; n < DESK_REGISTRATIONS; n += 1) {
        const p = await register(server, {
          phone: '',
          email: '',
          dateOfBirth: `1980-01-${String(10 + n).padStart(2, '0')}`,
        });
        await server.ok('patients.search', { query: p.clinicNumber });
      }
    };
    const room = async (app: TestApp, i: number) => {
      for (let n = 0; n < PER_ROOM; n += 1) {
        await treat(app, product, lot, practitionerIds[i] ?? '', `1970-0${i + 1}-1${n}`);
      }
    };
    await Promise.all([desk(), ...rooms.map((app, i) => room(app, i))]);

    const url = server.database?.url ?? '';
    const count = async (sql: string) =>
      Number(((await runAsWorkstation(url, sql))[0] as { n: number }).n);
    const patients = DESK_REGISTRATIONS + rooms.length * PER_ROOM;
    expect(await count('SELECT count(*) AS n FROM patient')).toBe(patients);
    expect(await count("SELECT count(*) AS n FROM treatment_session WHERE status = 'signed'")).toBe(
      rooms.length * PER_ROOM,
    );
    expect(await count("SELECT count(*) AS n FROM screening WHERE status = 'passed'")).toBe(
      rooms.length * PER_ROOM,
    );
    expect(await count('SELECT count(*) AS n FROM medical_history_version')).toBe(
      rooms.length * PER_ROOM,
    );
    // Unique and without gaps: 1..n in the yearly format.
    const numbers = (await runAsWorkstation(url, 'SELECT clinic_number FROM patient')) as {
      clinic_number: string;
    }[];
    const seqs = numbers.map((r) => Number(r.clinic_number.split('-').pop())).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: patients }, (_, i) => i + 1));

    await signInAs(server, ADMIN.username, ADMIN.password);
    for (const app of rooms) await app.services.state.auditQueue.flush();
    const verdict = await server.ok<{ ok: boolean; checked: number }>('audit.verify');
    expect(verdict.ok).toBe(true);
    // Every change above wrote its event into the one chain.
    expect(verdict.checked).toBeGreaterThan(patients + rooms.length * PER_ROOM * 6);

    // What was signed, checked and logged stays so, whoever connects.
    const refusal = (sql: string) =>
      runAsWorkstation(url, sql).then(
        () => null,
        (e: Error) => e,
      );
    expect(
      (await refusal("UPDATE treatment_session SET notes = 'x' WHERE status = 'signed'"))?.message,
    ).toMatch(/a signed session is never changed/);
    expect((await refusal("UPDATE screening SET status = 'stopped'"))?.message).toMatch(
      /completed checks are never edited/,
    );
    expect((await refusal('DELETE FROM screening'))?.message).toMatch(/never deleted/);
    expect((await refusal("UPDATE audit_event SET outcome = 'failed'"))?.message).toMatch(
      /append-only/,
    );
    expect((await refusal('DELETE FROM audit_event'))?.message).toMatch(/append-only/);
    // Seven sign-ins (scrypt at 128 MiB) and a day of work on four instances: minutes on a busy CI.
  }, 300_000);

  it("give the workstations' role rows only: no schema changes, no switching rules off", async () => {
    const app = await startApp();
    open.push(app);
    const url = app.database?.url ?? '';
    const refusal = (sql: string) =>
      runAsWorkstation(url, sql).then(
        () => null,
        (e: Error) => e,
      );
    for (const statement of [
      'CREATE TABLE intruder (a INTEGER)',
      'ALTER TABLE patient ADD COLUMN intruder INTEGER',
      'DROP TABLE setting',
      'DROP TRIGGER audit_event_no_delete ON audit_event',
      'ALTER TABLE audit_event DISABLE TRIGGER ALL',
      'TRUNCATE audit_event',
      'CREATE FUNCTION intruder() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$',
      'UPDATE schema_version SET version = 1',
    ]) {
      expect((await refusal(statement))?.message, statement).toMatch(
        /permission denied|must be owner/,
      );
    }
    // Its rows it may read and write.
    expect(await refusal("INSERT INTO setting (key, value) VALUES ('probe', '1')")).toBeNull();
  });
});

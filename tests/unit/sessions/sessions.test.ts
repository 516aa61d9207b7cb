import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, rawDb } from '../../support/helpers';

/** Every table but the audit trail, which records the refused call itself. */
const clinical = () =>
  JSON.stringify(
    (JSON.parse(snapshot(c.app)) as [string, unknown][]).filter(([t]) => !t.startsWith('audit')),
  );
import type { Result } from '../../../shared/api/result';
import type { TreatmentSession } from '../../../shared/api/sessions';
import {
  completeDraft,
  insertScreening,
  recordConsent,
  addDaysTo,
  signInAdmin,
  signedSession,
  startSession,
  startTreatmentClinic,
  today,
  type Clinic,
} from './fixtures';

let c: Clinic;
beforeEach(async () => {
  c = await startTreatmentClinic();
});
afterEach(async () => {
  await c.app.close();
});

function failure(result: Result<unknown>) {
  if (result.ok) throw new Error('expected the call to be refused');
  return result.error;
}

const rowsOf = (sessionId: string) => {
  const sqlite = rawDb(c.app);
  return JSON.stringify([
    sqlite.prepare('SELECT * FROM treatment_session WHERE id = ?').all(sessionId),
    sqlite.prepare('SELECT * FROM session_area WHERE session_id = ? ORDER BY seq').all(sessionId),
    sqlite
      .prepare('SELECT * FROM session_product WHERE session_id = ? ORDER BY seq')
      .all(sessionId),
  ]);
};

describe('signed sessions are frozen by the database', () => {
  it('refuses UPDATE of a signed session and of its lines, even in raw SQL', async () => {
    const session = await signedSession(c);
    expect(session.status).toBe('signed');
    const sqlite = rawDb(c.app);
    const before = rowsOf(session.id);
    expect(() =>
      sqlite.prepare("UPDATE treatment_session SET notes = 'changed' WHERE id = ?").run(session.id),
    ).toThrow(/signed session is never changed/);
    expect(() =>
      sqlite.prepare("UPDATE treatment_session SET status = 'draft' WHERE id = ?").run(session.id),
    ).toThrow(/signed session is never changed/);
    expect(() =>
      sqlite
        .prepare('UPDATE session_product SET volume_ml = 9 WHERE session_id = ?')
        .run(session.id),
    ).toThrow(/signed session is never changed/);
    expect(() =>
      sqlite.prepare('DELETE FROM session_product WHERE session_id = ?').run(session.id),
    ).toThrow(/signed session is never changed/);
    expect(() =>
      sqlite.prepare('UPDATE session_area SET depth_mm = 3 WHERE session_id = ?').run(session.id),
    ).toThrow(/signed session is never changed/);
    expect(() =>
      sqlite.prepare('DELETE FROM treatment_session WHERE id = ?').run(session.id),
    ).toThrow(/never deleted/);
    expect(rowsOf(session.id)).toBe(before);
  });

  it('keeps the original byte-for-byte after an addendum, and refuses edits through the API', async () => {
    const session = await signedSession(c);
    const before = rowsOf(session.id);
    const edit = failure(
      await c.app.call('sessions.saveDraft', { id: session.id, ...completeDraft(c), notes: 'x' }),
    );
    expect(edit.code).toBe('CONFLICT');
    expect(edit.message).toMatch(/signed.*addendum/);

    const addendum = await c.app.ok<{ authorName: string; text: string }>('sessions.addAddendum', {
      sessionId: session.id,
      text: 'Patient called: slight bruise on the left cheek.',
    });
    expect(addendum.authorName).toBe('Inès Moreau');
    expect(rowsOf(session.id)).toBe(before);
    const read = await c.app.ok<TreatmentSession>('sessions.get', { id: session.id });
    expect(read.addenda.map((a) => a.text)).toEqual([
      'Patient called: slight bruise on the left cheek.',
    ]);
    expect(read.notes).toBe('Tolerated well.');

    const sqlite = rawDb(c.app);
    expect(() => sqlite.prepare("UPDATE session_addendum SET text = 'x'").run()).toThrow(
      /never edited/,
    );
  });

  it('takes no addendum on a draft and lets only practitioners sign', async () => {
    const session = await startSession(c);
    await c.app.ok('sessions.saveDraft', { id: session.id, ...completeDraft(c) });
    const addendum = failure(
      await c.app.call('sessions.addAddendum', { sessionId: session.id, text: 'Early note' }),
    );
    expect(addendum.code).toBe('CONFLICT');
    await signInAdmin(c.app);
    expect(failure(await c.app.call('sessions.sign', { id: session.id })).code).toBe('FORBIDDEN');
  });
});

describe('plausible values', () => {
  it('refuses depths and volumes out of range with field messages', async () => {
    const session = await startSession(c);
    const draft = completeDraft(c);
    draft.areas[0] = { area: 'cheeks', depthMm: 6 };
    draft.areas[1] = { area: 'forehead', depthMm: 0.2 };
    draft.products[0] = { ...draft.products[0]!, volumeMl: 45 };
    const error = failure(await c.app.call('sessions.saveDraft', { id: session.id, ...draft }));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toMatchObject({
      'areas.0.depthMm': 'Depth must be between 0.5 and 4 mm',
      'areas.1.depthMm': 'Depth must be between 0.5 and 4 mm',
      'products.0.volumeMl': 'Volume must be between 0.01 and 20 ml',
    });
    const gauge = failure(
      await c.app.call('sessions.saveDraft', {
        id: session.id,
        ...completeDraft(c),
        needleGauge: 5,
      }),
    );
    expect(gauge.fields?.needleGauge).toBe('Needle gauge must be between 18 and 34 G');
  });
});

describe('signing', () => {
  it('lists what is missing from an incomplete session', async () => {
    const session = await startSession(c);
    await c.app.ok('sessions.saveDraft', {
      id: session.id,
      ...completeDraft(c),
      technique: null,
      anaesthesia: null,
      immediateReactions: '',
      areas: [{ area: 'cheeks', depthMm: null }],
      products: [],
    });
    const error = failure(await c.app.call('sessions.sign', { id: session.id }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('The session cannot be signed yet; each missing item is marked');
    // Each missing item is said at its field, with its catalogue key for the screens' language.
    const said = Object.values(error.fields ?? {}).join('\n');
    for (const item of [
      'Depth for the cheeks',
      'Technique',
      'Anaesthesia (or none)',
      'At least one product with its lot',
      'Immediate reactions',
    ]) {
      expect(said).toContain(item);
    }
    expect(error.fieldKeys?.['areas.0.depthMm']).toEqual({
      key: 'errors.sessions.missing.depth',
      params: { area: 'cheeks' },
    });
    expect(Object.keys(error.fields ?? {})).toEqual(
      expect.arrayContaining(['areas.0.depthMm', 'technique', 'anaesthesia', 'products']),
    );
    const read = await c.app.ok<TreatmentSession>('sessions.get', { id: session.id });
    expect(read.status).toBe('draft');
  });

  it('stores a draft in the database as it is saved', async () => {
    const session = await startSession(c);
    await c.app.ok('sessions.saveDraft', { id: session.id, ...completeDraft(c), notes: 'Half' });
    const sqlite = rawDb(c.app);
    const stored = sqlite
      .prepare('SELECT notes, status FROM treatment_session WHERE id = ?')
      .get(session.id);
    expect(stored).toEqual({ notes: 'Half', status: 'draft' });
  });
});

describe('the pre-procedure gate', () => {
  const start = () =>
    c.app.call('sessions.start', {
      patientId: c.patientId,
      courseId: null,
      plannedProductIds: [c.vitamins.id],
    });

  it('refuses to start a session without a passed check today', async () => {
    const before = clinical();
    expect(failure(await start()).message).toMatch(/pre-procedure check/);
    expect(clinical()).toBe(before);

    insertScreening(c.app, c.patientId, c.practitionerId, [c.vitamins.id], {
      on: addDaysTo(today(c.app), -1),
    });
    expect(failure(await start()).message).toMatch(/pre-procedure check/);

    insertScreening(c.app, c.patientId, c.practitionerId, [c.vitamins.id], { status: 'stopped' });
    expect(failure(await start()).message).toMatch(/not to treat/);

    const screeningId = insertScreening(c.app, c.patientId, c.practitionerId, [c.vitamins.id]);
    await recordConsent(c, c.patientId);
    const result = await start();
    expect(result.ok && (result.value as TreatmentSession).screeningId).toBe(screeningId);
  });

  it('saves a draft with a product the check did not cover, and refuses to sign it', async () => {
    insertScreening(c.app, c.patientId, c.practitionerId, [c.vitamins.id]);
    await recordConsent(c, c.patientId);
    const session = await c.app.ok<TreatmentSession>('sessions.start', {
      patientId: c.patientId,
      courseId: null,
      plannedProductIds: [c.vitamins.id],
    });
    // Nothing typed is lost: the draft saves, the gap is reported when signing.
    await c.app.ok('sessions.saveDraft', { id: session.id, ...completeDraft(c) });
    const error = failure(await c.app.call('sessions.sign', { id: session.id }));
    expect(error.code).toBe('SAFETY_GATE');
    expect(error.fields?.['gate.coverage']).toMatch(/did not cover 1 product/);
  });
});

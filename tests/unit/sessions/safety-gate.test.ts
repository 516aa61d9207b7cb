import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, rawDb } from '../../support/helpers';
import type { Result } from '../../../shared/api/result';
import type { TreatmentSession } from '../../../shared/api/sessions';
import { submitHistory } from '../screening/fixtures';
import {
  completeDraft,
  insertScreening,
  recordConsent,
  startTreatmentClinic,
  type Clinic,
} from './fixtures';

/**
 * Issue 14: the service holds every gate. Each refusal is SAFETY_GATE naming what is missing in
 * `fields`, and writes nothing (every table but the audit trail, which records the refusal).
 */

let c: Clinic;
beforeEach(async () => {
  c = await startTreatmentClinic();
});
afterEach(async () => {
  await c.app.close();
});

const clinical = () =>
  JSON.stringify(
    (JSON.parse(snapshot(c.app)) as [string, unknown][]).filter(([t]) => !t.startsWith('audit')),
  );

function refusal(result: Result<unknown>) {
  if (result.ok) throw new Error('expected the call to be refused');
  expect(result.error.code).toBe('SAFETY_GATE');
  return result.error;
}

const both = () => [c.vitamins.id, c.ha.id];
const start = () =>
  c.app.call('sessions.start', { patientId: c.patientId, courseId: null, plannedProductIds: [] });
const lidocaine = { preparationId: 'lidocaine-2', name: 'Lidocaine 2%', ingredients: [] };

/** A draft opened on a passed check and a paper consent, with a complete note saved. */
async function openDraft(extra: Record<string, unknown> = {}) {
  insertScreening(c.app, c.patientId, c.practitionerId, both(), {
    substances: 'anaesthetics' in extra ? [lidocaine] : [],
  });
  await recordConsent(c, c.patientId);
  const session = await c.app.ok<TreatmentSession>('sessions.start', {
    patientId: c.patientId,
    courseId: null,
    plannedProductIds: both(),
  });
  await c.app.ok('sessions.saveDraft', { id: session.id, ...completeDraft(c), ...extra });
  return session;
}

describe('sessions.start', () => {
  it('refuses without a same-day check, naming gate.check, and writes nothing', async () => {
    await recordConsent(c, c.patientId);
    const before = clinical();
    const error = refusal(await start());
    expect(Object.keys(error.fields ?? {})).toEqual(['gate.check']);
    expect(clinical()).toBe(before);
  });

  it('refuses a check made on an older medical-history version', async () => {
    await submitHistory(c.app, c.patientId, () => undefined);
    insertScreening(c.app, c.patientId, c.practitionerId, both());
    await recordConsent(c, c.patientId);
    // A new intake declares pregnancy after the check passed.
    await submitHistory(c.app, c.patientId, (a) => {
      a.conditions.pregnancy = 'yes';
    });
    const before = clinical();
    const error = refusal(await start());
    expect(error.fields?.['gate.historyVersion']).toMatch(/version 1 → 2/);
    expect(error.fields?.['gate.check']).toBeUndefined();
    expect(clinical()).toBe(before);
  });

  it('refuses without a valid consent for the procedure kind; a paper consent lets it start', async () => {
    insertScreening(c.app, c.patientId, c.practitionerId, both());
    const before = clinical();
    const error = refusal(await start());
    expect(error.fields?.['gate.consent']).toMatch(/no valid signed consent for skin-rejuvenation/);
    expect(error.message).toMatch(/^The session cannot start\./);
    expect(clinical()).toBe(before);
    await recordConsent(c, c.patientId);
    expect((await start()).ok).toBe(true);
  });

  it('refuses planned products the check did not cover, listing every gap at once', async () => {
    insertScreening(c.app, c.patientId, c.practitionerId, [c.vitamins.id]);
    const before = clinical();
    const error = refusal(
      await c.app.call('sessions.start', {
        patientId: c.patientId,
        courseId: null,
        plannedProductIds: both(),
      }),
    );
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['gate.consent', 'gate.coverage']);
    expect(clinical()).toBe(before);
  });

  it("pre-fills the draft with the check's areas, products and anaesthesia", async () => {
    insertScreening(c.app, c.patientId, c.practitionerId, [c.vitamins.id], {
      areas: ['cheeks', 'neck'],
      substances: [lidocaine],
    });
    await recordConsent(c, c.patientId);
    const session = await c.app.ok<TreatmentSession>('sessions.start', {
      patientId: c.patientId,
      courseId: null,
      plannedProductIds: [],
    });
    expect(session.areas.map((a) => a.area)).toEqual(['cheeks', 'neck']);
    // The checked product starts one syringe, spread over the checked areas.
    expect(session.products).toEqual([]);
    expect(session.cocktails.map((k) => k.components.map((p) => p.productId))).toEqual([
      [c.vitamins.id],
    ]);
    expect(session.cocktails[0]?.areas.map((a) => a.area)).toEqual(['cheeks', 'neck']);
    expect(session.anaesthetics).toEqual([lidocaine]);
    expect(session.anaesthesia).toBe('lidocaine');
  });
});

describe('sessions.sign', () => {
  it('re-checks the history version: a change after the start refuses', async () => {
    await submitHistory(c.app, c.patientId, () => undefined);
    const session = await openDraft();
    await submitHistory(c.app, c.patientId, (a) => {
      a.conditions.pregnancy = 'yes';
    });
    const before = clinical();
    const error = refusal(await c.app.call('sessions.sign', { id: session.id }));
    expect(Object.keys(error.fields ?? {})).toEqual(['gate.historyVersion']);
    expect(clinical()).toBe(before);
  });

  it('re-checks the consent: withdrawn after the start refuses', async () => {
    const session = await openDraft();
    const sqlite = rawDb(c.app);
    const { id } = sqlite
      .prepare("SELECT id FROM document WHERE patient_id = ? AND kind = 'consent'")
      .get(c.patientId) as { id: string };
    await c.app.ok('documents.withdrawConsent', { documentId: id, reason: 'Changed her mind' });
    const before = clinical();
    const error = refusal(await c.app.call('sessions.sign', { id: session.id }));
    expect(Object.keys(error.fields ?? {})).toEqual(['gate.consent']);
    expect(clinical()).toBe(before);
  });

  it('re-checks the check: a newer stopped check the same day refuses', async () => {
    const session = await openDraft();
    insertScreening(c.app, c.patientId, c.practitionerId, both(), { status: 'stopped' });
    const before = clinical();
    const error = refusal(await c.app.call('sessions.sign', { id: session.id }));
    expect(error.fields?.['gate.check']).toMatch(/not to treat/);
    expect(clinical()).toBe(before);
  });

  it('refuses an anaesthetic the check did not cover', async () => {
    const session = await openDraft();
    await c.app.ok('sessions.saveDraft', {
      id: session.id,
      ...completeDraft(c),
      anaesthetics: [lidocaine],
    });
    const before = clinical();
    const error = refusal(await c.app.call('sessions.sign', { id: session.id }));
    expect(error.fields?.['gate.coverage']).toMatch(/Lidocaine 2%/);
    expect(clinical()).toBe(before);
  });

  it('refuses an allergy match without an override, then signs with one recorded', async () => {
    await submitHistory(c.app, c.patientId, (a) => {
      a.allergies.other = 'Lidocaine (swelling at the dentist)';
    });
    const session = await openDraft({ anaesthetics: [lidocaine] });
    const before = clinical();
    const error = refusal(await c.app.call('sessions.sign', { id: session.id }));
    // Two products first, then the anaesthetic: index 2.
    expect(Object.keys(error.fields ?? {})).toEqual(['gate.allergy.2']);
    expect(error.fields?.['gate.allergy.2']).toMatch(/^Lidocaine 2%: /);
    expect(clinical()).toBe(before);

    const key = 'anaesthesia:lidocaine-2';
    const short = await c.app.call('sessions.sign', {
      id: session.id,
      allergyOverrides: [{ key, reason: 'ok' }],
    });
    expect(!short.ok && short.error.code).toBe('VALIDATION');
    expect(clinical()).toBe(before);

    const reason = 'Reaction was to articaine at the dentist; lidocaine tolerated since';
    const signed = await c.app.ok<TreatmentSession>('sessions.sign', {
      id: session.id,
      allergyOverrides: [{ key, reason }],
    });
    expect(signed.status).toBe('signed');
    expect(signed.substanceOverrides).toMatchObject([
      { key, name: 'Lidocaine 2%', reason, byName: 'Inès Moreau' },
    ]);
    // The override given with the signature is in the answer as stored.
    expect(await c.app.ok('sessions.get', { id: session.id })).toEqual(signed);
    const sqlite = rawDb(c.app);
    expect(() =>
      sqlite.prepare("UPDATE session_substance_override SET reason = 'x'").run(),
    ).toThrow(/never changed/);
    expect(() => sqlite.prepare('DELETE FROM session_substance').run()).toThrow(/signed session/);
  });

  it("reads the anaesthesia method itself: 'lidocaine' with no preparation named is matched", async () => {
    await submitHistory(c.app, c.patientId, (a) => {
      a.allergies.other = 'lidocaine';
    });
    const session = await openDraft();
    await c.app.ok('sessions.saveDraft', {
      id: session.id,
      ...completeDraft(c),
      anaesthesia: 'lidocaine',
    });
    const error = refusal(await c.app.call('sessions.sign', { id: session.id }));
    expect(error.fields?.['gate.allergy.2']).toMatch(/^Lidocaine: /);
  });
});

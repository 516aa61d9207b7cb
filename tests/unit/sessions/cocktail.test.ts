import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawDb } from '../../support/helpers';
import type { Result } from '../../../shared/api/result';
import type { TreatmentSession } from '../../../shared/api/sessions';
import {
  completeDraft,
  insertScreening,
  recordConsent,
  startSession,
  startTreatmentClinic,
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

/** One 5 ml syringe: 3 ml of vitamins and 2 ml of hyaluronic acid, over cheeks and forehead. */
function syringe(areas = { cheeks: 3, forehead: 2 }) {
  return {
    label: 'Glow mix',
    totalVolumeMl: 5,
    components: [
      { productId: c.vitamins.id, lotId: c.lots.vitA1.id, volumeMl: 3 },
      { productId: c.ha.id, lotId: c.lots.haB1.id, volumeMl: 2 },
    ],
    areas: Object.entries(areas).map(([area, volumeMl]) => ({ area, volumeMl })),
  };
}

const noteWith = (cocktails: unknown[]) => ({ ...completeDraft(c), products: [], cocktails });

describe('a cocktail recorded as prepared', () => {
  it('starts from the check as one syringe of the planned products, not a line per area and product', async () => {
    insertScreening(c.app, c.patientId, c.practitionerId, [c.vitamins.id, c.ha.id], {
      areas: ['cheeks', 'forehead', 'neck'],
    });
    await recordConsent(c, c.patientId);
    const session = await c.app.ok<TreatmentSession>('sessions.start', {
      patientId: c.patientId,
      courseId: null,
      plannedProductIds: [],
    });
    expect(session.products).toEqual([]);
    expect(session.cocktails).toHaveLength(1);
    const [prepared] = session.cocktails;
    // Each product's default volume drawn once (3 + 2 ml), never once per area.
    expect(prepared!.totalVolumeMl).toBe(5);
    expect(prepared!.components.map((p) => [p.productName, p.volumeMl])).toEqual([
      ['NCTF 135 HA', 3],
      ['Hydra HA 1%', 2],
    ]);
    expect(prepared!.areas).toEqual([
      { area: 'cheeks', volumeMl: null },
      { area: 'forehead', volumeMl: null },
      { area: 'neck', volumeMl: null },
    ]);
  });

  it('signs a syringe whose areas share its one total, and reads it back with its lots', async () => {
    const session = await startSession(c);
    await c.app.ok('sessions.saveDraft', { id: session.id, ...noteWith([syringe()]) });
    const signed = await c.app.ok<TreatmentSession>('sessions.sign', { id: session.id });
    expect(signed.status).toBe('signed');
    expect(signed.cocktails[0]).toMatchObject({
      label: 'Glow mix',
      totalVolumeMl: 5,
      areas: [
        { area: 'cheeks', volumeMl: 3 },
        { area: 'forehead', volumeMl: 2 },
      ],
      components: [
        { lotNumber: c.lots.vitA1.lotNumber, volumeMl: 3 },
        { lotNumber: c.lots.haB1.lotNumber, volumeMl: 2 },
      ],
    });
    // Frozen like every other line of a signed note.
    const sqlite = rawDb(c.app);
    expect(() =>
      sqlite
        .prepare('UPDATE session_cocktail_product SET volume_ml = 9 WHERE session_id = ?')
        .run(session.id),
    ).toThrow(/signed session is never changed/);
    expect(() =>
      sqlite.prepare('DELETE FROM session_cocktail WHERE session_id = ?').run(session.id),
    ).toThrow(/signed session is never changed/);
    // A lot recall finds the patient through the syringe, with the volume drawn counted once.
    const recall = await c.app.ok<{ rows: { areas: string[]; volumeMl: number | null }[] }>(
      'recall.search',
      { lotNumber: c.lots.haB1.lotNumber },
    );
    expect(recall.rows).toEqual([
      expect.objectContaining({ areas: ['cheeks', 'forehead'], volumeMl: 2 }),
    ]);
  });

  it('refuses a distribution that does not add up to the syringe, with the field named, and writes nothing', async () => {
    const session = await startSession(c);
    const before = await c.app.ok<TreatmentSession>('sessions.get', { id: session.id });
    const over = failure(
      await c.app.call('sessions.saveDraft', {
        id: session.id,
        ...noteWith([syringe({ cheeks: 5, forehead: 5 })]),
      }),
    );
    expect(over.code).toBe('VALIDATION');
    expect(over.fields).toEqual({
      'cocktails.0.areas': 'The areas receive 10 ml; the syringe holds 5 ml',
    });
    const drawn = failure(
      await c.app.call('sessions.saveDraft', {
        id: session.id,
        ...noteWith([
          {
            ...syringe(),
            components: [{ ...syringe().components[0]!, volumeMl: 1 }, syringe().components[1]],
          },
        ]),
      }),
    );
    expect(drawn.fields).toEqual({
      'cocktails.0.components': 'The products add up to 3 ml; the syringe holds 5 ml',
    });
    expect(await c.app.ok('sessions.get', { id: session.id })).toEqual(before);
  });

  it('keeps a half-spread syringe as a draft and asks for the rest only when signing', async () => {
    const session = await startSession(c);
    const half = {
      ...syringe(),
      areas: [...syringe().areas.slice(0, 1), { area: 'forehead', volumeMl: null }],
    };
    await c.app.ok('sessions.saveDraft', { id: session.id, ...noteWith([half]) });
    const refused = failure(await c.app.call('sessions.sign', { id: session.id }));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.fields).toMatchObject({
      'cocktails.0.areas.1.volumeMl': 'Volume of syringe 1 for the forehead',
    });
  });

  it('cross-checks every product in a syringe against the allergies', async () => {
    const session = await startSession(c);
    const sqlite = rawDb(c.app);
    const lines = sqlite
      .prepare('SELECT COUNT(*) AS n FROM session_cocktail_product WHERE session_id = ?')
      .get(session.id) as { n: number };
    expect(lines.n).toBe(2);
    const read = await c.app.ok<TreatmentSession>('sessions.get', { id: session.id });
    expect(read.cocktails[0]!.components.map((p) => p.productId).sort()).toEqual(
      [c.vitamins.id, c.ha.id].sort(),
    );
  });
});

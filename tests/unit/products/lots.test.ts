import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, rawDb } from '../../support/helpers';

/** Every table but the audit trail, which records the refused call itself. */
const clinical = () =>
  JSON.stringify(
    (JSON.parse(snapshot(c.app)) as [string, unknown][]).filter(([t]) => !t.startsWith('audit')),
  );
import type { Result } from '../../../shared/api/result';
import {
  completeDraft,
  startSession,
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

function failure(result: Result<unknown>) {
  if (result.ok) throw new Error('expected the call to be refused');
  return result.error;
}

describe('lots', () => {
  it('refuses an expired lot at the service layer, with the field marked', async () => {
    const session = await startSession(c);
    const draft = completeDraft(c);
    draft.products[1] = { ...draft.products[1]!, lotId: c.lots.expired.id };
    const before = clinical();
    const error = failure(await c.app.call('sessions.saveDraft', { id: session.id, ...draft }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/HB-OLD.*expired/);
    expect(error.fields?.['products.1.lotId']).toMatch(/expired/);
    expect(clinical()).toBe(before);
  });

  it('refuses a lot of another product', async () => {
    const session = await startSession(c);
    const draft = completeDraft(c);
    draft.products[0] = { ...draft.products[0]!, lotId: c.lots.haB1.id };
    const error = failure(await c.app.call('sessions.saveDraft', { id: session.id, ...draft }));
    expect(error.fields?.['products.0.lotId']).toBe(
      'Lot HB-100 belongs to Hydra HA 1%, not to the product chosen',
    );
    // The database refuses the mismatch too.
    const sqlite = rawDb(c.app);
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO session_product (session_id, position, area, product_id, lot_id, volume_ml)
           VALUES (?, 9, 'cheeks', ?, ?, 1)`,
        )
        .run(session.id, c.vitamins.id, c.lots.haB1.id),
    ).toThrow(/another product/);
  });

  it('marks expired lots in the catalogue', async () => {
    const products = await c.app.ok<
      { name: string; lots: { lotNumber: string; expired: boolean }[] }[]
    >('products.list', {});
    const ha = products.find((p) => p.name === 'Hydra HA 1%');
    expect(ha?.lots.map((l) => [l.lotNumber, l.expired])).toEqual([
      ['HB-OLD', true],
      ['HB-100', false],
    ]);
  });
});

import type { Queryable } from '../store/db';
import type { RecallRow } from '../../../shared/api/recall';
import { lotKey } from '../products/products';
import { csvCell } from '../core/csv';

/**
 * Every patient and session that received a lot number, with the contact details a recall needs.
 * Drafts count: the product went into the patient even if the note is not signed yet.
 */

/** Who was treated with a lot, when and by whom: the same for product lines and syringes. */
const recalledColumns = [
  'patient.id as patient_id',
  'patient.clinic_number',
  'patient.given_name',
  'patient.family_name',
  'patient.phone',
  'patient.email',
  'patient.address',
  'patient.sort_key',
  'treatment_session.id as session_id',
  'treatment_session.performed_on',
  'treatment_session.status',
  'staff_user.display_name',
  'product.name as product_name',
  'product_lot.id as lot_id',
  'product_lot.lot_number',
] as const;
export async function recallLot(db: Queryable, lotNumber: string) {
  const key = lotKey(lotNumber);
  const lots = await db
    .selectFrom('product_lot')
    .innerJoin('product', 'product.id', 'product_lot.product_id')
    .select(['product_lot.id', 'product_lot.expires_on', 'product.name'])
    .where('product_lot.lot_key', '=', key)
    .orderBy('product.name')
    .execute();
  const lines = await db
    .selectFrom('session_product')
    .innerJoin('product_lot', 'product_lot.id', 'session_product.lot_id')
    .innerJoin('product', 'product.id', 'session_product.product_id')
    .innerJoin('treatment_session', 'treatment_session.id', 'session_product.session_id')
    .innerJoin('patient', 'patient.id', 'treatment_session.patient_id')
    .innerJoin('staff_user', 'staff_user.id', 'treatment_session.practitioner_id')
    .select([...recalledColumns, 'session_product.area', 'session_product.volume_ml'])
    .where('product_lot.lot_key', '=', key)
    .where('treatment_session.status', '<>', 'abandoned')
    .orderBy('patient.sort_key')
    .orderBy('treatment_session.performed_on')
    .orderBy('session_product.position')
    .execute();
  const fromSyringes = await syringeLines(db, key);

  // One row per session and lot; the areas and volumes of its lines are gathered into it.
  const rows = new Map<string, RecallRow>();
  for (const l of [...lines, ...fromSyringes]) {
    const id = `${l.session_id}|${l.lot_id}`;
    const row = rows.get(id);
    if (row) {
      if (!row.areas.includes(l.area)) row.areas.push(l.area);
      row.volumeMl =
        row.volumeMl === null || l.volume_ml === null
          ? null
          : Math.round((row.volumeMl + l.volume_ml) * 1000) / 1000;
      continue;
    }
    rows.set(id, {
      patientId: l.patient_id,
      clinicNumber: l.clinic_number,
      patientName: `${l.given_name} ${l.family_name}`,
      phone: l.phone,
      email: l.email,
      address: l.address,
      sessionId: l.session_id,
      sessionDate: l.performed_on,
      sessionStatus: l.status as RecallRow['sessionStatus'],
      practitionerName: l.display_name,
      productName: l.product_name,
      lotNumber: l.lot_number,
      areas: [l.area],
      volumeMl: l.volume_ml,
    });
  }
  return {
    lotNumber: lotNumber.trim(),
    lots: lots.map((l) => ({ lotId: l.id, productName: l.name, expiresOn: l.expires_on })),
    rows: [...rows.values()],
  };
}

const HEADER = [
  'Clinic number',
  'Patient',
  'Phone',
  'Email',
  'Address',
  'Session date',
  'Session status',
  'Practitioner',
  'Product',
  'Lot',
  'Areas',
  'Volume (ml)',
];

export function recallCsv(rows: readonly RecallRow[]): string {
  const lines = [HEADER.map(csvCell).join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.clinicNumber,
        r.patientName,
        r.phone,
        r.email,
        r.address,
        r.sessionDate,
        r.sessionStatus,
        r.practitionerName,
        r.productName,
        r.lotNumber,
        r.areas.join('; '),
        r.volumeMl,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  // CRLF and a byte-order mark so spreadsheet programs open accented names correctly.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function recallFileName(lotNumber: string, today: string): string {
  const safe =
    lotNumber
      .trim()
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .slice(0, 60) || 'lot';
  return `recall-${safe}-${today}.csv`;
}

/**
 * The lot's uses inside syringes (cocktails), as lines of the same shape: a syringe used on
 * several areas counts its product's volume once, on its first area, and names the other areas.
 */
async function syringeLines(db: Queryable, key: string) {
  const found = await db
    .selectFrom('session_cocktail_product')
    .innerJoin('session_cocktail', (join) =>
      join
        .onRef('session_cocktail.session_id', '=', 'session_cocktail_product.session_id')
        .onRef('session_cocktail.position', '=', 'session_cocktail_product.cocktail'),
    )
    .innerJoin('product_lot', 'product_lot.id', 'session_cocktail_product.lot_id')
    .innerJoin('product', 'product.id', 'session_cocktail_product.product_id')
    .innerJoin('treatment_session', 'treatment_session.id', 'session_cocktail_product.session_id')
    .innerJoin('patient', 'patient.id', 'treatment_session.patient_id')
    .innerJoin('staff_user', 'staff_user.id', 'treatment_session.practitioner_id')
    .select([
      ...recalledColumns,
      'session_cocktail.areas as syringe_areas',
      'session_cocktail_product.volume_ml',
    ])
    .where('product_lot.lot_key', '=', key)
    .where('treatment_session.status', '<>', 'abandoned')
    .orderBy('patient.sort_key')
    .orderBy('treatment_session.performed_on')
    .execute();
  return found.flatMap(({ syringe_areas, ...l }) => {
    const areas = (JSON.parse(syringe_areas) as { area: string }[]).map((a) => a.area);
    return (areas.length > 0 ? areas : ['']).map((area, i) => ({
      ...l,
      area,
      volume_ml: i === 0 ? l.volume_ml : 0,
    }));
  });
}

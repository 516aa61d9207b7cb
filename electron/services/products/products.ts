import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import type { Selectable } from 'kysely';
import type { ProductLotRow, ProductRow } from '../store/schema';
import type { z } from 'zod';
import type {
  AllergenFlag,
  Lot,
  Product,
  ProductCategory,
  lotCreateInput,
  productCreateInput,
  productUpdateInput,
} from '../../../shared/api/products';
import { AppError } from '../core/errors';

/** Lot numbers are compared without case or surrounding spaces: labels and typing differ. */
export function lotKey(lotNumber: string): string {
  return lotNumber.trim().toUpperCase();
}

export function toLot(row: Selectable<ProductLotRow>, today: string): Lot {
  return {
    id: row.id,
    productId: row.product_id,
    lotNumber: row.lot_number,
    expiresOn: row.expires_on,
    receivedOn: row.received_on,
    expired: row.expires_on < today,
    createdAt: row.created_at,
  };
}

function toProduct(row: Selectable<ProductRow>, lots: Lot[]): Product {
  return {
    id: row.id,
    name: row.name,
    manufacturer: row.manufacturer,
    category: row.category as ProductCategory,
    ingredients: JSON.parse(row.ingredients) as string[],
    allergens: JSON.parse(row.allergens) as AllergenFlag[],
    defaultVolumeMl: row.default_volume_ml,
    active: row.active === 1,
    lots,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listProducts(
  db: Queryable,
  today: string,
  includeInactive: boolean,
): Promise<Product[]> {
  let query = db.selectFrom('product').selectAll().orderBy('name').orderBy('seq');
  if (!includeInactive) query = query.where('active', '=', 1);
  const rows = await query.execute();
  const lots = await db
    .selectFrom('product_lot')
    .selectAll()
    .orderBy('expires_on')
    .orderBy('seq')
    .execute();
  return rows.map((row) =>
    toProduct(
      row,
      lots.filter((l) => l.product_id === row.id).map((l) => toLot(l, today)),
    ),
  );
}

async function requireProduct(db: Queryable, id: string) {
  const row = await db.selectFrom('product').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { key: 'errors.products.notFound' });
  return row;
}

export async function getProduct(db: Queryable, id: string, today: string): Promise<Product> {
  const row = await requireProduct(db, id);
  const lots = await db
    .selectFrom('product_lot')
    .selectAll()
    .where('product_id', '=', id)
    .orderBy('expires_on')
    .execute();
  return toProduct(
    row,
    lots.map((l) => toLot(l, today)),
  );
}

async function refuseDuplicateName(db: Queryable, name: string, exceptId: string | null) {
  const rows = await db.selectFrom('product').select(['id', 'name']).execute();
  const folded = name.trim().toLocaleLowerCase();
  if (rows.some((r) => r.id !== exceptId && r.name.trim().toLocaleLowerCase() === folded)) {
    const text = { key: 'errors.products.nameTaken' } as const;
    throw new AppError('CONFLICT', text, { fields: { name: text } });
  }
}

function productValues(input: z.output<typeof productCreateInput>) {
  return {
    name: input.name.trim(),
    manufacturer: input.manufacturer.trim(),
    category: input.category,
    ingredients: JSON.stringify(input.ingredients.map((i) => i.trim())),
    allergens: JSON.stringify([...new Set(input.allergens)]),
    default_volume_ml: input.defaultVolumeMl,
  };
}

export async function createProduct(
  db: Queryable,
  input: z.output<typeof productCreateInput>,
  now: Date,
  today: string,
): Promise<Product> {
  await refuseDuplicateName(db, input.name, null);
  const id = randomUUID();
  const at = now.toISOString();
  await db
    .insertInto('product')
    .values({ id, ...productValues(input), active: 1, created_at: at, updated_at: at })
    .execute();
  return getProduct(db, id, today);
}

export async function updateProduct(
  db: Queryable,
  input: z.output<typeof productUpdateInput>,
  now: Date,
  today: string,
): Promise<Product> {
  await requireProduct(db, input.id);
  await refuseDuplicateName(db, input.name, input.id);
  await db
    .updateTable('product')
    .set({ ...productValues(input), active: input.active ? 1 : 0, updated_at: now.toISOString() })
    .where('id', '=', input.id)
    .execute();
  return getProduct(db, input.id, today);
}

export async function addLot(
  db: Queryable,
  input: z.output<typeof lotCreateInput>,
  actorId: string,
  now: Date,
  today: string,
): Promise<Lot> {
  await requireProduct(db, input.productId);
  const key = lotKey(input.lotNumber);
  const existing = await db
    .selectFrom('product_lot')
    .select('id')
    .where('product_id', '=', input.productId)
    .where('lot_key', '=', key)
    .executeTakeFirst();
  if (existing) {
    const text = { key: 'errors.products.lotTaken' } as const;
    throw new AppError('CONFLICT', text, { fields: { lotNumber: text } });
  }
  if (input.receivedOn > today) {
    const text = { key: 'errors.products.receivedFuture' } as const;
    throw new AppError('VALIDATION', text, { fields: { receivedOn: text } });
  }
  const row = {
    id: randomUUID(),
    product_id: input.productId,
    lot_number: input.lotNumber.trim(),
    lot_key: key,
    expires_on: input.expiresOn,
    received_on: input.receivedOn,
    created_at: now.toISOString(),
    created_by: actorId,
  };
  await db.insertInto('product_lot').values(row).execute();
  return toLot({ ...row, seq: 0 }, today);
}

/**
 * The one check every product line of a session passes: the lot exists, belongs to the product
 * named, and had not expired on the day of the session. Throws with the line's field path, for
 * the first line in order that fails. The lots of all lines are read at once: on a clinic server
 * each read is a round trip.
 */
export async function requireUsableLots(
  db: Queryable,
  lines: readonly { productId: string; lotId: string; fieldPath: string }[],
  onDate: string,
): Promise<void> {
  if (lines.length === 0) return;
  const rows = await db
    .selectFrom('product_lot')
    .innerJoin('product', 'product.id', 'product_lot.product_id')
    .select([
      'product_lot.id',
      'product_lot.product_id',
      'product_lot.lot_number',
      'product_lot.expires_on',
      'product.name',
    ])
    .where('product_lot.id', 'in', [...new Set(lines.map((l) => l.lotId))])
    .execute();
  const lots = new Map(rows.map((r) => [r.id, r]));
  for (const { productId, lotId, fieldPath } of lines) {
    const lot = lots.get(lotId);
    if (!lot) {
      const text = { key: 'errors.products.lotNotFound' } as const;
      throw new AppError('NOT_FOUND', text, { fields: { [`${fieldPath}.lotId`]: text } });
    }
    if (lot.product_id !== productId) {
      const text = {
        key: 'errors.products.lotOtherProduct',
        params: { lot: lot.lot_number, product: lot.name },
      } as const;
      throw new AppError('VALIDATION', text, { fields: { [`${fieldPath}.lotId`]: text } });
    }
    if (lot.expires_on < onDate) {
      const text = {
        key: 'errors.products.lotExpired',
        params: { lot: lot.lot_number, product: lot.name, date: lot.expires_on },
      } as const;
      throw new AppError('VALIDATION', text, { fields: { [`${fieldPath}.lotId`]: text } });
    }
  }
}

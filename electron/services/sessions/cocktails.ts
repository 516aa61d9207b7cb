import type { Queryable } from '../store/db';
import type { SessionCocktail } from '../../../shared/api/sessions';
import type { CocktailInput } from '../../../shared/sessions/cocktail';
import type { TreatmentArea } from '../../../shared/sessions/treatment-terms';

/** Replaces a draft's syringes; the triggers allow this only while the session is a draft. */
export async function writeCocktails(
  db: Queryable,
  sessionId: string,
  cocktails: readonly CocktailInput[],
): Promise<void> {
  await db.deleteFrom('session_cocktail_product').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('session_cocktail').where('session_id', '=', sessionId).execute();
  if (cocktails.length === 0) return;
  await db
    .insertInto('session_cocktail')
    .values(
      cocktails.map((c, position) => ({
        session_id: sessionId,
        position,
        label: c.label.trim(),
        total_volume_ml: c.totalVolumeMl,
        areas: JSON.stringify(c.areas.map((a) => ({ area: a.area, volumeMl: a.volumeMl }))),
      })),
    )
    .execute();
  await db
    .insertInto('session_cocktail_product')
    .values(
      cocktails.flatMap((c, cocktail) =>
        c.components.map((p, position) => ({
          session_id: sessionId,
          cocktail,
          position,
          product_id: p.productId,
          lot_id: p.lotId,
          volume_ml: p.volumeMl,
        })),
      ),
    )
    .execute();
}

/** A session's syringes with each product's name and lot; none for sessions recorded without. */
export async function readCocktails(db: Queryable, sessionId: string): Promise<SessionCocktail[]> {
  const rows = await db
    .selectFrom('session_cocktail')
    .select(['position', 'label', 'total_volume_ml', 'areas'])
    .where('session_id', '=', sessionId)
    .orderBy('position')
    .execute();
  if (rows.length === 0) return [];
  const products = await db
    .selectFrom('session_cocktail_product')
    .innerJoin('product', 'product.id', 'session_cocktail_product.product_id')
    .innerJoin('product_lot', 'product_lot.id', 'session_cocktail_product.lot_id')
    .select([
      'session_cocktail_product.cocktail',
      'session_cocktail_product.product_id',
      'session_cocktail_product.lot_id',
      'session_cocktail_product.volume_ml',
      'product.name',
      'product_lot.lot_number',
      'product_lot.expires_on',
    ])
    .where('session_cocktail_product.session_id', '=', sessionId)
    .orderBy('session_cocktail_product.cocktail')
    .orderBy('session_cocktail_product.position')
    .execute();
  return rows.map((r) => ({
    label: r.label,
    totalVolumeMl: r.total_volume_ml,
    areas: JSON.parse(r.areas) as { area: TreatmentArea; volumeMl: number | null }[],
    components: products
      .filter((p) => p.cocktail === r.position)
      .map((p) => ({
        productId: p.product_id,
        lotId: p.lot_id,
        volumeMl: p.volume_ml,
        productName: p.name,
        lotNumber: p.lot_number,
        expiresOn: p.expires_on,
      })),
  }));
}

/** The form's shape of a syringe: no names, only what the practitioner chose. */
export function cocktailInputsOf(cocktails: readonly SessionCocktail[]): CocktailInput[] {
  return cocktails.map((c) => ({
    label: c.label,
    totalVolumeMl: c.totalVolumeMl,
    areas: c.areas,
    components: c.components.map((p) => ({
      productId: p.productId,
      lotId: p.lotId,
      volumeMl: p.volumeMl,
    })),
  }));
}

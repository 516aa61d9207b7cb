import type { Queryable } from '../store/db';
import type { CocktailPrint } from '../../../shared/documents/document-data';
import { areaNames } from '../../../shared/sessions/treatment-terms';
import { readCocktails } from '../sessions/cocktails';

/** A session's syringes as the documents print them: names, lots and volumes as recorded. */
export async function cocktailsForPrint(
  db: Queryable,
  sessionId: string,
): Promise<CocktailPrint[]> {
  const cocktails = await readCocktails(db, sessionId);
  return cocktails.map((c) => ({
    label: c.label,
    totalVolumeMl: c.totalVolumeMl,
    components: c.components.map((p) => ({
      name: p.productName,
      lotNumber: p.lotNumber,
      expiry: p.expiresOn,
      volumeMl: p.volumeMl,
    })),
    areas: c.areas.map((a) => ({ area: areaNames[a.area], volumeMl: a.volumeMl })),
  }));
}

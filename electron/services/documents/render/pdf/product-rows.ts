import type { ProductLotInfo } from '../../../../../shared/documents/document-data';
import type { Column } from './table';

export const productLotColumns: Column[] = [
  { header: 'Product', share: 0.28 },
  { header: 'Ingredients', share: 0.4 },
  { header: 'Lot', share: 0.18 },
  { header: 'Volume', share: 0.14 },
];

export function productLotRows(products: readonly ProductLotInfo[]): string[][] {
  return products.map((p) => [
    p.name,
    p.ingredients.join(', ') || '—',
    p.lotNumber,
    p.volumeMl === null ? '—' : `${p.volumeMl} ml`,
  ]);
}

/** The clinical record also keeps each lot's expiry, which the patient's sheet leaves out. */
export const productLotColumnsWithExpiry: Column[] = [
  { header: 'Product', share: 0.24 },
  { header: 'Ingredients', share: 0.34 },
  { header: 'Lot', share: 0.16 },
  { header: 'Expiry', share: 0.14 },
  { header: 'Volume', share: 0.12 },
];

export function productLotRowsWithExpiry(
  products: readonly ProductLotInfo[],
  formatExpiry: (isoDate: string) => string,
): string[][] {
  return products.map((p) => {
    const [name = '', ingredients = '', lot = '', volume = ''] = productLotRows([p])[0] ?? [];
    return [name, ingredients, lot, p.expiry ? formatExpiry(p.expiry) : '—', volume];
  });
}

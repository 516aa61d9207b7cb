import type { ProductLotInfo } from '../../../../../shared/documents/document-data';
import type { DocumentWording } from '../../../../../shared/documents/wording';
import type { Column } from './table';

export function productLotColumns(w: DocumentWording): Column[] {
  return [
    { header: w.labels.product, share: 0.28 },
    { header: w.labels.ingredients, share: 0.4 },
    { header: w.labels.lot, share: 0.18 },
    { header: w.labels.volume, share: 0.14 },
  ];
}

/**
 * A volume as the document's language writes it ("2.5 ml", "2,5 ml", "2.5 مل"), always in Latin
 * digits: the digits doses are measured and typed in.
 */
export function volumeText(ml: number, language = 'en'): string {
  let number: string;
  try {
    number = new Intl.NumberFormat(`${language}-u-nu-latn`, { maximumFractionDigits: 3 }).format(
      ml,
    );
  } catch {
    number = String(ml);
  }
  return `${number} ${language.startsWith('ar') ? 'مل' : 'ml'}`;
}

export function productLotRows(products: readonly ProductLotInfo[], language = 'en'): string[][] {
  return products.map((p) => [
    p.name,
    p.ingredients.join(', ') || '—',
    p.lotNumber,
    p.volumeMl === null ? '—' : volumeText(p.volumeMl, language),
  ]);
}

/** The clinical record also keeps each lot's expiry, which the patient's sheet leaves out. */
export function productLotColumnsWithExpiry(w: DocumentWording): Column[] {
  return [
    { header: w.labels.product, share: 0.24 },
    { header: w.labels.ingredients, share: 0.34 },
    { header: w.labels.lot, share: 0.16 },
    { header: w.labels.expiry, share: 0.14 },
    { header: w.labels.volume, share: 0.12 },
  ];
}

export function productLotRowsWithExpiry(
  products: readonly ProductLotInfo[],
  formatExpiry: (isoDate: string) => string,
  language = 'en',
): string[][] {
  return products.map((p) => {
    const [name = '', ingredients = '', lot = '', volume = ''] =
      productLotRows([p], language)[0] ?? [];
    return [name, ingredients, lot, p.expiry ? formatExpiry(p.expiry) : '—', volume];
  });
}

import type { CocktailPrint } from '../../../../../shared/documents/document-data';
import { ensureSpace, paragraph } from './layout';
import { volumeText } from './product-rows';
import { table } from './table';

export interface CocktailWords {
  /** "Syringe {n}" */
  syringe: (n: number) => string;
  product: string;
  lot: string;
  expiry: string;
  volume: string;
  area: string;
  /** "Total drawn" under the products, "Total given" under the areas. */
  totalDrawn: string;
  totalGiven: string;
  /** "Total volume" beside the syringe's name. */
  totalVolume: string;
  /** Translates an area's English name, as the rest of the document does. */
  areaName: (english: string) => string;
}

/** Millilitres to hundredths: sums of decimals are added as the practitioner wrote them. */
export function sumMl(volumes: readonly (number | null)[]): number | null {
  if (volumes.length === 0 || volumes.some((v) => v === null)) return null;
  return volumes.reduce<number>((s, v) => s + Math.round((v ?? 0) * 100), 0) / 100;
}

/**
 * Each syringe as prepared, then how its one total was spread over the areas: the products'
 * total, the syringe's total and the areas' total are printed side by side so that they can be
 * seen to match.
 */
export function cocktailTables(
  doc: PDFKit.PDFDocument,
  cocktails: readonly CocktailPrint[],
  words: CocktailWords,
  options: { language: string; formatExpiry: (isoDate: string) => string },
): void {
  const ml = (v: number | null) => (v === null ? '—' : volumeText(v, options.language));
  cocktails.forEach((c, i) => {
    if (i > 0) doc.moveDown(0.6);
    ensureSpace(doc, 90);
    const name = [words.syringe(i + 1), c.label].filter(Boolean).join(': ');
    paragraph(doc, `${name} · ${words.totalVolume} ${ml(c.totalVolumeMl)}`);
    doc.moveDown(0.2);
    table(
      doc,
      [
        { header: words.product, share: 0.4 },
        { header: words.lot, share: 0.22 },
        { header: words.expiry, share: 0.2 },
        { header: words.volume, share: 0.18 },
      ],
      [
        ...c.components.map((p) => [
          p.name,
          p.lotNumber,
          p.expiry ? options.formatExpiry(p.expiry) : '—',
          ml(p.volumeMl),
        ]),
        [words.totalDrawn, '', '', ml(sumMl(c.components.map((p) => p.volumeMl)))],
      ],
    );
    table(
      doc,
      [
        { header: words.area, share: 0.82 },
        { header: words.volume, share: 0.18 },
      ],
      [
        ...c.areas.map((a) => [words.areaName(a.area), ml(a.volumeMl)]),
        [words.totalGiven, ml(sumMl(c.areas.map((a) => a.volumeMl)))],
      ],
    );
  });
}

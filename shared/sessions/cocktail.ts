import { z } from 'zod';
import { idSchema, text } from '../api/common';
import { missingItem, type MissingItem } from './missing-item';
import { treatmentAreaSchema, volumeMlSchema, type TreatmentArea } from './treatment-terms';
import { fieldMessage, keyed } from '../api/field-text';

/**
 * A cocktail as it is prepared: one syringe of several products (each lot and how much of it was
 * drawn), one total volume, and how that volume was spread over the areas. Recording it this way,
 * rather than one line per area and product, keeps the record to what actually went in.
 */
export const cocktailComponentInput = z.object({
  productId: idSchema,
  lotId: idSchema,
  /** How much of this product went into the syringe. */
  volumeMl: volumeMlSchema.nullable(),
});

export const cocktailAreaInput = z.object({
  area: treatmentAreaSchema,
  volumeMl: volumeMlSchema.nullable(),
});

/** Millilitres to hundredths: sums of decimals must compare as the practitioner wrote them. */
const hundredths = (ml: number) => Math.round(ml * 100);
const ml = (h: number) => `${h / 100} ml`;

type CocktailShape = {
  totalVolumeMl: number | null;
  components: readonly { productId: string; volumeMl: number | null }[];
  areas: readonly { area: TreatmentArea; volumeMl: number | null }[];
};

/**
 * Whatever is filled in must add up: the products drawn make the syringe's total, and the areas
 * never receive more than it holds (all of it once every area has its volume).
 */
export function cocktailSumIssues(c: CocktailShape): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const ids = c.components.map((p) => p.productId).filter((id) => id !== '');
  if (new Set(ids).size !== ids.length) {
    issues.push({
      path: 'components',
      message: fieldMessage(
        'validation.sessions.syringeProductOnce',
        'Each product once in a syringe',
      ),
    });
  }
  const areas = c.areas.map((a) => a.area);
  if (new Set(areas).size !== areas.length) {
    issues.push({
      path: 'areas',
      message: fieldMessage('validation.sessions.syringeAreaOnce', 'Each area once in a syringe'),
    });
  }
  if (c.totalVolumeMl === null) return issues;
  const total = hundredths(c.totalVolumeMl);
  const drawn = c.components.map((p) => p.volumeMl);
  if (drawn.every((v) => v !== null)) {
    const sum = drawn.reduce((s, v) => s + hundredths(v!), 0);
    if (sum !== total) {
      issues.push({
        path: 'components',
        message: fieldMessage(
          'validation.sessions.syringeProductsSum',
          'The products add up to {{sum}}; the syringe holds {{total}}',
          { sum: ml(sum), total: ml(total) },
        ),
      });
    }
  }
  const given = c.areas.map((a) => a.volumeMl);
  const spread = given.reduce<number>((s, v) => s + (v === null ? 0 : hundredths(v)), 0);
  const complete = given.length > 0 && given.every((v) => v !== null);
  if (spread > total || (complete && spread !== total)) {
    issues.push({
      path: 'areas',
      message: fieldMessage(
        'validation.sessions.syringeAreasSum',
        'The areas receive {{spread}}; the syringe holds {{total}}',
        { spread: ml(spread), total: ml(total) },
      ),
    });
  }
  return issues;
}

export const cocktailFields = z.object({
  label: text(80, 'Syringe name'),
  totalVolumeMl: volumeMlSchema.nullable(),
  components: z
    .array(cocktailComponentInput)
    .min(1, keyed('validation.sessions.syringeOneProduct', 'At least one product in the syringe'))
    .max(
      10,
      keyed('validation.sessions.syringeAtMostProducts', 'At most {{max}} products in a syringe', {
        max: 10,
      }),
    ),
  areas: z.array(cocktailAreaInput).max(15),
});

export const cocktailInput = cocktailFields.superRefine((c, ctx) => {
  for (const issue of cocktailSumIssues(c)) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  }
});
export type CocktailInput = z.infer<typeof cocktailInput>;

/** What signing needs of each syringe, beyond adding up: every volume, and areas that were treated. */
export function cocktailMissing(
  cocktails: readonly CocktailInput[],
  treated: ReadonlySet<TreatmentArea>,
): MissingItem[] {
  const missing: MissingItem[] = [];
  cocktails.forEach((c, i) => {
    const syringe = i + 1;
    const at = `cocktails.${i}`;
    if (c.totalVolumeMl === null) {
      missing.push(missingItem(`${at}.totalVolumeMl`, 'syringeTotal', { syringe }));
    }
    c.components.forEach((p, j) => {
      if (p.volumeMl === null) {
        missing.push(
          missingItem(`${at}.components.${j}.volumeMl`, 'syringeProduct', {
            syringe,
            product: j + 1,
          }),
        );
      }
    });
    if (c.areas.length === 0) missing.push(missingItem(`${at}.areas`, 'syringeAreas', { syringe }));
    c.areas.forEach((a, j) => {
      if (a.volumeMl === null) {
        missing.push(
          missingItem(`${at}.areas.${j}.volumeMl`, 'syringeAreaVolume', { syringe, area: a.area }),
        );
      }
      if (!treated.has(a.area)) {
        missing.push(
          missingItem(`${at}.areas.${j}.area`, 'syringeAreaUntreated', { syringe, area: a.area }),
        );
      }
    });
  });
  return missing;
}

/** Each product of every syringe, in order: for the allergy cross-check and the consent's cover. */
export function cocktailProductIds(
  cocktails: readonly { components: readonly { productId: string }[] }[] = [],
) {
  return cocktails.flatMap((c) => c.components.map((p) => p.productId));
}

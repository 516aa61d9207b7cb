import type { z } from 'zod';
import type { substanceLineInput } from '../screening/substance-line';
import type { AllergenTag } from '../screening/screening-types';
import { substanceKey, type SubstanceLine } from '../screening/substance-check';
import type { Anaesthesia } from './treatment-terms';

/** What the catalogue says about a product, for the allergy cross-check. */
export interface CatalogueProduct {
  readonly name: string;
  readonly ingredients: readonly string[];
  readonly allergens: readonly AllergenTag[];
}

type LineInput = z.input<typeof substanceLineInput>;

export interface SessionSubstanceDraft {
  readonly products: ReadonlyArray<{ readonly productId: string }>;
  readonly cocktails?: ReadonlyArray<{
    readonly components: ReadonlyArray<{ readonly productId: string }>;
  }>;
  readonly anaesthesia: Anaesthesia | null;
  readonly anaesthetics?: readonly LineInput[];
  readonly additions?: readonly LineInput[];
}

export interface SessionSubstanceLine extends SubstanceLine {
  /**
   * False for the line read from the anaesthesia method alone (no preparation named): it is
   * cross-checked against allergies, but a check cannot have planned it by name.
   */
  readonly named: boolean;
}

/**
 * Every substance that enters the patient at a session, in one order the service and the screen
 * share (the n of `gate.allergy.<n>`): each distinct product in order of first use, then the
 * anaesthetics in order, then what was added during the session in order.
 *
 * When the method is lidocaine or a numbing cream but no preparation is named yet, the method
 * itself is a line, so an allergy to lidocaine is never missed because the field was left short.
 */
export function sessionSubstanceLines(
  draft: SessionSubstanceDraft,
  catalogue: ReadonlyMap<string, CatalogueProduct>,
): SessionSubstanceLine[] {
  const lines: SessionSubstanceLine[] = [];
  const seen = new Set<string>();
  const syringes = (draft.cocktails ?? []).flatMap((c) => c.components);
  for (const { productId } of [...draft.products, ...syringes]) {
    if (seen.has(productId)) continue;
    seen.add(productId);
    const product = catalogue.get(productId);
    lines.push({
      key: substanceKey({ source: 'product', name: product?.name ?? productId, productId }),
      source: 'product',
      name: product?.name ?? productId,
      ingredients: product?.ingredients ?? [],
      allergenFlags: product?.allergens ?? [],
      named: true,
    });
  }
  const anaesthetics = draft.anaesthetics ?? [];
  const typed = (source: 'anaesthesia' | 'addition') => (l: LineInput) => {
    const preparationId = l.preparationId ?? null;
    return {
      key: substanceKey({ source, name: l.name, preparationId }),
      source,
      name: l.name,
      ingredients: l.ingredients,
      preparationId,
      named: true,
    };
  };
  lines.push(...anaesthetics.map(typed('anaesthesia')));
  if (anaesthetics.length === 0 && draft.anaesthesia === 'lidocaine') {
    lines.push({ ...typed('anaesthesia')(methodLine.lidocaine), named: false });
  }
  if (anaesthetics.length === 0 && draft.anaesthesia === 'numbing-cream') {
    lines.push({ ...typed('anaesthesia')(methodLine.cream), named: false });
  }
  lines.push(...(draft.additions ?? []).map(typed('addition')));
  return lines;
}

const methodLine = {
  lidocaine: { preparationId: null, name: 'Lidocaine', ingredients: ['lidocaine'] },
  // An unnamed cream is read as "a local anaesthetic": any anaesthetic allergy flags it.
  cream: { preparationId: null, name: 'Numbing cream', ingredients: ['local anaesthetic'] },
} satisfies Record<string, LineInput>;

import { z } from 'zod';
import { keyed } from '../api/field-text';
import { fieldLabelKey, type FieldLabel } from '../api/field-labels';
import { requiredMessage } from '../api/common';

/**
 * One anaesthetic or added substance as the check plans it and the session records it: a
 * preparation from the clinic's list (its ingredients come from the list), or a name and the
 * ingredients typed for it.
 */
/** "Name: at most 200 characters". */
const atMost = (label: FieldLabel) =>
  keyed('validation.text.atMost', '{{label}}: at most {{max}} characters', {
    label: fieldLabelKey(label),
    max: 200,
  });

export const substanceLineInput = z.object({
  preparationId: z.string().max(40).nullable(),
  name: z
    .string()
    .max(200, atMost('Name'))
    .refine(
      (s) => s.trim().length > 0,
      keyed('validation.screening.nameSubstance', 'Name the substance'),
    ),
  ingredients: z
    .array(
      z
        .string()
        .max(200, atMost('Ingredient'))
        .refine((s) => s.trim().length > 0, requiredMessage('Ingredient')),
    )
    .max(
      20,
      keyed('validation.lists.atMostIngredients', 'At most {{max}} ingredients', { max: 20 }),
    ),
});
export type SubstanceLineInput = z.infer<typeof substanceLineInput>;

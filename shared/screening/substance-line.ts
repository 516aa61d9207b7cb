import { z } from 'zod';

/**
 * One anaesthetic or added substance as the check plans it and the session records it: a
 * preparation from the clinic's list (its ingredients come from the list), or a name and the
 * ingredients typed for it.
 */
export const substanceLineInput = z.object({
  preparationId: z.string().max(40).nullable(),
  name: z
    .string()
    .max(200, 'Name: at most 200 characters')
    .refine((s) => s.trim().length > 0, 'Name the substance'),
  ingredients: z
    .array(
      z
        .string()
        .max(200, 'Ingredient: at most 200 characters')
        .refine((s) => s.trim().length > 0, 'Ingredient is required'),
    )
    .max(20, 'At most 20 ingredients'),
});
export type SubstanceLineInput = z.infer<typeof substanceLineInput>;

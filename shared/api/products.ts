import { op } from './operation';
import { admin } from './roles';
import { z } from 'zod';
import {
  idSchema,
  isoDate,
  isoDateTime,
  requiredMessage,
  requiredText,
  text,
  validDateMessage,
} from './common';
import { allergyTicks } from './history';
import { defaultVolumeMlSchema } from '../sessions/treatment-terms';
import { keyed } from './field-text';
import type { FieldLabel } from './field-labels';

export const productCategories = [
  'hyaluronic-acid',
  'vitamins',
  'trace-elements',
  'amino-acids',
  'peptides',
  'lipolytics',
  'plant-extracts',
  'prp',
  'anaesthetic',
  'enzyme',
  'other',
] as const;
export const productCategorySchema = z.enum(
  productCategories,
  keyed('validation.products.chooseCategory', 'Choose a category'),
);
export type ProductCategory = z.infer<typeof productCategorySchema>;

/**
 * Allergen flags use the same keys as the intake's allergy questions, so the pre-procedure check
 * can match a product against the patient's answers without a translation table.
 */
export const allergenFlags = allergyTicks;
export const allergenFlagSchema = z.enum(allergenFlags);
export type AllergenFlag = z.infer<typeof allergenFlagSchema>;

export const productFieldsSchema = z.object({
  name: requiredText(200, 'Name'),
  manufacturer: text(200, 'Manufacturer'),
  category: productCategorySchema,
  ingredients: z
    .array(requiredText(200, 'Ingredient'))
    .max(
      50,
      keyed('validation.lists.atMostIngredients', 'At most {{max}} ingredients', { max: 50 }),
    ),
  allergens: z.array(allergenFlagSchema).max(allergenFlags.length),
  defaultVolumeMl: defaultVolumeMlSchema.nullable(),
});

export const productCreateInput = productFieldsSchema.strict();
export const productUpdateInput = productFieldsSchema
  .extend({ id: idSchema, active: z.boolean() })
  .strict();

/** A date the form must not leave empty: the message says which, not "Invalid date". */
export function requiredDate(label: FieldLabel) {
  return z
    .string()
    .min(1, requiredMessage(label))
    .refine((s) => isoDate.safeParse(s).success, validDateMessage(label));
}

export const lotFieldsSchema = z.object({
  productId: idSchema,
  lotNumber: requiredText(80, 'Lot number'),
  expiresOn: requiredDate('Expiry date'),
  receivedOn: requiredDate('Date received'),
});
export const lotCreateInput = lotFieldsSchema.strict();

export const lotSchema = z.object({
  id: idSchema,
  productId: idSchema,
  lotNumber: z.string(),
  expiresOn: isoDate,
  receivedOn: isoDate,
  /** Computed against the clinic's today when the list was read. */
  expired: z.boolean(),
  createdAt: isoDateTime,
});
export type Lot = z.infer<typeof lotSchema>;

export const productSchema = productFieldsSchema.extend({
  id: idSchema,
  active: z.boolean(),
  lots: z.array(lotSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Product = z.infer<typeof productSchema>;

export const productListInput = z.object({ includeInactive: z.boolean().default(false) }).strict();

export const productsOperations = {
  // The catalogue holds no patient data, so reading it is not audited.
  'products.list': op({
    input: productListInput,
    output: z.array(productSchema),
    access: 'signed-in',
    audit: null,
  }),
  'products.create': op({
    input: productCreateInput,
    output: productSchema,
    access: admin,
    audit: { action: 'create', objectType: 'product' },
  }),
  'products.update': op({
    input: productUpdateInput,
    output: productSchema,
    access: admin,
    audit: { action: 'update', objectType: 'product' },
  }),
  'products.addLot': op({
    input: lotCreateInput,
    output: lotSchema,
    access: admin,
    audit: { action: 'create', objectType: 'product-lot' },
  }),
} as const;

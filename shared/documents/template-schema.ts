import { z } from 'zod';
import { procedureKinds } from './procedure-kinds';
import { aftercareCautions } from './aftercare-cautions';
import { treatmentAreas } from '../sessions/treatment-terms';
import { keyed } from '../api/field-text';
import { fieldLabelKey, type FieldLabel } from '../api/field-labels';

/**
 * The shape of a document template. Shared so that the template editor in the renderer checks
 * exactly what the main process will accept before it saves a version.
 */

// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function templateText(max: number, label: FieldLabel) {
  const named = { label: fieldLabelKey(label) };
  return z
    .string()
    .max(
      max,
      keyed('validation.text.tooLong', '{{label}} must be at most {{max}} characters', {
        ...named,
        max,
      }),
    )
    .refine(
      (s) => !controlChars.test(s),
      keyed('validation.text.controlChars', '{{label}} contains control characters', named),
    );
}

function requiredTemplateText(max: number, label: FieldLabel) {
  return templateText(max, label).refine(
    (s) => s.trim().length > 0,
    keyed('validation.text.required', '{{label}} is required', { label: fieldLabelKey(label) }),
  );
}

/** Stable ids let a clinic reword a section while the required-element check still finds it. */
export const templateIdSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,63}$/,
    keyed('validation.templates.slug', 'Use lower-case letters, digits and hyphens'),
  );

export const templateLanguageSchema = z
  .string()
  .regex(
    /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
    keyed('validation.templates.languageTag', 'Use a language tag such as en or en-GB'),
  );

export const templateSectionSchema = z.object({
  id: templateIdSchema,
  title: requiredTemplateText(200, 'Section title'),
  body: requiredTemplateText(8000, 'Section text'),
  /**
   * A separate yes/no choice the patient ticks, e.g. photographs for uses beyond the record:
   * agreeing to treatment must not imply agreeing to that.
   */
  choice: z.boolean().optional(),
});

export const durationUnits = ['hours', 'days', 'weeks'] as const;

export const itemDurationSchema = z
  .object({
    min: z.number().int().min(0).max(1000),
    /** Null for a single value ("12 hours"); a range otherwise ("8–12 hours"). */
    max: z.number().int().min(1).max(1000).nullable(),
    unit: z.enum(durationUnits),
  })
  .refine((d) => d.max === null || d.max > d.min, {
    ...keyed('validation.templates.bounds', 'The upper bound must be above the lower bound'),
    path: ['max'],
  });

export const aftercareItemSchema = z.object({
  id: templateIdSchema,
  /** May contain {{duration}}, replaced by the clinic's duration for this item. */
  text: requiredTemplateText(600, 'Item text'),
  duration: itemDurationSchema.nullable(),
  /** Printed only when one of these areas was treated (no scalp line for a face); all when absent. */
  areas: z.array(z.enum(treatmentAreas)).min(1).max(treatmentAreas.length).optional(),
  /** A caution printed only when the patient's check raised it (bruising with a blood thinner). */
  when: z.enum(aftercareCautions).optional(),
});

const templateBase = {
  language: templateLanguageSchema,
  version: z.number().int().min(1),
  title: requiredTemplateText(200, 'Template title'),
  sections: z.array(templateSectionSchema).min(1).max(60),
};

export const consentTemplateSchema = z.object({
  kind: z.literal('consent'),
  procedureKind: z.enum(procedureKinds),
  ...templateBase,
});

export const aftercareTemplateSchema = z.object({
  kind: z.literal('aftercare'),
  ...templateBase,
  items: z.array(aftercareItemSchema).min(1).max(40),
});

export const documentTemplateSchema = z.discriminatedUnion('kind', [
  consentTemplateSchema,
  aftercareTemplateSchema,
]);

export type TemplateSection = z.infer<typeof templateSectionSchema>;
export type ItemDuration = z.infer<typeof itemDurationSchema>;
export type AftercareItem = z.infer<typeof aftercareItemSchema>;
export type ConsentTemplate = z.infer<typeof consentTemplateSchema>;
export type AftercareTemplate = z.infer<typeof aftercareTemplateSchema>;
export type DocumentTemplate = z.infer<typeof documentTemplateSchema>;
export type TemplateKind = DocumentTemplate['kind'];

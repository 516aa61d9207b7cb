import { op } from './operation';
import { practitioner, clinicalReaders } from './roles';
import { patientScopedInput } from './courses';
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
import { treatmentAreaSchema } from '../sessions/treatment-terms';
import { keyed } from './field-text';
import type { FieldLabel } from './field-labels';

export const adverseEventKinds = [
  'bruising',
  'swelling',
  'prolonged-redness',
  'infection',
  'allergic-reaction',
  'nodules',
  'pigmentation',
  'necrosis',
  'other',
] as const;
export const adverseEventKindSchema = z.enum(
  adverseEventKinds,
  keyed('validation.adverseEvents.chooseKind', 'Choose the kind'),
);
export type AdverseEventKind = z.infer<typeof adverseEventKindSchema>;

export const severities = ['mild', 'moderate', 'severe'] as const;
export const severitySchema = z.enum(
  severities,
  keyed('validation.adverseEvents.chooseSeverity', 'Choose the severity'),
);
export type Severity = z.infer<typeof severitySchema>;

const dateField = (label: FieldLabel) =>
  z
    .string()
    .min(1, requiredMessage(label))
    .refine((s) => isoDate.safeParse(s).success, validDateMessage(label));

export const adverseEventRecordInput = z
  .object({
    sessionId: idSchema,
    kind: adverseEventKindSchema,
    severity: severitySchema,
    onsetOn: dateField('Onset date'),
    description: text(2000, 'Description'),
    actionTaken: text(2000, 'Action taken'),
    /** The treated areas it concerns, from the face and body diagrams. */
    areas: z
      .array(treatmentAreaSchema)
      .max(15)
      .refine(
        (a) => new Set(a).size === a.length,
        keyed('validation.lists.eachArea', 'Each area once'),
      )
      .default([]),
    /** The patient's photos that show it. */
    photoIds: z
      .array(idSchema)
      .max(20, keyed('validation.lists.atMostPhotos', 'At most {{max}} photos', { max: 20 }))
      .refine(
        (a) => new Set(a).size === a.length,
        keyed('validation.lists.eachPhoto', 'Each photo once'),
      )
      .default([]),
  })
  .strict();

export const adverseEventResolveInput = z
  .object({
    id: idSchema,
    resolvedOn: dateField('Resolved date'),
    outcome: requiredText(2000, 'Outcome'),
  })
  .strict();

export const adverseEventSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  sessionId: idSchema,
  sessionDate: isoDate,
  kind: adverseEventKindSchema,
  severity: severitySchema,
  onsetOn: isoDate,
  description: z.string(),
  actionTaken: z.string(),
  resolvedOn: isoDate.nullable(),
  outcome: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: isoDateTime,
  areas: z.array(treatmentAreaSchema),
  photoIds: z.array(idSchema),
});
export type AdverseEvent = z.infer<typeof adverseEventSchema>;

export const adverseEventsOperations = {
  'adverseEvents.record': op({
    input: adverseEventRecordInput,
    output: adverseEventSchema,
    access: practitioner,
    audit: { action: 'create', objectType: 'adverse-event' },
  }),
  'adverseEvents.resolve': op({
    input: adverseEventResolveInput,
    output: adverseEventSchema,
    access: practitioner,
    audit: { action: 'update', objectType: 'adverse-event' },
  }),
  /** The chart's alerts strip: adverse events not yet resolved. */
  'adverseEvents.listOpen': op({
    input: patientScopedInput,
    output: z.array(adverseEventSchema),
    access: clinicalReaders,
    audit: { action: 'read', objectType: 'adverse-event' },
  }),
} as const;

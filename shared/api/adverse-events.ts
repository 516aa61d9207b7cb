import { op } from './operation';
import { practitioner, clinicalReaders } from './roles';
import { patientScopedInput } from './courses';
import { z } from 'zod';
import { idSchema, isoDate, isoDateTime, requiredText, text } from './common';
import { treatmentAreaSchema } from '../sessions/treatment-terms';

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
export const adverseEventKindSchema = z.enum(adverseEventKinds, { error: 'Choose the kind' });
export type AdverseEventKind = z.infer<typeof adverseEventKindSchema>;

export const severities = ['mild', 'moderate', 'severe'] as const;
export const severitySchema = z.enum(severities, { error: 'Choose the severity' });
export type Severity = z.infer<typeof severitySchema>;

const dateField = (label: string) =>
  z
    .string()
    .min(1, `${label} is required`)
    .refine((s) => isoDate.safeParse(s).success, `${label}: enter a valid date`);

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
      .refine((a) => new Set(a).size === a.length, 'Each area once')
      .default([]),
    /** The patient's photos that show it. */
    photoIds: z
      .array(idSchema)
      .max(20, 'At most 20 photos')
      .refine((a) => new Set(a).size === a.length, 'Each photo once')
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

import { op } from './operation';
import { clinical, intake } from './roles';
import { z } from 'zod';
import { idSchema, isoDateTime, text } from './common';
import { consentKindSchema, consentKinds } from './patients';

export { consentKinds, consentKindSchema };

/** Every change of a consent is a new event; withdrawal never edits the event that gave it. */
export const consentDecisions = ['given', 'refused', 'withdrawn'] as const;
export const consentDecisionSchema = z.enum(consentDecisions);
export type ConsentDecision = z.infer<typeof consentDecisionSchema>;

export const consentRecordInput = z
  .object({
    patientId: idSchema,
    kind: consentKindSchema,
    decision: consentDecisionSchema,
    note: text(500, 'Note'),
  })
  .strict();

export const consentEventSchema = z.object({
  id: idSchema,
  kind: consentKindSchema,
  decision: consentDecisionSchema,
  note: z.string(),
  recordedAt: isoDateTime,
  recordedBy: z.string(),
});
export type ConsentEvent = z.infer<typeof consentEventSchema>;

export const consentListInput = z.object({ patientId: idSchema }).strict();
export const consentListOutput = z.object({
  /** The latest decision per kind; a kind never asked about is absent. */
  current: z.array(consentEventSchema),
  events: z.array(consentEventSchema),
});

export const consentsOperations = {
  'consents.list': op({
    input: consentListInput,
    output: consentListOutput,
    access: clinical,
    audit: { action: 'read', objectType: 'consent' },
  }),
  'consents.record': op({
    input: consentRecordInput,
    output: consentEventSchema,
    access: intake,
    audit: { action: 'create', objectType: 'consent' },
  }),
} as const;

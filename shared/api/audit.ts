import { auditActions, op } from './operation';
import { admin, roleSchema } from './roles';
import { emptyInput, idSchema, isoDateTime } from './common';
import { z } from 'zod';

export const auditActionSchema = z.enum(auditActions);

export const auditOutcomes = ['success', 'denied', 'failed'] as const;
export const auditOutcomeSchema = z.enum(auditOutcomes);

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: isoDateTime,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  role: roleSchema.nullable(),
  operation: z.string(),
  action: auditActionSchema,
  patientId: z.string().nullable(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: auditOutcomeSchema,
  errorCode: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListInput = z
  .object({
    patientId: idSchema.optional(),
    userId: idSchema.optional(),
    action: auditActionSchema.optional(),
    /** Start of the range, inclusive; the renderer sends the clinic's local midnight. */
    from: isoDateTime.optional(),
    /** End of the range, exclusive. */
    to: isoDateTime.optional(),
    limit: z.number().int().min(1).max(500).default(100),
    /** Keyset paging: events older than this sequence number. */
    before: z.number().int().positive().optional(),
  })
  .strict()
  .refine((v) => !v.from || !v.to || Date.parse(v.from) <= Date.parse(v.to), {
    message: 'The start date must be before the end date',
    path: ['to'],
  });

export const auditListOutput = z.object({
  events: z.array(auditEventSchema),
  nextBefore: z.number().int().nullable(),
});

export const auditVerifyOutput = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** Sequence number of the first event whose link does not hold, when broken. */
  firstBroken: z.number().int().nullable(),
  reason: z.string().nullable(),
});

export const auditOperations = {
  'audit.list': op({
    input: auditListInput,
    output: auditListOutput,
    access: admin,
    audit: { action: 'read', objectType: 'audit-log' },
  }),
  'audit.verify': op({
    input: emptyInput,
    output: auditVerifyOutput,
    access: admin,
    audit: { action: 'execute', objectType: 'audit-verify' },
  }),
} as const;

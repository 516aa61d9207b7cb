import { auditActions, op } from './operation';
import { admin, roleSchema } from './roles';
import { emptyInput, idSchema, isoDateTime, text } from './common';
import { z } from 'zod';
import { fileTokenSchema } from './file-token';
import { keyed } from './field-text';

export const auditActionSchema = z.enum(auditActions);

export const auditOutcomes = ['success', 'denied', 'failed'] as const;
export const auditOutcomeSchema = z.enum(auditOutcomes);

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: isoDateTime,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  role: roleSchema.nullable(),
  /** The staff member's display name as it is now; null for events without a signed-in user. */
  displayName: z.string().nullable(),
  operation: z.string(),
  action: auditActionSchema,
  patientId: z.string().nullable(),
  /** "Given Family" and clinic number of the patient concerned, read when the log is listed. */
  patientName: z.string().nullable(),
  clinicNumber: z.string().nullable(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: auditOutcomeSchema,
  errorCode: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** What a manager filters the log by; shared by the list and the two exports. */
const auditFilterFields = {
  patientId: idSchema.optional(),
  /** A patient's name (any part, accents ignored) or clinic number, as a manager knows her. */
  patient: text(100, 'The patient').optional(),
  userId: idSchema.optional(),
  action: auditActionSchema.optional(),
  /** Start of the range, inclusive; the renderer sends the clinic's local midnight. */
  from: isoDateTime.optional(),
  /** End of the range, exclusive. */
  to: isoDateTime.optional(),
};

const datesInOrder = <T extends { from?: string | undefined; to?: string | undefined }>(v: T) =>
  !v.from || !v.to || Date.parse(v.from) <= Date.parse(v.to);
const datesMessage = {
  ...keyed('validation.audit.datesOrder', 'The start date must be before the end date'),
  path: ['to'],
};

export const auditListInput = z
  .object({
    ...auditFilterFields,
    limit: z.number().int().min(1).max(500).default(100),
    /** Keyset paging: events older than this sequence number. */
    before: z.number().int().positive().optional(),
  })
  .strict()
  .refine(datesInOrder, datesMessage);

export const auditFilterInput = z
  .object(auditFilterFields)
  .strict()
  .refine(datesInOrder, datesMessage);
export type AuditFilterInput = z.input<typeof auditFilterInput>;

export const auditExportCsvOutput = z.object({
  fileName: z.string(),
  csv: z.string(),
  rows: z.number().int(),
});

export const auditExportPdfInput = z
  .object({
    ...auditFilterFields,
    /** The token of the system's save dialog's choice; checked again before anything is written. */
    target: fileTokenSchema('where to save the report'),
    /** BCP 47 tag for dates in the report. */
    locale: z.string().min(2).max(35).default('en-GB'),
    timeZone: z.string().max(64).optional(),
  })
  .strict()
  .refine(datesInOrder, datesMessage);

export const auditExportPdfOutput = z.object({
  path: z.string(),
  rows: z.number().int(),
  pageCount: z.number().int(),
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
  // The exports are records leaving the app: audited as executed, with the row count refused
  // above a ceiling so an inspection export is always a bounded file.
  'audit.exportCsv': op({
    input: auditFilterInput,
    output: auditExportCsvOutput,
    access: admin,
    audit: { action: 'execute', objectType: 'audit-export' },
  }),
  'audit.exportPdf': op({
    input: auditExportPdfInput,
    output: auditExportPdfOutput,
    access: admin,
    audit: { action: 'execute', objectType: 'audit-export' },
  }),
  'audit.verify': op({
    input: emptyInput,
    output: auditVerifyOutput,
    access: admin,
    audit: { action: 'execute', objectType: 'audit-verify' },
  }),
  /** The chain check run in the background at start-up: when, and what it found (null: none yet). */
  'audit.lastCheck': op({
    input: emptyInput,
    output: auditVerifyOutput.extend({ at: isoDateTime }).nullable(),
    access: admin,
    audit: null,
  }),
} as const;

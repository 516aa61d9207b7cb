import { op } from './operation';
import { practitioner, clinicalReaders } from './roles';
import { z } from 'zod';
import { idSchema, isoDate, isoDateTime, text } from './common';
import {
  depthMmSchema,
  indicationSchema,
  needleGaugeSchema,
  needleLengthMmSchema,
  techniqueSchema,
  treatmentAreaSchema,
} from '../sessions/treatment-terms';
import { keyed } from './field-text';

export const courseStatuses = ['active', 'completed', 'stopped'] as const;
export const courseStatusSchema = z.enum(courseStatuses);
export type CourseStatus = z.infer<typeof courseStatusSchema>;

/** What each session of the course starts from; the practitioner can change any of it. */
export const protocolSchema = z.object({
  productIds: z
    .array(idSchema)
    .max(20, keyed('validation.lists.atMostProducts', 'At most {{max}} products', { max: 20 })),
  technique: techniqueSchema.nullable(),
  depthMm: depthMmSchema.nullable(),
  needleGauge: needleGaugeSchema.nullable(),
  needleLengthMm: needleLengthMmSchema.nullable(),
});
export type Protocol = z.infer<typeof protocolSchema>;

export const courseCreateInput = z
  .object({
    patientId: idSchema,
    indication: indicationSchema,
    indicationNote: text(500, 'Indication details'),
    areas: z
      .array(treatmentAreaSchema)
      .min(1, keyed('validation.courses.chooseArea', 'Choose at least one area'))
      .max(15)
      .refine(
        (a) => new Set(a).size === a.length,
        keyed('validation.lists.eachArea', 'Each area once'),
      ),
    plannedSessions: z
      .number(keyed('validation.plan.sessionsRequired', 'Enter the number of sessions'))
      .int(keyed('validation.numbers.wholeSessions', 'Whole sessions only'))
      .min(1, keyed('validation.courses.sessionsRange', 'Plan between 1 and 20 sessions'))
      .max(20, keyed('validation.courses.sessionsRange', 'Plan between 1 and 20 sessions')),
    intervalDays: z
      .number(keyed('validation.plan.intervalRequired', 'Enter the interval in days'))
      .int(keyed('validation.numbers.wholeDays', 'Whole days only'))
      .min(
        1,
        keyed('validation.courses.intervalRange', 'The interval must be between 1 and 365 days'),
      )
      .max(
        365,
        keyed('validation.courses.intervalRange', 'The interval must be between 1 and 365 days'),
      ),
    protocol: protocolSchema,
  })
  .strict();

export const courseStatusInput = z
  .object({ id: idSchema, status: z.enum(['completed', 'stopped']) })
  .strict();

export const courseSessionSchema = z.object({
  id: idSchema,
  number: z.number().int(),
  performedOn: isoDate,
  status: z.enum(['draft', 'signed']),
  timing: z.enum(['first', 'on-time', 'too-early', 'too-late']),
});

export const followUpSchema = z.object({
  id: idSchema,
  courseId: idSchema,
  assessedOn: isoDate,
  gais: z.number().int(),
  satisfaction: z.number().int(),
  notes: z.string(),
  recordedBy: z.string(),
  recordedAt: isoDateTime,
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const courseSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  indication: indicationSchema,
  indicationNote: z.string(),
  areas: z.array(treatmentAreaSchema),
  plannedSessions: z.number().int(),
  intervalDays: z.number().int(),
  protocol: protocolSchema,
  status: courseStatusSchema,
  startedOn: isoDate,
  createdBy: z.string(),
  createdAt: isoDateTime,
  progress: z.object({
    logged: z.number().int(),
    signed: z.number().int(),
    planned: z.number().int(),
    nextNumber: z.number().int().nullable(),
    nextDueOn: isoDate.nullable(),
    overdue: z.boolean(),
  }),
  sessions: z.array(courseSessionSchema),
  /**
   * The course's booked visits still to come (booked, arrived, in treatment), each timed against
   * the session or booking before it, so an off-interval booking is flagged before the day.
   */
  bookings: z.array(
    z.object({
      appointmentId: idSchema,
      /** The clinic's wall clock, 'YYYY-MM-DDTHH:MM'. */
      startsAt: z.string(),
      timing: z.enum(['first', 'on-time', 'too-early', 'too-late']),
    }),
  ),
  followUps: z.array(followUpSchema),
});
export type Course = z.infer<typeof courseSchema>;

export const patientScopedInput = z.object({ patientId: idSchema }).strict();

/** GAIS: 1 exceptional improvement ... 5 worse; satisfaction: 1 very dissatisfied ... 5 very satisfied. */
const scale = (message: ReturnType<typeof keyed>) =>
  z.number(message).int().min(1, message).max(5, message);

export const followUpRecordInput = z
  .object({
    courseId: idSchema,
    gais: scale(keyed('validation.courses.chooseGais', 'Choose the GAIS rating')),
    satisfaction: scale(
      keyed('validation.courses.chooseSatisfaction', 'Choose the patient satisfaction'),
    ),
    notes: text(2000, 'Notes'),
  })
  .strict();

export const coursesOperations = {
  'courses.list': op({
    input: patientScopedInput,
    output: z.array(courseSchema),
    access: clinicalReaders,
    audit: { action: 'read', objectType: 'course' },
  }),
  'courses.create': op({
    input: courseCreateInput,
    output: courseSchema,
    access: practitioner,
    audit: { action: 'create', objectType: 'course' },
  }),
  'courses.setStatus': op({
    input: courseStatusInput,
    output: courseSchema,
    access: practitioner,
    audit: { action: 'update', objectType: 'course' },
  }),
  'courses.recordFollowUp': op({
    input: followUpRecordInput,
    output: followUpSchema,
    access: practitioner,
    audit: { action: 'create', objectType: 'course-follow-up' },
  }),
} as const;

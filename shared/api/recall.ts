import { op } from './operation';
import { clinical, recallers } from './roles';
import { z } from 'zod';
import { idSchema, isoDate, isoDateTime, requiredText } from './common';
import { reminderChannels, reminderStatuses } from './reminders';

/** One entry of a patient's chronological record; `at` orders it, `date` is what is shown. */
export const timelineKinds = [
  'check',
  'session',
  'addendum',
  'adverse-event',
  'adverse-event-resolved',
  'follow-up',
] as const;
export const timelineEntrySchema = z.object({
  kind: z.enum(timelineKinds),
  id: idSchema,
  at: isoDateTime,
  date: isoDate,
  /** The session the entry belongs to, for a link; null for checks and follow-ups. */
  sessionId: idSchema.nullable(),
  staffName: z.string(),
  /** Short, structured facts the renderer turns into words: status, outcome, kind, severity. */
  facts: z.record(z.string(), z.string()),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const recallInput = z.object({ lotNumber: requiredText(80, 'Lot number') }).strict();

export const recallRowSchema = z.object({
  patientId: idSchema,
  clinicNumber: z.string(),
  patientName: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  sessionId: idSchema,
  sessionDate: isoDate,
  sessionStatus: z.enum(['draft', 'signed']),
  practitionerName: z.string(),
  productName: z.string(),
  lotNumber: z.string(),
  areas: z.array(z.string()),
  volumeMl: z.number().nullable(),
});
export type RecallRow = z.infer<typeof recallRowSchema>;

export const recallOutput = z.object({
  lotNumber: z.string(),
  /** Lots in the catalogue carrying that number (the same number may exist for two products). */
  lots: z.array(z.object({ lotId: idSchema, productName: z.string(), expiresOn: isoDate })),
  rows: z.array(recallRowSchema),
});

export const recallExportOutput = z.object({ fileName: z.string(), csv: z.string() });

/** Courses whose next session is due (or overdue) and not booked: the front desk calls them back. */
export const dueCoursesInput = z
  .object({
    /** due: within the window or overdue; overdue: past the course's tolerance only. */
    show: z.enum(['due', 'overdue']).default('due'),
    withinDays: z.number().int().min(0).max(120).default(14),
    /** Part of the patient's name or clinic number. */
    query: z.string().max(100).default(''),
    /** Only courses nobody has reminded since their last session (a failed reminder counts as none). */
    notReminded: z.boolean().default(false),
  })
  .strict();

/** The latest recall reminder of a course, as the reminders queue holds it now. */
export const courseReminderSchema = z.object({
  id: idSchema,
  channel: z.enum(reminderChannels),
  status: z.enum(reminderStatuses),
  /** When it took that status: queued, sent, failed. */
  at: isoDateTime,
});
export type CourseReminder = z.infer<typeof courseReminderSchema>;

export const dueCourseSchema = z.object({
  courseId: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  clinicNumber: z.string(),
  phone: z.string(),
  email: z.string(),
  indication: z.string(),
  intervalDays: z.number().int(),
  logged: z.number().int(),
  planned: z.number().int(),
  /** The last session plus the interval; the course's start before its first session. */
  dueOn: isoDate,
  overdue: z.boolean(),
  /** Reminder channels the patient currently consents to. */
  channels: z.array(z.enum(['email', 'sms'])),
  /** So a reload or another desk still sees who was reminded; null when never. */
  lastReminder: courseReminderSchema.nullable(),
});
export type DueCourse = z.infer<typeof dueCourseSchema>;

export const recallOperations = {
  'recall.due': op({
    input: dueCoursesInput,
    output: z.array(dueCourseSchema),
    access: clinical,
    audit: { action: 'read', objectType: 'course' },
  }),
  'recall.search': op({
    input: recallInput,
    output: recallOutput,
    access: recallers,
    audit: { action: 'read', objectType: 'lot-recall' },
  }),
  'recall.export': op({
    input: recallInput,
    output: recallExportOutput,
    access: recallers,
    audit: { action: 'execute', objectType: 'lot-recall-export' },
  }),
} as const;

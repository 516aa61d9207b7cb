import { z } from 'zod';
import { op } from './operation';
import { admin, clinical } from './roles';
import { emptyInput, idSchema, isoDateTime, text } from './common';
import { isTimeZone } from '../reminders/zoned-time';
import { keyed } from './field-text';

export const reminderKinds = ['confirmation', 'pre-care', 'recall'] as const;
export const reminderChannels = ['email', 'sms'] as const;
export const reminderStatuses = [
  'queued',
  'sent',
  'failed',
  'skipped',
  'handed-off',
  'obsolete',
] as const;

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, keyed('validation.dates.time', 'Enter a time as HH:MM'));

export const smtpSecurity = ['tls', 'starttls', 'none'] as const;

/** The clinic's own mail server; the password is kept in the store and never sent back. */
const smtpFields = {
  host: text(253, 'Server').refine(
    (h) => !/\s/.test(h),
    keyed('validation.reminders.noSpaces', 'A server name has no spaces'),
  ),
  port: z
    .number()
    .int(keyed('validation.reminders.wholeNumber', 'A whole number'))
    .min(1, keyed('validation.reminders.portRange', 'Between 1 and 65535'))
    .max(65535),
  /** tls: encrypted from the start (465); starttls: upgraded, refused if the server cannot (587). */
  security: z.enum(smtpSecurity),
  user: text(200, 'User name'),
  fromAddress: z.union([
    z.literal(''),
    z.email(keyed('validation.reminders.email', 'Enter an e-mail address')),
  ]),
  fromName: text(120, 'Sender name'),
};

const reminderOptions = {
  enabled: z.boolean(),
  timeZone: z
    .string()
    .max(64)
    .refine(
      isTimeZone,
      keyed('validation.reminders.timeZone', 'Choose a time zone such as Europe/Paris'),
    ),
  /** The day-before pre-care reminder leaves at this time of the clinic's day. */
  preCareAt: clock,
  confirmations: z.boolean(),
  preCare: z.boolean(),
};

export const reminderSettingsSchema = z.object({
  smtp: z.object({ ...smtpFields, passwordSet: z.boolean() }),
  ...reminderOptions,
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const reminderSettingsUpdateInput = z
  .object({
    smtp: z
      .object({
        ...smtpFields,
        /** Omitted: the stored password stays; '' removes it. */
        password: z.string().max(200).optional(),
      })
      .strict()
      .optional(),
    enabled: reminderOptions.enabled.optional(),
    timeZone: reminderOptions.timeZone.optional(),
    preCareAt: reminderOptions.preCareAt.optional(),
    confirmations: reminderOptions.confirmations.optional(),
    preCare: reminderOptions.preCare.optional(),
  })
  .strict();

export const reminderSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  clinicNumber: z.string(),
  appointmentId: idSchema.nullable(),
  courseId: idSchema.nullable(),
  kind: z.enum(reminderKinds),
  channel: z.enum(reminderChannels),
  /** The appointment time the message names (wall clock); null for a recall. */
  startsAt: z.string().nullable(),
  status: z.enum(reminderStatuses),
  dueAt: isoDateTime,
  nextAttemptAt: isoDateTime,
  attempts: z.number().int(),
  recipient: z.string().nullable(),
  /** Why it was skipped, or the last delivery error. */
  detail: z.string().nullable(),
  updatedAt: isoDateTime,
});
export type Reminder = z.infer<typeof reminderSchema>;

export const reminderLogInput = z
  .object({
    status: z.enum(reminderStatuses).optional(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();

export const recallReminderInput = z
  .object({ courseId: idSchema, channel: z.enum(reminderChannels) })
  .strict();

export const smsHandOffSchema = z.object({
  /** How many reminders the file hands off; they are marked handed-off. */
  count: z.number().int(),
  fileName: z.string(),
  csv: z.string(),
  json: z.string(),
});

export const remindersOperations = {
  'reminders.settings': op({
    input: emptyInput,
    output: reminderSettingsSchema,
    access: admin,
    audit: null,
  }),
  'reminders.updateSettings': op({
    input: reminderSettingsUpdateInput,
    output: reminderSettingsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'settings' },
  }),
  /** What was sent, skipped, failed or is waiting; newest first. */
  'reminders.log': op({
    input: reminderLogInput,
    output: z.array(reminderSchema),
    access: clinical,
    audit: { action: 'read', objectType: 'reminder' },
  }),
  /** Plans what is due and sends it now, in the background (the queue also runs every minute). */
  'reminders.sendNow': op({
    input: emptyInput,
    output: z.object({ jobId: idSchema }),
    access: clinical,
    audit: { action: 'execute', objectType: 'reminder' },
  }),
  /** A failed reminder is tried again from the start of its backoff. */
  'reminders.retry': op({
    input: z.object({ id: idSchema }).strict(),
    output: reminderSchema,
    access: clinical,
    audit: { action: 'update', objectType: 'reminder' },
  }),
  /** A course due or overdue: a reminder on a channel the patient consented to. */
  'reminders.recall': op({
    input: recallReminderInput,
    output: reminderSchema,
    access: clinical,
    audit: { action: 'create', objectType: 'reminder' },
  }),
  /** SMS due now as a file for the clinic's own SMS provider; they are marked handed off. */
  'reminders.exportSms': op({
    input: emptyInput,
    output: smsHandOffSchema,
    access: clinical,
    audit: { action: 'execute', objectType: 'reminder' },
  }),
} as const;

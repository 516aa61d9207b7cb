import { op } from './operation';
import { admin, clinical } from './roles';
import { z } from 'zod';
import { emptyInput, idSchema, isoDate, isoDateTime, requiredText, text } from './common';
import { isLocalDateTime } from '../appointments/diary-time';
import { appointmentStatuses } from '../appointments/diary-rules';
import { keyed } from './field-text';

export { appointmentStatuses };

/** The clinic's wall clock, 'YYYY-MM-DDTHH:MM' (see shared/appointments/diary-time.ts). */
export const localDateTime = z
  .string()
  .refine(
    isLocalDateTime,
    keyed('validation.appointments.localDateTime', 'Enter a date and time (YYYY-MM-DDTHH:MM)'),
  );

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, keyed('validation.dates.time', 'Enter a time as HH:MM'));
const slug = z
  .string()
  .min(1)
  .max(40)
  .regex(
    /^[a-z0-9-]+$/,
    keyed('validation.appointments.slug', 'Use lower-case letters, digits and dashes'),
  );

export const dayHoursSchema = z
  .object({
    open: clock,
    close: clock,
    breaks: z.array(z.object({ start: clock, end: clock }).strict()).max(4),
  })
  .strict()
  .refine((d) => d.open < d.close, {
    ...keyed('validation.appointments.openBeforeClose', 'Opening must be before closing'),
    path: ['close'],
  })
  .refine((d) => d.breaks.every((b) => b.start < b.end), {
    ...keyed('validation.appointments.breakEnds', 'A break must end after it starts'),
    path: ['breaks'],
  });

export const roomSchema = z.object({ id: slug, name: requiredText(60, 'Room name') }).strict();
export const treatmentTypeSchema = z
  .object({
    id: slug,
    name: requiredText(80, 'Treatment type'),
    durationMinutes: z
      .number()
      .int(keyed('validation.numbers.wholeMinutes', 'Whole minutes only'))
      .min(5, keyed('validation.appointments.duration', 'Between 5 and 480 minutes'))
      .max(480, keyed('validation.appointments.duration', 'Between 5 and 480 minutes')),
  })
  .strict();

const uniqueIds = (items: readonly { id: string }[]) =>
  new Set(items.map((i) => i.id)).size === items.length;

export const appointmentSettingsSchema = z.object({
  rooms: z
    .array(roomSchema)
    .min(1, keyed('validation.appointments.keepRoom', 'Keep at least one room'))
    .max(30)
    .refine(uniqueIds, keyed('validation.lists.eachRoom', 'Each room once')),
  treatmentTypes: z
    .array(treatmentTypeSchema)
    .min(1, keyed('validation.appointments.keepTreatmentType', 'Keep at least one treatment type'))
    .max(50)
    .refine(uniqueIds, keyed('validation.lists.eachTreatmentType', 'Each treatment type once')),
  /** Monday first; null is a closed day. */
  week: z.array(dayHoursSchema.nullable()).length(7),
});
export type AppointmentSettings = z.infer<typeof appointmentSettingsSchema>;

export const appointmentSettingsUpdateInput = appointmentSettingsSchema.partial().strict();

export const appointmentSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  clinicNumber: z.string(),
  practitionerId: idSchema,
  practitionerName: z.string(),
  roomId: z.string(),
  treatmentTypeId: z.string(),
  startsAt: localDateTime,
  endsAt: localDateTime,
  status: z.enum(appointmentStatuses),
  /** Why it was cancelled or missed; null otherwise. */
  statusReason: z.string().nullable(),
  courseId: idSchema.nullable(),
  notes: z.string(),
  /** Why it was booked outside opening hours; null when it fits them. */
  hoursOverrideReason: z.string().nullable(),
  updatedAt: isoDateTime,
});
export type Appointment = z.infer<typeof appointmentSchema>;

const hoursOverride = z
  .object({ reason: requiredText(300, 'Reason for booking outside opening hours') })
  .strict()
  .nullable()
  .default(null);

export const appointmentBookInput = z
  .object({
    patientId: idSchema,
    practitionerId: idSchema,
    roomId: slug,
    treatmentTypeId: slug,
    startsAt: localDateTime,
    /** Omitted: the treatment type's duration. */
    endsAt: localDateTime.optional(),
    courseId: idSchema.nullable().default(null),
    notes: text(1000, 'Notes').default(''),
    /** Explicitly booking outside opening hours, with the reason kept on the appointment. */
    hoursOverride,
  })
  .strict();

export const appointmentMoveInput = z
  .object({
    id: idSchema,
    startsAt: localDateTime,
    endsAt: localDateTime.optional(),
    practitionerId: idSchema.optional(),
    roomId: slug.optional(),
    hoursOverride,
  })
  .strict();

export const appointmentStatusInput = z
  .object({
    id: idSchema,
    status: z.enum(appointmentStatuses),
    reason: text(300, 'Reason').default(''),
  })
  .strict();

export const appointmentListInput = z
  .object({
    from: isoDate,
    /** Inclusive. */
    to: isoDate,
    practitionerId: idSchema.optional(),
    roomId: slug.optional(),
  })
  .strict()
  .refine((i) => i.from <= i.to, {
    ...keyed('validation.appointments.rangeEnds', 'The range ends before it starts'),
    path: ['to'],
  });

/** What a patient still needs before treatment, for the front desk's list of arrivals. */
export const todayEntrySchema = z.object({
  appointment: appointmentSchema,
  /** No history yet, or none taken today: the intake on the tablet comes first. */
  history: z.enum(['missing', 'to-update', 'current']),
  /** The consent for the course's procedure kind (skin rejuvenation without a course). */
  consent: z.enum(['valid', 'needs-attention', 'awaiting-practitioner', 'none']),
  /** Where the visit falls in its course: sessions logged and planned; null without a course. */
  course: z.object({ logged: z.number().int(), planned: z.number().int() }).nullable(),
  /** The patient's session of the day still in draft: the practitioner goes back to it. */
  sessionId: idSchema.nullable(),
});
export type TodayEntry = z.infer<typeof todayEntrySchema>;

export const proposeCourseInput = z
  .object({
    courseId: idSchema,
    practitionerId: idSchema,
    treatmentTypeId: slug,
    /** The first remaining session's day; omitted: the interval after the last session or booking. */
    firstOn: isoDate.optional(),
    /** The preferred time of day; omitted: the earliest free time. */
    time: clock.optional(),
  })
  .strict();

export const courseSlotSchema = z.object({
  number: z.number().int(),
  /** The day the interval asks for; `startsAt` may differ when that day is full or closed. */
  dueOn: isoDate,
  startsAt: localDateTime,
  endsAt: localDateTime,
  roomId: z.string(),
});
export type CourseSlot = z.infer<typeof courseSlotSchema>;

export const proposeCourseOutput = z.object({
  remaining: z.number().int(),
  slots: z.array(courseSlotSchema),
  /** Sessions for which no free time was found near the due day; the user places them. */
  unplaced: z.array(z.object({ number: z.number().int(), dueOn: isoDate })),
});
export type CourseProposal = z.infer<typeof proposeCourseOutput>;

export const bookCourseInput = z
  .object({
    courseId: idSchema,
    practitionerId: idSchema,
    treatmentTypeId: slug,
    slots: z
      .array(
        z
          .object({ startsAt: localDateTime, endsAt: localDateTime, roomId: slug, hoursOverride })
          .strict(),
      )
      .min(1, keyed('validation.appointments.chooseSession', 'Choose at least one session'))
      .max(20),
  })
  .strict();

export const practitionerSchema = z.object({ id: idSchema, displayName: z.string() });

export const appointmentsOperations = {
  'appointments.settings': op({
    input: emptyInput,
    output: appointmentSettingsSchema,
    access: 'signed-in',
    audit: null,
  }),
  'appointments.updateSettings': op({
    input: appointmentSettingsUpdateInput,
    output: appointmentSettingsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'settings' },
  }),
  /** Who can be booked: active practitioners (reception cannot list staff). */
  'appointments.practitioners': op({
    input: emptyInput,
    output: z.array(practitionerSchema),
    access: clinical,
    audit: null,
  }),
  'appointments.list': op({
    input: appointmentListInput,
    output: z.array(appointmentSchema),
    access: clinical,
    audit: { action: 'read', objectType: 'appointment' },
  }),
  'appointments.book': op({
    input: appointmentBookInput,
    output: appointmentSchema,
    access: clinical,
    audit: { action: 'create', objectType: 'appointment' },
  }),
  'appointments.move': op({
    input: appointmentMoveInput,
    output: appointmentSchema,
    access: clinical,
    audit: { action: 'update', objectType: 'appointment' },
  }),
  'appointments.setStatus': op({
    input: appointmentStatusInput,
    output: appointmentSchema,
    access: clinical,
    audit: { action: 'update', objectType: 'appointment' },
  }),
  'appointments.today': op({
    input: emptyInput,
    output: z.array(todayEntrySchema),
    access: clinical,
    audit: { action: 'read', objectType: 'appointment' },
  }),
  'appointments.proposeCourse': op({
    input: proposeCourseInput,
    output: proposeCourseOutput,
    access: clinical,
    audit: { action: 'read', objectType: 'course' },
  }),
  /** Every remaining session of a course at once: all are booked or none is. */
  'appointments.bookCourse': op({
    input: bookCourseInput,
    output: z.array(appointmentSchema),
    access: clinical,
    audit: { action: 'create', objectType: 'appointment' },
  }),
} as const;

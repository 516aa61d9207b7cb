import type { Selectable } from 'kysely';
import type { Queryable } from '../store/db';
import type { ReminderRow } from '../store/schema';
import type { ScreeningSettings } from '../../../shared/screening';
import {
  catalogues,
  fill,
  reminderLanguage,
  type ReminderCatalogue,
} from '../../../shared/reminders/catalogue';
import { dateOf, minutesBetween, timeOf } from '../../../shared/appointments/diary-time';
import { courseProgress } from '../../../shared/courses/course-rules';
import { readSettings } from '../clinic/clinic-settings';
import { readScreeningSettings } from '../screening/settings';
import { readDiarySettings } from '../appointments/diary-settings';
import { courseSessions, requireCourse } from '../courses/courses';
import { calendarInvite } from './calendar-invite';
import { formatDuration } from '../../../shared/documents/format-duration';
import type { StoredReminderSettings } from './reminder-settings';

export interface ComposedMessage {
  subject: string;
  text: string;
  /** The iCalendar file for an appointment; none for a recall. */
  ics: string | null;
}

/** The day-before instructions: the clinic's own periods, and always the prescribed-medicine line. */
export function preCareLines(
  c: ReminderCatalogue,
  s: ScreeningSettings,
  language: string = 'en',
): string[] {
  const lines: string[] = [];
  if (s.alcoholHoursBefore > 0)
    lines.push(fill(c.preCare.alcohol, periodValues('hours', s.alcoholHoursBefore, language)));
  const painkillerDays = Math.max(s.holdDays.aspirin, s.holdDays.nsaid);
  if (painkillerDays > 0) {
    lines.push(
      fill(c.preCare.selfMedicatedPainkillers, periodValues('days', painkillerDays, language)),
    );
  }
  if (s.holdDays.supplement > 0) {
    lines.push(fill(c.preCare.supplements, periodValues('days', s.holdDays.supplement, language)));
  }
  lines.push(c.preCare.prescribed);
  return lines;
}

/**
 * A period as a number ({{days}}) and as words agreeing with it ({{daysText}}: "7 days",
 * "14 يومًا"), for languages whose nouns change with the number.
 */
function periodValues(
  unit: 'hours' | 'days',
  n: number,
  language: string,
): Record<string, string | number> {
  return { [unit]: n, [`${unit}Text`]: formatDuration({ min: n, max: null, unit }, language) };
}

const longDate = (date: string, language: string) =>
  new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

/** One reminder's e-mail or SMS text, in the patient's language, from what the store says now. */
export async function composeReminder(
  db: Queryable,
  row: Selectable<ReminderRow>,
  config: StoredReminderSettings,
  now: Date,
): Promise<ComposedMessage> {
  const patient = await db
    .selectFrom('patient')
    .select(['given_name', 'family_name', 'preferred_language'])
    .where('id', '=', row.patient_id)
    .executeTakeFirstOrThrow();
  const clinic = (await readSettings(db))?.clinic;
  const language = reminderLanguage(patient.preferred_language);
  const c = catalogues[language];
  const common = {
    name: `${patient.given_name} ${patient.family_name}`,
    clinic: clinic?.name ?? '',
    phone: clinic?.phone ?? '',
    address: clinic?.address ?? '',
  };
  const signature = fill(c.signature, common);
  if (row.kind === 'recall') {
    const course = await requireCourse(db, row.course_id ?? '');
    const sessions = await courseSessions(db, course);
    const progress = courseProgress(
      sessions.map((s) => ({ performedOn: s.performedOn, signed: s.status === 'signed' })),
      course.planned_sessions,
      course.interval_days,
      dateOf(row.due_at),
    );
    const date = longDate(progress.nextDueOn ?? course.started_on, language);
    const values = { ...common, date };
    return row.channel === 'sms'
      ? { subject: '', text: fill(c.sms.recall, values), ics: null }
      : {
          subject: fill(c.recall.subject, values),
          text: `${fill(c.recall.body, values)}\n\n${signature}`,
          ics: null,
        };
  }
  const appointment = await db
    .selectFrom('appointment')
    .select(['id', 'starts_at', 'ends_at', 'treatment_type'])
    .where('id', '=', row.appointment_id ?? '')
    .executeTakeFirstOrThrow();
  const diary = await readDiarySettings(db);
  const type =
    diary.treatmentTypes.find((t) => t.id === appointment.treatment_type)?.name ??
    appointment.treatment_type;
  const values = {
    ...common,
    date: longDate(dateOf(appointment.starts_at), language),
    time: timeOf(appointment.starts_at),
    type,
    duration: minutesBetween(appointment.starts_at, appointment.ends_at),
  };
  if (row.kind === 'pre-care') {
    const screening = await readScreeningSettings(db);
    if (row.channel === 'sms') {
      return {
        subject: '',
        text: fill(c.sms.preCare, {
          ...values,
          ...periodValues('hours', screening.alcoholHoursBefore, language),
        }),
        ics: null,
      };
    }
    const instructions = preCareLines(c, screening, language)
      .map((l) => `- ${l}`)
      .join('\n');
    return {
      subject: fill(c.preCare.subject, values),
      text: `${fill(c.preCare.body, { ...values, instructions })}\n\n${signature}`,
      ics: null,
    };
  }
  if (row.channel === 'sms')
    return { subject: '', text: fill(c.sms.confirmation, values), ics: null };
  const ics = calendarInvite({
    // One calendar entry per appointment: a moved appointment's new file replaces the old entry.
    uid: `${appointment.id}@mesochart`,
    zone: config.timeZone,
    startsAt: appointment.starts_at,
    endsAt: appointment.ends_at,
    summary: fill(c.calendar.summary, values),
    description: fill(c.calendar.description, values),
    location: [clinic?.name, clinic?.address].filter(Boolean).join(', '),
    organizer:
      config.smtp.fromAddress !== ''
        ? { name: config.smtp.fromName || (clinic?.name ?? ''), email: config.smtp.fromAddress }
        : null,
    now,
  });
  return {
    subject: fill(c.confirmation.subject, values),
    text: `${fill(c.confirmation.body, values)}\n\n${signature}`,
    ics,
  };
}

import type { z } from 'zod';
import type { Queryable } from '../store/db';
import type { CourseReminder, DueCourse, dueCoursesInput } from '../../../shared/api/recall';
import { addDays, courseProgress, toleranceDays } from '../../../shared/courses/course-rules';
import { foldText } from '../../../shared/patients/search-text';
import { consentedChannels } from '../reminders/reminder-queue';

/**
 * Active courses with sessions left whose next one falls within the window (or is overdue) and
 * that have no open booking: the patients to call back. A course not yet started is due from
 * the day it was planned.
 */
export async function dueCourses(
  db: Queryable,
  input: z.output<typeof dueCoursesInput>,
  today: string,
): Promise<DueCourse[]> {
  const courses = await db
    .selectFrom('treatment_course as c')
    .innerJoin('patient as p', 'p.id', 'c.patient_id')
    // Each course's latest recall reminder, read with the courses in one grouped join (the
    // reminder table has no course index; one pass over it beats a look-up per course).
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('reminder')
          .select((s) => ['course_id', s.fn.max('seq').as('last_seq')])
          .where('kind', '=', 'recall')
          .where('course_id', 'is not', null)
          .groupBy('course_id')
          .as('lr'),
      (join) => join.onRef('lr.course_id', '=', 'c.id'),
    )
    .leftJoin('reminder as r', 'r.seq', 'lr.last_seq')
    .select([
      'r.id as reminder_id',
      'r.channel as reminder_channel',
      'r.status as reminder_status',
      'r.created_at as reminder_created_at',
      'r.updated_at as reminder_at',
      'c.id',
      'c.patient_id',
      'c.indication',
      'c.planned_sessions',
      'c.interval_days',
      'c.started_on',
      'p.given_name',
      'p.family_name',
      'p.clinic_number',
      'p.phone',
      'p.email',
    ])
    .where('c.status', '=', 'active')
    .where('p.archived', '=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('appointment as a')
            .select('a.id')
            .whereRef('a.course_id', '=', 'c.id')
            .where('a.status', 'in', ['booked', 'arrived', 'in-treatment']),
        ),
      ),
    )
    .execute();
  if (courses.length === 0) return [];
  const sessions = await db
    .selectFrom('treatment_session')
    .select(['course_id', 'performed_on', 'status'])
    .where(
      'course_id',
      'in',
      courses.map((c) => c.id),
    )
    .where('status', '<>', 'abandoned')
    .execute();
  const byCourse = new Map<string, { performedOn: string; signed: boolean }[]>();
  for (const s of sessions) {
    const list = byCourse.get(s.course_id ?? '') ?? [];
    list.push({ performedOn: s.performed_on, signed: s.status === 'signed' });
    byCourse.set(s.course_id ?? '', list);
  }
  const horizon = addDays(today, input.withinDays);
  const needle = foldText(input.query.trim());
  const rows = courses
    .map((c) => {
      const progress = courseProgress(
        byCourse.get(c.id) ?? [],
        c.planned_sessions,
        c.interval_days,
        today,
      );
      const dueOn = progress.nextDueOn ?? (progress.logged === 0 ? c.started_on : null);
      return { c, progress, dueOn, reminded: remindedThisRound(c, byCourse.get(c.id) ?? []) };
    })
    .filter((r): r is typeof r & { dueOn: string } => r.dueOn !== null)
    .filter((r) => !input.notReminded || !r.reminded)
    .map(({ c, progress, dueOn }) => ({
      c,
      progress,
      dueOn,
      overdue: dueOn < addDays(today, -toleranceDays(c.interval_days)),
    }))
    .filter((r) => (input.show === 'overdue' ? r.overdue : r.dueOn <= horizon))
    .filter(
      (r) =>
        needle === '' ||
        foldText(`${r.c.given_name} ${r.c.family_name} ${r.c.clinic_number}`).includes(needle),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const consents = await consentedChannels(
    db,
    rows.map((r) => r.c.patient_id),
  );
  return rows.map(({ c, progress, dueOn, overdue }) => ({
    courseId: c.id,
    patientId: c.patient_id,
    patientName: `${c.given_name} ${c.family_name}`,
    clinicNumber: c.clinic_number,
    phone: c.phone,
    email: c.email,
    indication: c.indication,
    intervalDays: c.interval_days,
    logged: progress.logged,
    planned: progress.planned,
    dueOn,
    overdue,
    channels: [...(consents.get(c.patient_id) ?? [])].sort(),
    lastReminder:
      c.reminder_id && c.reminder_channel && c.reminder_status && c.reminder_at
        ? {
            id: c.reminder_id,
            channel: c.reminder_channel as CourseReminder['channel'],
            status: c.reminder_status as CourseReminder['status'],
            at: c.reminder_at,
          }
        : null,
  }));
}

/** A reminder that is on its way or went counts; failed, skipped or replaced ones do not. */
const REACHING = new Set(['queued', 'sent', 'handed-off']);

/**
 * Whether the course's latest reminder was for the session now due: one made before the last
 * session was logged called the patient to that session, not the next one.
 */
export function remindedThisRound(
  c: { reminder_status: string | null; reminder_created_at: string | null },
  sessions: readonly { performedOn: string }[],
): boolean {
  if (!c.reminder_status || !c.reminder_created_at || !REACHING.has(c.reminder_status)) {
    return false;
  }
  const last = sessions.reduce<string | null>(
    (max, s) => (max === null || s.performedOn > max ? s.performedOn : max),
    null,
  );
  return last === null || c.reminder_created_at.slice(0, 10) >= last;
}

import type { z } from 'zod';
import type { Queryable } from '../store/db';
import type { DueCourse, dueCoursesInput } from '../../../shared/api/recall';
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
    .select([
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
      return { c, progress, dueOn };
    })
    .filter((r): r is typeof r & { dueOn: string } => r.dueOn !== null)
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
  }));
}

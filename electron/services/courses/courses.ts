import { randomUUID } from 'node:crypto';
import type { Queryable } from '../store/db';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { TreatmentCourseRow } from '../store/schema';
import type {
  Course,
  FollowUp,
  Protocol,
  courseCreateInput,
  courseStatusInput,
  followUpRecordInput,
} from '../../../shared/api/courses';
import type { Indication, TreatmentArea } from '../../../shared/sessions/treatment-terms';
import { courseProgress, timingOf, type Timing } from '../../../shared/courses/course-rules';
import { AppError } from '../core/errors';

export async function requireCourse(db: Queryable, id: string) {
  const row = await db
    .selectFrom('treatment_course')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { key: 'errors.courses.notFound' });
  return row;
}

export function courseProtocol(row: Selectable<TreatmentCourseRow>): Protocol {
  return JSON.parse(row.protocol) as Protocol;
}

/** The course's live sessions in order, each numbered and timed against the one before. */
export async function courseSessions(db: Queryable, course: Selectable<TreatmentCourseRow>) {
  const rows = await db
    .selectFrom('treatment_session')
    .select(['id', 'performed_on', 'status'])
    .where('course_id', '=', course.id)
    .where('status', '<>', 'abandoned')
    .orderBy('performed_on')
    .orderBy('seq')
    .execute();
  return rows.map((row, i) => ({
    id: row.id,
    number: i + 1,
    performedOn: row.performed_on,
    status: row.status as 'draft' | 'signed',
    timing: timingOf(rows[i - 1]?.performed_on ?? null, row.performed_on, course.interval_days),
  }));
}

export async function sessionPlaceInCourse(
  db: Queryable,
  courseId: string,
  sessionId: string,
): Promise<{ number: number; planned: number; timing: Timing } | null> {
  const course = await requireCourse(db, courseId);
  const session = (await courseSessions(db, course)).find((s) => s.id === sessionId);
  if (!session) return null;
  return { number: session.number, planned: course.planned_sessions, timing: session.timing };
}

async function followUps(db: Queryable, courseId: string): Promise<FollowUp[]> {
  const rows = await db
    .selectFrom('course_follow_up')
    .innerJoin('staff_user', 'staff_user.id', 'course_follow_up.recorded_by')
    .selectAll('course_follow_up')
    .select('staff_user.display_name')
    .where('course_id', '=', courseId)
    .orderBy('course_follow_up.seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    courseId: r.course_id,
    assessedOn: r.assessed_on,
    gais: r.gais,
    satisfaction: r.satisfaction,
    notes: r.notes,
    recordedBy: r.display_name,
    recordedAt: r.recorded_at,
  }));
}

/** Open bookings of the course, timed after the last session and then after each other. */
async function courseBookings(
  db: Queryable,
  course: Selectable<TreatmentCourseRow>,
  lastSessionOn: string | null,
): Promise<Course['bookings']> {
  const rows = await db
    .selectFrom('appointment')
    .select(['id', 'starts_at'])
    .where('course_id', '=', course.id)
    .where('status', 'in', ['booked', 'arrived', 'in-treatment'])
    .orderBy('starts_at')
    .execute();
  let previous = lastSessionOn;
  return rows.map((row) => {
    const day = row.starts_at.slice(0, 10);
    // A visit on the day of the last session is that session's own booking, not the next one.
    const timing = previous === day ? 'on-time' : timingOf(previous, day, course.interval_days);
    previous = day;
    return { appointmentId: row.id, startsAt: row.starts_at, timing };
  });
}

async function toCourse(
  db: Queryable,
  row: Selectable<TreatmentCourseRow>,
  today: string,
): Promise<Course> {
  const creator = await db
    .selectFrom('staff_user')
    .select('display_name')
    .where('id', '=', row.created_by)
    .executeTakeFirst();
  const sessions = await courseSessions(db, row);
  return {
    id: row.id,
    patientId: row.patient_id,
    indication: row.indication as Indication,
    indicationNote: row.indication_note,
    areas: JSON.parse(row.areas) as TreatmentArea[],
    plannedSessions: row.planned_sessions,
    intervalDays: row.interval_days,
    protocol: courseProtocol(row),
    status: row.status as Course['status'],
    startedOn: row.started_on,
    createdBy: creator?.display_name ?? '',
    createdAt: row.created_at,
    progress: courseProgress(
      sessions.map((s) => ({ performedOn: s.performedOn, signed: s.status === 'signed' })),
      row.planned_sessions,
      row.interval_days,
      today,
    ),
    sessions,
    bookings: await courseBookings(db, row, sessions.at(-1)?.performedOn ?? null),
    followUps: await followUps(db, row.id),
  };
}

export async function listCourses(db: Queryable, patientId: string, today: string) {
  const rows = await db
    .selectFrom('treatment_course')
    .selectAll()
    .where('patient_id', '=', patientId)
    .orderBy('seq', 'desc')
    .execute();
  return Promise.all(rows.map((row) => toCourse(db, row, today)));
}

export async function getCourse(db: Queryable, id: string, today: string) {
  return toCourse(db, await requireCourse(db, id), today);
}

async function requireCatalogueProducts(db: Queryable, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await db.selectFrom('product').select('id').where('id', 'in', ids).execute();
  const known = new Set(found.map((r) => r.id));
  ids.forEach((id, i) => {
    if (!known.has(id)) {
      throw new AppError(
        'NOT_FOUND',
        { key: 'errors.courses.protocolProduct' },
        { fields: { [`protocol.productIds.${i}`]: { key: 'errors.products.notFound' } } },
      );
    }
  });
}

export async function createCourse(
  db: Queryable,
  input: z.output<typeof courseCreateInput>,
  actorId: string,
  now: Date,
  today: string,
): Promise<Course> {
  await requireCatalogueProducts(db, input.protocol.productIds);
  const id = randomUUID();
  const at = now.toISOString();
  await db
    .insertInto('treatment_course')
    .values({
      id,
      patient_id: input.patientId,
      indication: input.indication,
      indication_note: input.indicationNote.trim(),
      areas: JSON.stringify(input.areas),
      planned_sessions: input.plannedSessions,
      interval_days: input.intervalDays,
      protocol: JSON.stringify({
        ...input.protocol,
        productIds: [...new Set(input.protocol.productIds)],
      }),
      status: 'active',
      started_on: today,
      created_by: actorId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return getCourse(db, id, today);
}

export async function setCourseStatus(
  db: Queryable,
  input: z.output<typeof courseStatusInput>,
  now: Date,
  today: string,
): Promise<Course> {
  const row = await requireCourse(db, input.id);
  if (row.status !== 'active') {
    throw new AppError('CONFLICT', { key: 'errors.courses.alreadyClosed' });
  }
  await db
    .updateTable('treatment_course')
    .set({ status: input.status, updated_at: now.toISOString() })
    .where('id', '=', input.id)
    .execute();
  return getCourse(db, input.id, today);
}

export async function recordFollowUp(
  db: Queryable,
  input: z.output<typeof followUpRecordInput>,
  actorId: string,
  now: Date,
  today: string,
): Promise<FollowUp> {
  const course = await requireCourse(db, input.courseId);
  const sessions = await courseSessions(db, course);
  const signedBefore = sessions.some((s) => s.status === 'signed' && s.performedOn < today);
  // The rating compares with how the patient looked before: it needs a treated, later visit.
  if (!signedBefore) {
    throw new AppError('CONFLICT', { key: 'errors.courses.followUpAfterSigned' });
  }
  const id = randomUUID();
  await db
    .insertInto('course_follow_up')
    .values({
      id,
      course_id: course.id,
      patient_id: course.patient_id,
      assessed_on: today,
      gais: input.gais,
      satisfaction: input.satisfaction,
      notes: input.notes.trim(),
      recorded_by: actorId,
      recorded_at: now.toISOString(),
    })
    .execute();
  const saved = (await followUps(db, course.id)).find((f) => f.id === id);
  if (!saved) throw new AppError('INTERNAL', { key: 'errors.courses.followUpUnreadable' });
  return saved;
}

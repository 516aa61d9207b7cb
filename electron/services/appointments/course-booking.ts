import type { z } from 'zod';
import type { Queryable } from '../store/db';
import type {
  Appointment,
  AppointmentSettings,
  CourseProposal,
  CourseSlot,
  bookCourseInput,
  proposeCourseInput,
} from '../../../shared/api/appointments';
import { findConflicts, outsideHours, type Booked } from '../../../shared/appointments/diary-rules';
import {
  addDaysToDate,
  addMinutes,
  at,
  clockMinutes,
  clockTime,
  dateOf,
  weekdayIndex,
} from '../../../shared/appointments/diary-time';
import { toleranceDays } from '../../../shared/courses/course-rules';
import { courseSessions, requireCourse } from '../courses/courses';
import { AppError } from '../core/errors';
import {
  assertBookable,
  getAppointment,
  insertAppointment,
  listPractitioners,
  requireCourseOfPatient,
} from './appointments';

/** Proposals step through the day in quarter hours, the diary's grid. */
const STEP_MINUTES = 15;

async function requireActiveCourse(db: Queryable, courseId: string) {
  const course = await requireCourse(db, courseId);
  return requireCourseOfPatient(db, course.id, course.patient_id);
}

/** The course's sessions still to book: planned, less those logged and those already booked. */
async function courseState(db: Queryable, courseId: string) {
  const course = await requireActiveCourse(db, courseId);
  const sessions = await courseSessions(db, course);
  const open = await db
    .selectFrom('appointment')
    .select('starts_at')
    .where('course_id', '=', course.id)
    .where('status', 'in', ['booked', 'arrived', 'in-treatment'])
    .orderBy('starts_at')
    .execute();
  const logged = sessions.length;
  const lastDay = [...sessions.map((s) => s.performedOn), ...open.map((o) => dateOf(o.starts_at))]
    .sort()
    .at(-1);
  return {
    course,
    nextNumber: logged + open.length + 1,
    remaining: Math.max(0, course.planned_sessions - logged - open.length),
    lastDay: lastDay ?? null,
  };
}

async function occupyingOn(db: Queryable, day: string): Promise<Booked[]> {
  const rows = await db
    .selectFrom('appointment')
    .select(['id', 'patient_id', 'practitioner_id', 'room_id', 'starts_at', 'ends_at'])
    .where('status', 'not in', ['cancelled', 'no-show'])
    .where('starts_at', '<', `${addDaysToDate(day, 1)}T00:00`)
    .where('ends_at', '>', `${day}T00:00`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    practitionerId: r.practitioner_id,
    roomId: r.room_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
  }));
}

/** The first free time on `day` (from `time` if given) with the practitioner and some room free. */
function firstFree(
  day: string,
  booked: readonly Booked[],
  settings: AppointmentSettings,
  who: { patientId: string; practitionerId: string },
  minutes: number,
  time: string | undefined,
): { startsAt: string; endsAt: string; roomId: string } | null {
  const hours = settings.week[weekdayIndex(day)];
  if (!hours) return null;
  const from = Math.max(clockMinutes(hours.open), time ? clockMinutes(time) : 0);
  for (let m = from; m + minutes <= clockMinutes(hours.close); m += STEP_MINUTES) {
    const startsAt = at(day, clockTime(m));
    const endsAt = addMinutes(startsAt, minutes);
    if (outsideHours(settings.week, { startsAt, endsAt })) continue;
    for (const room of settings.rooms) {
      const candidate = { ...who, roomId: room.id, startsAt, endsAt };
      if (findConflicts(candidate, booked).length === 0) return candidate;
    }
  }
  return null;
}

/**
 * Each remaining session at the protocol's interval after the one before it, on the due day or
 * as near as the course's tolerance allows (later first: early sessions matter more clinically),
 * at the first time the practitioner and a room are free. Nothing is written.
 */
export async function proposeCourse(
  db: Queryable,
  input: z.output<typeof proposeCourseInput>,
  settings: AppointmentSettings,
  today: string,
): Promise<CourseProposal> {
  const state = await courseState(db, input.courseId);
  if (!(await listPractitioners(db)).some((p) => p.id === input.practitionerId)) {
    const text = { key: 'errors.staff.chooseActivePractitioner' } as const;
    throw new AppError('NOT_FOUND', text, { fields: { practitionerId: text } });
  }
  const type = settings.treatmentTypes.find((t) => t.id === input.treatmentTypeId);
  if (!type) {
    const text = { key: 'errors.appointments.treatmentTypeUnknown' } as const;
    throw new AppError('NOT_FOUND', text, { fields: { treatmentTypeId: text } });
  }
  const interval = state.course.interval_days;
  const tolerance = toleranceDays(interval);
  const offsets = [0];
  for (let i = 1; i <= tolerance; i++) offsets.push(i, -i);
  const slots: CourseSlot[] = [];
  const unplaced: CourseProposal['unplaced'] = [];
  const proposed: Booked[] = [];
  let due =
    input.firstOn ??
    (state.lastDay ? addDaysToDate(state.lastDay, interval) : addDaysToDate(today, 1));
  for (let i = 0; i < state.remaining; i++) {
    const number = state.nextNumber + i;
    let placed: CourseSlot | null = null;
    for (const offset of offsets) {
      const day = addDaysToDate(due, offset);
      if (day <= today) continue;
      const booked = [...(await occupyingOn(db, day)), ...proposed];
      const who = { patientId: state.course.patient_id, practitionerId: input.practitionerId };
      const free = firstFree(day, booked, settings, who, type.durationMinutes, input.time);
      if (free) {
        placed = { number, dueOn: due, ...free };
        break;
      }
    }
    if (placed) {
      slots.push(placed);
      proposed.push({
        id: `proposal-${number}`,
        patientId: state.course.patient_id,
        practitionerId: input.practitionerId,
        ...placed,
      });
      due = addDaysToDate(dateOf(placed.startsAt), interval);
    } else {
      unplaced.push({ number, dueOn: due });
      due = addDaysToDate(due, interval);
    }
  }
  return { remaining: state.remaining, slots, unplaced };
}

/**
 * Books the chosen slots one after another inside the operation's one transaction, so each is
 * checked against the ones before it and any refusal leaves none of them booked.
 */
export async function bookCourse(
  db: Queryable,
  input: z.output<typeof bookCourseInput>,
  settings: AppointmentSettings,
  actorId: string,
  now: Date,
): Promise<Appointment[]> {
  const state = await courseState(db, input.courseId);
  if (input.slots.length > state.remaining) {
    const text = {
      key: 'errors.appointments.sessionsLeft',
      params: { count: state.remaining },
    } as const;
    throw new AppError('CONFLICT', text, { fields: { slots: text } });
  }
  const ids: string[] = [];
  for (const [i, slot] of input.slots.entries()) {
    const candidate = {
      ...slot,
      patientId: state.course.patient_id,
      practitionerId: input.practitionerId,
      treatmentTypeId: input.treatmentTypeId,
    };
    await assertBookable(db, candidate, settings, { prefix: `slots.${i}.` });
    ids.push(
      await insertAppointment(
        db,
        { ...candidate, courseId: state.course.id, notes: '' },
        actorId,
        now,
      ),
    );
  }
  return Promise.all(ids.map((id) => getAppointment(db, id)));
}

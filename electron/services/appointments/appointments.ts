import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Queryable } from '../store/db';
import type {
  Appointment,
  AppointmentSettings,
  appointmentBookInput,
  appointmentListInput,
  appointmentMoveInput,
  appointmentStatusInput,
} from '../../../shared/api/appointments';
import {
  findConflicts,
  mayMoveTo,
  needsReason,
  outsideHours,
  type AppointmentStatus,
  type Booked,
  type ConflictHit,
} from '../../../shared/appointments/diary-rules';
import {
  addDaysToDate,
  addMinutes,
  dateOf,
  minutesBetween,
  timeOf,
} from '../../../shared/appointments/diary-time';
import { AppError, type Refusal } from '../core/errors';

function baseQuery(db: Queryable) {
  return db
    .selectFrom('appointment')
    .innerJoin('patient', 'patient.id', 'appointment.patient_id')
    .innerJoin('staff_user', 'staff_user.id', 'appointment.practitioner_id')
    .selectAll('appointment')
    .select([
      'patient.given_name',
      'patient.family_name',
      'patient.clinic_number',
      'staff_user.display_name',
    ]);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toAppointment(row: JoinedRow): Appointment {
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: `${row.given_name} ${row.family_name}`,
    clinicNumber: row.clinic_number,
    practitionerId: row.practitioner_id,
    practitionerName: row.display_name,
    roomId: row.room_id,
    treatmentTypeId: row.treatment_type,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status as AppointmentStatus,
    statusReason: row.status_reason,
    courseId: row.course_id,
    notes: row.notes,
    hoursOverrideReason: row.hours_override_reason,
    updatedAt: row.updated_at,
  };
}

export async function listAppointments(
  db: Queryable,
  input: z.output<typeof appointmentListInput>,
): Promise<Appointment[]> {
  let query = baseQuery(db)
    .where('appointment.starts_at', '>=', `${input.from}T00:00`)
    .where('appointment.starts_at', '<', `${addDaysToDate(input.to, 1)}T00:00`);
  if (input.practitionerId) query = query.where('practitioner_id', '=', input.practitionerId);
  if (input.roomId) query = query.where('room_id', '=', input.roomId);
  const rows = await query.orderBy('appointment.starts_at').orderBy('appointment.seq').execute();
  return rows.map(toAppointment);
}

export async function requireAppointment(db: Queryable, id: string) {
  const row = await db
    .selectFrom('appointment')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { key: 'errors.appointments.notFound' });
  return row;
}

export async function getAppointment(db: Queryable, id: string): Promise<Appointment> {
  return toAppointment(
    await baseQuery(db).where('appointment.id', '=', id).executeTakeFirstOrThrow(),
  );
}

/** Active practitioners, the people a booking can name. */
export async function listPractitioners(db: Queryable) {
  const rows = await db
    .selectFrom('staff_user')
    .select(['id', 'display_name'])
    .where('role', '=', 'practitioner')
    .where('active', '=', 1)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

/** Occupying bookings that touch the days of [startsAt, endsAt) for any of the three resources. */
export async function bookedAround(
  db: Queryable,
  span: { startsAt: string; endsAt: string },
  who: { practitionerId: string; roomId: string; patientId: string },
): Promise<Booked[]> {
  const rows = await db
    .selectFrom('appointment')
    .select(['id', 'patient_id', 'practitioner_id', 'room_id', 'starts_at', 'ends_at'])
    .where('status', 'not in', ['cancelled', 'no-show'])
    .where('starts_at', '<', span.endsAt)
    .where('ends_at', '>', span.startsAt)
    .where((eb) =>
      eb.or([
        eb('practitioner_id', '=', who.practitionerId),
        eb('room_id', '=', who.roomId),
        eb('patient_id', '=', who.patientId),
      ]),
    )
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

export interface Candidate {
  patientId: string;
  practitionerId: string;
  roomId: string;
  treatmentTypeId: string;
  startsAt: string;
  endsAt: string;
  hoursOverride: { reason: string } | null;
}

const range = (b: { startsAt: string; endsAt: string }) =>
  `${dateOf(b.startsAt)} ${timeOf(b.startsAt)}–${timeOf(b.endsAt)}`;

async function conflictMessages(
  db: Queryable,
  hits: readonly ConflictHit[],
  settings: AppointmentSettings,
): Promise<Record<string, Refusal>> {
  const fields: Record<string, Refusal> = {};
  for (const hit of hits) {
    if (hit.resource === 'practitioner') {
      const who = await db
        .selectFrom('staff_user')
        .select('display_name')
        .where('id', '=', hit.with.practitionerId)
        .executeTakeFirst();
      fields.practitionerId = who
        ? {
            key: 'errors.appointments.practitionerBooked',
            params: { name: who.display_name, when: range(hit.with) },
          }
        : {
            key: 'errors.appointments.practitionerBookedUnnamed',
            params: { when: range(hit.with) },
          };
    } else if (hit.resource === 'room') {
      const room = settings.rooms.find((r) => r.id === hit.with.roomId)?.name ?? hit.with.roomId;
      fields.roomId = {
        key: 'errors.appointments.roomBooked',
        params: { room, when: range(hit.with) },
      };
    } else {
      fields.patientId = {
        key: 'errors.appointments.patientBooked',
        params: { when: range(hit.with) },
      };
    }
  }
  return fields;
}

/**
 * Everything a booking must satisfy: known room and treatment type, an active practitioner,
 * opening hours (unless overridden with a reason) and no double booking of the practitioner,
 * the room or the patient. `prefix` places field messages inside a list input (`slots.2.`).
 */
export async function assertBookable(
  db: Queryable,
  candidate: Candidate,
  settings: AppointmentSettings,
  options: { ignoreId?: string; prefix?: string } = {},
): Promise<void> {
  const prefix = options.prefix ?? '';
  const refuse = (code: 'VALIDATION' | 'CONFLICT' | 'NOT_FOUND', field: string, text: Refusal) => {
    throw new AppError(code, text, { fields: { [prefix + field]: text } });
  };
  if (!settings.rooms.some((r) => r.id === candidate.roomId)) {
    refuse('NOT_FOUND', 'roomId', { key: 'errors.appointments.roomUnknown' });
  }
  if (!settings.treatmentTypes.some((t) => t.id === candidate.treatmentTypeId)) {
    refuse('NOT_FOUND', 'treatmentTypeId', { key: 'errors.appointments.treatmentTypeUnknown' });
  }
  const practitioners = await listPractitioners(db);
  if (!practitioners.some((p) => p.id === candidate.practitionerId)) {
    refuse('NOT_FOUND', 'practitionerId', { key: 'errors.staff.chooseActivePractitioner' });
  }
  if (candidate.endsAt <= candidate.startsAt) {
    refuse('VALIDATION', 'endsAt', { key: 'errors.appointments.endBeforeStart' });
  }
  const outside = outsideHours(settings.week, candidate);
  if (outside === 'spans-days') {
    refuse('VALIDATION', 'endsAt', { key: 'errors.appointments.spansDays' });
  }
  if (outside && outside !== 'spans-days' && !candidate.hoursOverride) {
    const text: Refusal = { key: `errors.appointments.outsideHours.${outside}` };
    throw new AppError('CONFLICT', text, {
      fields: {
        [`${prefix}startsAt`]: text,
        [`${prefix}hoursOverride`]: { key: 'errors.appointments.giveAReason' },
      },
    });
  }
  const hits = findConflicts(
    candidate,
    await bookedAround(db, candidate, candidate),
    options.ignoreId ?? null,
  );
  if (hits.length > 0) {
    const fields = await conflictMessages(db, hits, settings);
    const prefixed = Object.fromEntries(Object.entries(fields).map(([k, v]) => [prefix + k, v]));
    const clashes = Object.values(fields);
    // One clash is told as it is; several are each marked on their field.
    const text: Refusal =
      clashes.length === 1 ? clashes[0]! : { key: 'errors.appointments.severalClashes' };
    throw new AppError('CONFLICT', text, { fields: prefixed });
  }
}

export function endFor(
  settings: AppointmentSettings,
  treatmentTypeId: string,
  startsAt: string,
  endsAt: string | undefined,
): string {
  if (endsAt !== undefined) return endsAt;
  const type = settings.treatmentTypes.find((t) => t.id === treatmentTypeId);
  return addMinutes(startsAt, type?.durationMinutes ?? 30);
}

export async function requireCourseOfPatient(db: Queryable, courseId: string, patientId: string) {
  const course = await db
    .selectFrom('treatment_course')
    .selectAll()
    .where('id', '=', courseId)
    .executeTakeFirst();
  if (!course || course.patient_id !== patientId) {
    const text = { key: 'errors.appointments.courseNotPatients' } as const;
    throw new AppError('NOT_FOUND', text, { fields: { courseId: text } });
  }
  if (course.status !== 'active') {
    const text = { key: 'errors.appointments.courseClosed' } as const;
    throw new AppError('CONFLICT', text, { fields: { courseId: text } });
  }
  return course;
}

export async function insertAppointment(
  db: Queryable,
  candidate: Candidate & { courseId: string | null; notes: string },
  actorId: string,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  const stamp = now.toISOString();
  await db
    .insertInto('appointment')
    .values({
      id,
      patient_id: candidate.patientId,
      practitioner_id: candidate.practitionerId,
      room_id: candidate.roomId,
      treatment_type: candidate.treatmentTypeId,
      starts_at: candidate.startsAt,
      ends_at: candidate.endsAt,
      status: 'booked',
      status_reason: null,
      course_id: candidate.courseId,
      notes: candidate.notes.trim(),
      hours_override_reason: candidate.hoursOverride?.reason.trim() ?? null,
      created_by: actorId,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  return id;
}

export async function bookAppointment(
  db: Queryable,
  input: z.output<typeof appointmentBookInput>,
  settings: AppointmentSettings,
  actorId: string,
  now: Date,
): Promise<Appointment> {
  if (input.courseId !== null) await requireCourseOfPatient(db, input.courseId, input.patientId);
  const candidate = {
    ...input,
    endsAt: endFor(settings, input.treatmentTypeId, input.startsAt, input.endsAt),
  };
  await assertBookable(db, candidate, settings);
  return getAppointment(db, await insertAppointment(db, candidate, actorId, now));
}

export async function moveAppointment(
  db: Queryable,
  input: z.output<typeof appointmentMoveInput>,
  settings: AppointmentSettings,
  now: Date,
): Promise<Appointment> {
  const row = await requireAppointment(db, input.id);
  if (row.status !== 'booked') {
    throw new AppError('CONFLICT', { key: 'errors.appointments.onlyBookedMoves' });
  }
  const candidate: Candidate = {
    patientId: row.patient_id,
    practitionerId: input.practitionerId ?? row.practitioner_id,
    roomId: input.roomId ?? row.room_id,
    treatmentTypeId: row.treatment_type,
    startsAt: input.startsAt,
    // Moving keeps the appointment's length unless a new end is given.
    endsAt: input.endsAt ?? addMinutes(input.startsAt, minutesBetween(row.starts_at, row.ends_at)),
    hoursOverride: input.hoursOverride,
  };
  await assertBookable(db, candidate, settings, { ignoreId: row.id });
  await db
    .updateTable('appointment')
    .set({
      practitioner_id: candidate.practitionerId,
      room_id: candidate.roomId,
      starts_at: candidate.startsAt,
      ends_at: candidate.endsAt,
      hours_override_reason: input.hoursOverride?.reason.trim() ?? null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
  return getAppointment(db, row.id);
}

export async function setAppointmentStatus(
  db: Queryable,
  input: z.output<typeof appointmentStatusInput>,
  now: Date,
): Promise<Appointment> {
  const row = await requireAppointment(db, input.id);
  const from = row.status as AppointmentStatus;
  if (!mayMoveTo(from, input.status)) {
    // The statuses are the diary's own words in each language (diary.status.*).
    throw new AppError(
      'CONFLICT',
      { key: 'errors.appointments.statusChange', params: { from, to: input.status } },
      { fields: { status: { key: 'errors.appointments.statusNotFrom', params: { from } } } },
    );
  }
  const reason = input.reason.trim();
  if (needsReason(input.status) && reason === '') {
    const text = { key: 'errors.appointments.giveTheReason' } as const;
    throw new AppError('VALIDATION', text, { fields: { reason: text } });
  }
  await db
    .updateTable('appointment')
    .set({
      status: input.status,
      status_reason: needsReason(input.status) ? reason : null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
  return getAppointment(db, row.id);
}

import type { DomainHandlers } from '../core/handler-kit';
import type { appointmentsOperations } from '../../../shared/api/appointments';
import { actorId, forPatient, forRecord, requireActor, today } from '../core/handler-kit';
import { requireCourse } from '../courses/courses';
import { readDiarySettings, updateDiarySettings } from './diary-settings';
import {
  bookAppointment,
  listAppointments,
  listPractitioners,
  moveAppointment,
  requireAppointment,
  setAppointmentStatus,
} from './appointments';
import { bookCourse, proposeCourse } from './course-booking';
import { todayList } from './today-list';

export const appointmentsHandlers = {
  'appointments.settings': async (ctx) => readDiarySettings(ctx.db),

  'appointments.updateSettings': async (ctx, input) => {
    ctx.subject.objectId = 'appointments';
    return updateDiarySettings(ctx.db, input);
  },

  'appointments.practitioners': async (ctx) => listPractitioners(ctx.db),

  'appointments.list': async (ctx, input) => listAppointments(ctx.db, input),

  'appointments.book': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const settings = await readDiarySettings(ctx.db);
    const appointment = await bookAppointment(ctx.db, input, settings, actorId(ctx), ctx.now);
    ctx.subject.objectId = appointment.id;
    return appointment;
  },

  'appointments.move': async (ctx, input) => {
    forRecord(ctx, await requireAppointment(ctx.db, input.id));
    return moveAppointment(ctx.db, input, await readDiarySettings(ctx.db), ctx.now);
  },

  'appointments.setStatus': async (ctx, input) => {
    forRecord(ctx, await requireAppointment(ctx.db, input.id));
    return setAppointmentStatus(ctx.db, input, ctx.now);
  },

  'appointments.today': async (ctx) => {
    const actor = requireActor(ctx);
    const own = actor.role === 'practitioner' ? actor.id : null;
    return todayList(ctx.db, ctx.app.dataDir, today(ctx), own);
  },

  'appointments.proposeCourse': async (ctx, input) => {
    const course = await requireCourse(ctx.db, input.courseId);
    await forPatient(ctx, course.patient_id, course.id);
    return proposeCourse(ctx.db, input, await readDiarySettings(ctx.db), today(ctx));
  },

  'appointments.bookCourse': async (ctx, input) => {
    const course = await requireCourse(ctx.db, input.courseId);
    await forPatient(ctx, course.patient_id, course.id);
    const settings = await readDiarySettings(ctx.db);
    return bookCourse(ctx.db, input, settings, actorId(ctx), ctx.now);
  },
} satisfies DomainHandlers<typeof appointmentsOperations>;

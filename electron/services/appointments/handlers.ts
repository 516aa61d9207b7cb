import type { DomainHandlers } from '../core/handler-kit';
import type { appointmentsOperations } from '../../../shared/api/appointments';
import { actorId, forPatient, forRecord } from '../core/handler-kit';
import { readDiarySettings, updateDiarySettings } from './diary-settings';
import {
  bookAppointment,
  listAppointments,
  listPractitioners,
  moveAppointment,
  requireAppointment,
  setAppointmentStatus,
} from './appointments';

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
} satisfies DomainHandlers<typeof appointmentsOperations>;

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment, TodayEntry } from '../../../shared/api/appointments';
import type { TreatmentSession } from '../../../shared/api/sessions';
import {
  addDaysTo,
  completeDraft,
  startSession,
  startTreatmentClinic,
  today,
  type Clinic,
} from '../sessions/fixtures';

let c: Clinic;
beforeEach(async () => {
  c = await startTreatmentClinic();
}, 60_000);
afterEach(async () => {
  await c.app.close();
});

/** A visit of the clinic's patient today with the practitioner (signed in), whatever the day. */
const visit = (time: string) =>
  c.app.ok<Appointment>('appointments.book', {
    patientId: c.patientId,
    practitionerId: c.practitionerId,
    roomId: 'room-1',
    treatmentTypeId: 'mesotherapy',
    startsAt: `${today(c.app)}T${time}`,
    // The test runs on any day, closed ones included.
    hoursOverride: { reason: 'Test day' },
  });

const todays = async () =>
  (await c.app.ok<TodayEntry[]>('appointments.today')).map((e) => [
    e.appointment.startsAt.slice(11),
    e.appointment.status,
    e.appointment.statusReason,
  ]);

describe('the day’s visit follows its session', () => {
  it('is in treatment once the session starts and done once it is signed; a cancelled visit keeps its reason on Today', async () => {
    const early = await visit('08:00');
    await c.app.ok('appointments.setStatus', {
      id: early.id,
      status: 'cancelled',
      reason: 'Asked for a later time',
    });
    // Not marked arrived: a patient being treated has arrived, whether or not the desk said so.
    await visit('10:00');
    expect(await todays()).toEqual([
      ['08:00', 'cancelled', 'Asked for a later time'],
      ['10:00', 'booked', null],
    ]);

    const session = await startSession(c);
    expect(await todays()).toEqual([
      ['08:00', 'cancelled', 'Asked for a later time'],
      ['10:00', 'in-treatment', null],
    ]);
    // The draft is what the practitioner's row leads back to, until it is signed.
    const sessionIds = async () =>
      (await c.app.ok<TodayEntry[]>('appointments.today')).map((e) => e.sessionId);
    expect(await sessionIds()).toEqual([session.id, session.id]);

    await c.app.ok('sessions.saveDraft', { id: session.id, ...completeDraft(c) });
    await c.app.ok<TreatmentSession>('sessions.sign', { id: session.id });
    expect(await todays()).toEqual([
      ['08:00', 'cancelled', 'Asked for a later time'],
      ['10:00', 'done', null],
    ]);
    expect(await sessionIds()).toEqual([null, null]);
  });

  it('leaves another day’s visit as it was', async () => {
    const tomorrow = addDaysTo(today(c.app), 1);
    await c.app.ok<Appointment>('appointments.book', {
      patientId: c.patientId,
      practitionerId: c.practitionerId,
      roomId: 'room-1',
      treatmentTypeId: 'mesotherapy',
      startsAt: `${tomorrow}T10:00`,
      hoursOverride: { reason: 'Test day' },
    });
    await startSession(c);
    const listed = await c.app.ok<Appointment[]>('appointments.list', {
      from: tomorrow,
      to: tomorrow,
    });
    expect(listed.map((a) => a.status)).toEqual(['booked']);
  });
});

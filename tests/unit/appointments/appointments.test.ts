import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment } from '../../../shared/api/appointments';
import { MONDAY, RECEPTIONIST, book, booked, startDiary, type Diary } from './fixtures';
import { rawDb } from '../../support/helpers';

let d: Diary;
beforeEach(async () => {
  d = await startDiary();
}, 60_000);
afterEach(async () => {
  await d.app.close();
});

const auditActions = async () => {
  const rows = rawDb(d.app)
    .prepare("SELECT operation, outcome FROM audit_event WHERE operation LIKE 'appointments.%'")
    .all() as { operation: string; outcome: string }[];
  return rows.map((r) => `${r.operation}:${r.outcome}`);
};

describe('booking', () => {
  it('reception books a visit whose length comes from the treatment type', async () => {
    await d.app.ok('auth.signOut');
    await d.app.ok('auth.signIn', {
      username: RECEPTIONIST.username,
      password: RECEPTIONIST.password,
    });
    const a = await booked(d);
    expect(a).toMatchObject({
      patientName: 'Anna Rossi',
      practitionerName: 'Inès Moreau',
      startsAt: `${MONDAY}T10:00`,
      endsAt: `${MONDAY}T10:45`,
      status: 'booked',
    });
    const listed = await d.app.ok<Appointment[]>('appointments.list', { from: MONDAY, to: MONDAY });
    expect(listed.map((x) => x.id)).toEqual([a.id]);
    expect(await auditActions()).toContain('appointments.book:success');
  });

  it('refuses double booking of the practitioner, the room or the patient, naming each', async () => {
    await booked(d);
    const rows = () => rawDb(d.app).prepare('SELECT * FROM appointment').all();
    const before = rows();
    const practitioner = await book(d, {
      patientId: d.bruno,
      roomId: 'room-2',
      startsAt: `${MONDAY}T10:30`,
    });
    expect(practitioner.ok || practitioner.error).toMatchObject({
      code: 'CONFLICT',
      fields: { practitionerId: `Inès Moreau is already booked ${MONDAY} 10:00–10:45` },
    });
    const room = await book(d, {
      patientId: d.bruno,
      practitionerId: d.marc,
      startsAt: `${MONDAY}T09:30`,
    });
    expect(room.ok || room.error).toMatchObject({
      code: 'CONFLICT',
      fields: { roomId: `Room 1 is already booked ${MONDAY} 10:00–10:45` },
    });
    const patient = await book(d, {
      practitionerId: d.marc,
      roomId: 'room-2',
      startsAt: `${MONDAY}T10:15`,
    });
    expect(patient.ok || patient.error).toMatchObject({
      code: 'CONFLICT',
      fields: { patientId: `The patient already has an appointment ${MONDAY} 10:00–10:45` },
    });
    expect(rows()).toEqual(before);
    // Back to back is not a clash, and a cancelled booking frees its slot.
    await booked(d, { patientId: d.bruno, startsAt: `${MONDAY}T10:45` });
    const first = (
      await d.app.ok<Appointment[]>('appointments.list', { from: MONDAY, to: MONDAY })
    )[0];
    await d.app.ok('appointments.setStatus', {
      id: first?.id,
      status: 'cancelled',
      reason: 'Patient ill',
    });
    await booked(d, { patientId: d.bruno, startsAt: `${MONDAY}T10:00`, endsAt: `${MONDAY}T10:30` });
  });

  it('refuses bookings outside opening hours unless overridden with a reason', async () => {
    const cases: [string, string][] = [
      [`${MONDAY}T08:30`, 'before the clinic opens'],
      [`${MONDAY}T17:30`, 'after the clinic closes'],
      [`${MONDAY}T12:30`, 'in a break'],
      ['2031-03-09T10:00', 'closed that day'],
    ];
    for (const [startsAt, words] of cases) {
      const result = await book(d, { startsAt });
      expect(result.ok || result.error).toMatchObject({ code: 'CONFLICT' });
      expect(!result.ok && result.error.fields?.startsAt).toContain(words);
    }
    const noReason = await book(d, { startsAt: `${MONDAY}T08:00`, hoursOverride: { reason: ' ' } });
    expect(noReason.ok || noReason.error.code).toBe('VALIDATION');
    const early = await booked(d, {
      startsAt: `${MONDAY}T08:00`,
      hoursOverride: { reason: 'Before her flight' },
    });
    expect(early.hoursOverrideReason).toBe('Before her flight');
  });

  it('moves a booking, keeping its length, and refuses a move onto a taken slot', async () => {
    const a = await booked(d);
    await booked(d, {
      patientId: d.bruno,
      practitionerId: d.marc,
      roomId: 'room-2',
      startsAt: `${MONDAY}T15:00`,
    });
    const moved = await d.app.ok<Appointment>('appointments.move', {
      id: a.id,
      startsAt: `${MONDAY}T11:00`,
    });
    expect([moved.startsAt, moved.endsAt]).toEqual([`${MONDAY}T11:00`, `${MONDAY}T11:45`]);
    const clash = await d.app.call('appointments.move', {
      id: a.id,
      startsAt: `${MONDAY}T15:15`,
      roomId: 'room-2',
    });
    expect(clash.ok || clash.error).toMatchObject({
      code: 'CONFLICT',
      fields: { roomId: expect.any(String) },
    });
    const still = await d.app.ok<Appointment[]>('appointments.list', {
      from: MONDAY,
      to: MONDAY,
      roomId: 'room-1',
    });
    expect(still.map((x) => x.startsAt)).toEqual([`${MONDAY}T11:00`]);
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['appointments.move:success', 'appointments.move:failed']),
    );
  });
});

describe('statuses', () => {
  it('walks booked → arrived → in treatment → done and refuses skipping or going back', async () => {
    const a = await booked(d);
    const skip = await d.app.call('appointments.setStatus', { id: a.id, status: 'done' });
    expect(skip.ok || skip.error.code).toBe('CONFLICT');
    for (const status of ['arrived', 'in-treatment', 'done'] as const) {
      const next = await d.app.ok<Appointment>('appointments.setStatus', { id: a.id, status });
      expect(next.status).toBe(status);
    }
    const back = await d.app.call('appointments.setStatus', { id: a.id, status: 'booked' });
    expect(back.ok || back.error.code).toBe('CONFLICT');
    const move = await d.app.call('appointments.move', { id: a.id, startsAt: `${MONDAY}T15:00` });
    expect(move.ok || move.error.code).toBe('CONFLICT');
  });

  it('needs a reason to cancel or record a no-show, keeps it, and audits each try', async () => {
    const a = await booked(d);
    const bare = await d.app.call('appointments.setStatus', { id: a.id, status: 'no-show' });
    expect(bare.ok || bare.error).toMatchObject({
      code: 'VALIDATION',
      fields: { reason: 'Give the reason' },
    });
    const missed = await d.app.ok<Appointment>('appointments.setStatus', {
      id: a.id,
      status: 'no-show',
      reason: 'No answer by phone',
    });
    expect(missed).toMatchObject({ status: 'no-show', statusReason: 'No answer by phone' });
    // Both tries are in the audit log, naming the patient and the appointment.
    const audited = rawDb(d.app)
      .prepare(
        `SELECT outcome, patient_id, object_id FROM audit_event
          WHERE operation = 'appointments.setStatus' ORDER BY seq`,
      )
      .all();
    expect(audited).toEqual([
      { outcome: 'failed', patient_id: d.anna, object_id: a.id },
      { outcome: 'success', patient_id: d.anna, object_id: a.id },
    ]);
  });
});

describe('settings', () => {
  it('only the admin changes rooms and hours, and a room with bookings stays', async () => {
    await booked(d, { roomId: 'room-2' });
    const drop = await d.app.call('appointments.updateSettings', {
      rooms: [{ id: 'room-1', name: 'Room 1' }],
    });
    expect(drop.ok || drop.error.code).toBe('CONFLICT');
    await d.app.ok('auth.signOut');
    await d.app.ok('auth.signIn', {
      username: RECEPTIONIST.username,
      password: RECEPTIONIST.password,
    });
    const refused = await d.app.call('appointments.updateSettings', { week: Array(7).fill(null) });
    expect(refused.ok || refused.error.code).toBe('FORBIDDEN');
    const practitioners = await d.app.ok<{ displayName: string }[]>('appointments.practitioners');
    expect(practitioners.map((p) => p.displayName)).toEqual(['Inès Moreau', 'Marc Petit']);
  });
});

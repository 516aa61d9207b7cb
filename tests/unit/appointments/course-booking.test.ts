import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Appointment, CourseProposal, TodayEntry } from '../../../shared/api/appointments';
import type { Course } from '../../../shared/api/courses';
import { addDaysToDate } from '../../../shared/appointments/diary-time';
import { localDate } from '../../../electron/services/core/local-date';
import { answers } from '../patients/fixtures';
import { MONDAY, RECEPTIONIST, booked, startDiary, type Diary } from './fixtures';

let d: Diary;
let course: Course;
beforeEach(async () => {
  d = await startDiary();
  await signIn('ines.prac', 'practitioner pass phrase');
  course = await d.app.ok<Course>('courses.create', {
    patientId: d.anna,
    indication: 'skin-ageing',
    indicationNote: '',
    areas: ['cheeks'],
    plannedSessions: 4,
    intervalDays: 14,
    protocol: {
      productIds: [],
      technique: null,
      depthMm: null,
      needleGauge: null,
      needleLengthMm: null,
    },
  });
  await signIn(RECEPTIONIST.username, RECEPTIONIST.password);
}, 60_000);
afterEach(async () => {
  await d.app.close();
});

async function signIn(username: string, password: string) {
  await d.app.ok('auth.signOut');
  await d.app.ok('auth.signIn', { username, password });
}

const propose = (extra: Record<string, unknown> = {}) =>
  d.app.ok<CourseProposal>('appointments.proposeCourse', {
    courseId: course.id,
    practitionerId: d.ines,
    treatmentTypeId: 'mesotherapy',
    firstOn: MONDAY,
    ...extra,
  });

const day = (n: number) => addDaysToDate(MONDAY, n);

describe('booking a course', () => {
  it('proposes each remaining session at the interval where the practitioner and a room are free', async () => {
    // Inès is busy first thing two weeks on; room 1 is taken four weeks on.
    await booked(d, { patientId: d.bruno, startsAt: `${day(14)}T09:00` });
    await booked(d, { patientId: d.bruno, practitionerId: d.marc, startsAt: `${day(28)}T09:00` });
    const proposal = await propose();
    expect(proposal.remaining).toBe(4);
    // Day 28 is 2031-03-31, after the clocks change on 2031-03-30: still 09:00 on the clinic's clock.
    expect(proposal.slots.map((s) => [s.number, s.startsAt, s.roomId])).toEqual([
      [1, `${MONDAY}T09:00`, 'room-1'],
      [2, `${day(14)}T09:45`, 'room-1'],
      [3, `${day(28)}T09:00`, 'room-2'],
      [4, `${day(42)}T09:00`, 'room-1'],
    ]);
    expect(proposal.unplaced).toEqual([]);
  });

  it('moves a session to a near open day when the due day is closed', async () => {
    // Due on a Sunday: the tolerance for a 14-day interval is 3 days, later days first.
    const proposal = await propose({ firstOn: day(6), time: '10:00' });
    expect(proposal.slots.map((s) => [s.dueOn, s.startsAt])).toEqual([
      [day(6), `${day(7)}T10:00`],
      [day(21), `${day(21)}T10:00`],
      [day(35), `${day(35)}T10:00`],
      [day(49), `${day(49)}T10:00`],
    ]);
  });

  it('books all the sessions in one step, or none when one of them clashes', async () => {
    const proposal = await propose();
    await booked(d, { patientId: d.bruno, startsAt: `${day(28)}T09:15` });
    const slots = proposal.slots.map(({ startsAt, endsAt, roomId }) => ({
      startsAt,
      endsAt,
      roomId,
    }));
    const refused = await d.app.call('appointments.bookCourse', {
      courseId: course.id,
      practitionerId: d.ines,
      treatmentTypeId: 'mesotherapy',
      slots,
    });
    expect(refused.ok || refused.error).toMatchObject({
      code: 'CONFLICT',
      fields: {
        'slots.2.practitionerId': expect.stringContaining('Inès Moreau is already booked'),
      },
    });
    const ofCourse = async () =>
      (await d.app.ok<Appointment[]>('appointments.list', { from: MONDAY, to: day(60) })).filter(
        (a) => a.courseId === course.id,
      );
    expect(await ofCourse()).toEqual([]);

    // Adjusted before saving: the third session an hour later.
    const adjusted = slots.map((s, i) =>
      i === 2 ? { ...s, startsAt: `${day(28)}T10:00`, endsAt: `${day(28)}T10:45` } : s,
    );
    const done = await d.app.ok<Appointment[]>('appointments.bookCourse', {
      courseId: course.id,
      practitionerId: d.ines,
      treatmentTypeId: 'mesotherapy',
      slots: adjusted,
    });
    expect(done.map((a) => a.startsAt)).toEqual(adjusted.map((s) => s.startsAt));
    expect((await ofCourse()).length).toBe(4);
    expect((await propose()).remaining).toBe(0);
    const more = await d.app.call('appointments.bookCourse', {
      courseId: course.id,
      practitionerId: d.ines,
      treatmentTypeId: 'mesotherapy',
      slots: [{ startsAt: `${day(70)}T10:00`, endsAt: `${day(70)}T10:45`, roomId: 'room-1' }],
    });
    expect(more.ok || more.error.code).toBe('CONFLICT');

    // The course knows its booked dates: a visit moved a week early is flagged, and the next one late.
    await d.app.ok('appointments.move', { id: done[2]?.id, startsAt: `${day(21)}T10:00` });
    await signIn('ines.prac', 'practitioner pass phrase');
    const [withBookings] = await d.app.ok<Course[]>('courses.list', { patientId: d.anna });
    expect(withBookings?.bookings.map((b) => [b.startsAt.slice(0, 10), b.timing])).toEqual([
      [MONDAY, 'first'],
      [day(14), 'on-time'],
      [day(21), 'too-early'],
      [day(42), 'too-late'],
    ]);
  });
});

describe('today', () => {
  it('lists the day in time order with what each patient needs; a practitioner sees her own', async () => {
    const today = localDate(d.app.services.state.clock());
    const override = { reason: 'Test day' };
    await booked(d, {
      patientId: d.bruno,
      practitionerId: d.marc,
      startsAt: `${today}T11:00`,
      hoursOverride: override,
    });
    await booked(d, { startsAt: `${today}T09:00`, courseId: course.id, hoursOverride: override });
    await d.app.ok('history.submit', { patientId: d.anna, answers: answers(), takenBy: 'staff' });

    const desk = await d.app.ok<TodayEntry[]>('appointments.today');
    expect(desk.map((e) => [e.appointment.patientName, e.history, e.consent, e.course])).toEqual([
      ['Anna Rossi', 'current', 'none', { logged: 0, planned: 4 }],
      ['Bruno Keller', 'missing', 'none', null],
    ]);
    const first = desk[0]?.appointment.id;
    await d.app.ok('appointments.setStatus', { id: first, status: 'arrived' });

    await signIn('ines.prac', 'practitioner pass phrase');
    const own = await d.app.ok<TodayEntry[]>('appointments.today');
    expect(own.map((e) => [e.appointment.patientName, e.appointment.status])).toEqual([
      ['Anna Rossi', 'arrived'],
    ]);
  });
});

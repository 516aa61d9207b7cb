import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course } from '../../../shared/api/courses';
import type { DueCourse } from '../../../shared/api/recall';
import { MONDAY, RECEPTIONIST, startDiary, type Diary } from '../appointments/fixtures';

let d: Diary;
let course: Course;
beforeEach(async () => {
  d = await startDiary();
  await d.app.ok('auth.signOut');
  await d.app.ok('auth.signIn', { username: 'ines.prac', password: 'practitioner pass phrase' });
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
  await d.app.ok('auth.signOut');
  await d.app.ok('auth.signIn', {
    username: RECEPTIONIST.username,
    password: RECEPTIONIST.password,
  });
}, 60_000);
afterEach(async () => {
  await d.app.close();
});

describe('courses due for a booking', () => {
  it('lists a course with nothing booked for the front desk, filters by name, and drops it once booked', async () => {
    const due = await d.app.ok<DueCourse[]>('recall.due', {});
    expect(due.map((r) => [r.patientName, r.logged, r.planned, r.overdue, r.channels])).toEqual([
      ['Anna Rossi', 0, 4, false, []],
    ]);
    expect(await d.app.ok('recall.due', { query: 'kell' })).toEqual([]);
    expect(await d.app.ok('recall.due', { show: 'overdue' })).toEqual([]);
    await d.app.ok('appointments.bookCourse', {
      courseId: course.id,
      practitionerId: d.ines,
      treatmentTypeId: 'mesotherapy',
      slots: [{ startsAt: `${MONDAY}T10:00`, endsAt: `${MONDAY}T10:45`, roomId: 'room-1' }],
    });
    expect(await d.app.ok('recall.due', {})).toEqual([]);
  });

  it('marks a course past its tolerance overdue, and the overdue filter keeps only those', async () => {
    // A month on, Anna's course (due from the day it was planned, 14 days apart) is overdue;
    // Bruno's, planned today, is due but not overdue.
    d.app.advance(30 * 86_400_000);
    await d.app.ok('auth.signOut');
    await d.app.ok('auth.signIn', { username: 'ines.prac', password: 'practitioner pass phrase' });
    await d.app.ok<Course>('courses.create', {
      patientId: d.bruno,
      indication: 'hair-loss',
      indicationNote: '',
      areas: ['scalp'],
      plannedSessions: 6,
      intervalDays: 7,
      protocol: {
        productIds: [],
        technique: null,
        depthMm: null,
        needleGauge: null,
        needleLengthMm: null,
      },
    });
    const due = await d.app.ok<DueCourse[]>('recall.due', {});
    expect(due.map((r) => [r.patientName, r.overdue])).toEqual([
      ['Anna Rossi', true],
      ['Bruno Keller', false],
    ]);
    const overdue = await d.app.ok<DueCourse[]>('recall.due', { show: 'overdue' });
    expect(overdue.map((r) => r.patientName)).toEqual(['Anna Rossi']);
  });
});

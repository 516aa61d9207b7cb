import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course } from '../../../shared/api/courses';
import { courseProgress, timingOf } from '../../../shared/courses/course-rules';
import {
  advanceDays,
  completeDraft,
  startSession,
  startTreatmentClinic,
  type Clinic,
} from '../sessions/fixtures';

let c: Clinic;
beforeEach(async () => {
  c = await startTreatmentClinic();
});
afterEach(async () => {
  await c.app.close();
});

describe('course timing rules', () => {
  it('flags sessions too early or too late for the interval', () => {
    expect(timingOf(null, '2025-03-01', 14)).toBe('first');
    expect(timingOf('2025-03-01', '2025-03-15', 14)).toBe('on-time');
    expect(timingOf('2025-03-01', '2025-03-12', 14)).toBe('on-time');
    expect(timingOf('2025-03-01', '2025-03-10', 14)).toBe('too-early');
    expect(timingOf('2025-03-01', '2025-03-19', 14)).toBe('too-late');
    const progress = courseProgress(
      [
        { performedOn: '2025-03-01', signed: true },
        { performedOn: '2025-03-15', signed: false },
      ],
      4,
      14,
      '2025-04-10',
    );
    expect(progress).toMatchObject({ logged: 2, signed: 1, nextNumber: 3 });
    expect(progress.nextDueOn).toBe('2025-03-29');
    expect(progress.overdue).toBe(true);
  });
});

describe('courses', () => {
  it('pre-fills each session from the protocol and numbers it in the course', async () => {
    const course = await c.app.ok<Course>('courses.create', {
      patientId: c.patientId,
      indication: 'skin-ageing',
      indicationNote: '',
      areas: ['cheeks'],
      plannedSessions: 4,
      intervalDays: 14,
      protocol: {
        productIds: [c.vitamins.id, c.ha.id],
        technique: 'nappage',
        depthMm: 1,
        needleGauge: 32,
        needleLengthMm: 4,
      },
    });
    expect(course.progress).toMatchObject({ logged: 0, planned: 4, nextNumber: 1 });
    const first = await startSession(c, course.id);
    expect(first.courseNumber).toBe(1);
    expect(first.technique).toBe('nappage');
    expect(first.areas).toEqual([{ area: 'cheeks', depthMm: 1 }]);
    // One syringe of the protocol's products, each drawn once from its first-expiring usable
    // lot (the expired HA lot is never proposed), spread over the areas: no line per area.
    expect(first.products).toEqual([]);
    expect(first.cocktails).toHaveLength(1);
    expect(first.cocktails[0]?.components.map((p) => [p.lotNumber, p.volumeMl])).toEqual([
      ['VA-001', 3],
      ['HB-100', 2],
    ]);
    await c.app.ok('sessions.saveDraft', {
      id: first.id,
      ...completeDraft(c),
      areas: first.areas,
      products: [],
      // The syringe as pre-filled, all of it given into the cheeks.
      cocktails: first.cocktails.map(({ label, totalVolumeMl, components }) => ({
        label,
        totalVolumeMl,
        components: components.map(({ productId, lotId, volumeMl }) => ({
          productId,
          lotId,
          volumeMl,
        })),
        areas: [{ area: 'cheeks', volumeMl: totalVolumeMl }],
      })),
    });
    await c.app.ok('sessions.sign', { id: first.id });

    await advanceDays(c.app, 9);
    const second = await startSession(c, course.id);
    expect(second).toMatchObject({ courseNumber: 2, coursePlanned: 4, timing: 'too-early' });
    const [listed] = await c.app.ok<Course[]>('courses.list', { patientId: c.patientId });
    expect(listed?.progress).toMatchObject({ logged: 2, signed: 1, nextNumber: 3 });

    // A follow-up rating on this later visit, linked to the course.
    const followUp = await c.app.ok<{ gais: number }>('courses.recordFollowUp', {
      courseId: course.id,
      gais: 2,
      satisfaction: 5,
      notes: 'Brighter skin',
    });
    expect(followUp.gais).toBe(2);
  });
});

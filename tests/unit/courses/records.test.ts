import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course } from '../../../shared/api/courses';
import type { TreatmentSession } from '../../../shared/api/sessions';
import type { AdverseEvent } from '../../../shared/api/adverse-events';
import type { TimelineEntry } from '../../../shared/api/recall';
import { courseProgress, timingOf } from '../../../shared/courses/course-rules';
import { register } from '../patients/fixtures';
import {
  PRACTITIONER,
  advanceDays,
  completeDraft,
  insertScreening,
  signInAdmin,
  signInAs,
  signedSession,
  startSession,
  startTreatmentClinic,
  today,
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
    // First-expiring usable lot of each product; the expired HA lot is never proposed.
    expect(first.products.map((p) => [p.lotNumber, p.volumeMl])).toEqual([
      ['VA-001', 3],
      ['HB-100', 2],
    ]);
    await c.app.ok('sessions.saveDraft', {
      id: first.id,
      ...completeDraft(c),
      areas: first.areas,
      products: first.products.map(({ area, productId, lotId, volumeMl }) => ({
        area,
        productId,
        lotId,
        volumeMl,
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

describe('adverse events and the timeline', () => {
  it('keeps open events for the alerts strip until resolved, and lists everything in order', async () => {
    const session = await signedSession(c);
    await c.app.ok('sessions.addAddendum', { sessionId: session.id, text: 'Called next day' });
    const event = await c.app.ok<AdverseEvent>('adverseEvents.record', {
      sessionId: session.id,
      kind: 'bruising',
      severity: 'mild',
      onsetOn: today(c.app),
      description: 'Left cheek',
      actionTaken: 'Arnica, cold compress',
    });
    expect(
      (await c.app.ok<AdverseEvent[]>('adverseEvents.listOpen', { patientId: c.patientId })).map(
        (e) => e.id,
      ),
    ).toEqual([event.id]);
    const early = await c.app.call('adverseEvents.resolve', {
      id: event.id,
      resolvedOn: '2000-01-01',
      outcome: 'Gone',
    });
    expect(!early.ok && early.error.fields?.resolvedOn).toMatch(/between the onset and today/);
    await c.app.ok('adverseEvents.resolve', {
      id: event.id,
      resolvedOn: today(c.app),
      outcome: 'Gone',
    });
    expect(await c.app.ok('adverseEvents.listOpen', { patientId: c.patientId })).toEqual([]);
    const again = await c.app.call('adverseEvents.resolve', {
      id: event.id,
      resolvedOn: today(c.app),
      outcome: 'Gone',
    });
    expect(again.ok).toBe(false);

    const timeline = await c.app.ok<TimelineEntry[]>('chart.timeline', { patientId: c.patientId });
    expect(timeline.map((e) => e.kind).sort()).toEqual(
      ['addendum', 'adverse-event', 'adverse-event-resolved', 'check', 'session'].sort(),
    );
    const read = await c.app.ok<TreatmentSession>('sessions.get', { id: session.id });
    expect(read.adverseEvents[0]?.resolvedOn).toBe(today(c.app));
  });
});

describe('lot recall', () => {
  it('finds exactly the sessions that used the lot, with contact details, as CSV too', async () => {
    const first = await signedSession(c); // VA-001 on the cheeks, HB-100 on the forehead
    const other = await c.app.ok<{ id: string }>('patients.create', {
      givenName: 'Zoë',
      familyName: 'Ångström',
      dateOfBirth: '1979-02-03',
      sex: 'female',
      phone: '+46 70 123 45 67',
      email: 'zoe@example.se',
      address: 'Storgatan 1, "Lund"',
      preferredLanguage: 'Svenska',
      emergencyContactName: '',
      emergencyContactPhone: '',
      referralSource: '',
    });
    insertScreening(c.app, other.id, c.practitionerId, [c.vitamins.id]);
    const second = await c.app.ok<TreatmentSession>('sessions.start', {
      patientId: other.id,
      courseId: null,
      plannedProductIds: [c.vitamins.id],
    });
    await c.app.ok('sessions.saveDraft', {
      id: second.id,
      ...completeDraft(c),
      areas: [{ area: 'neck', depthMm: 1 }],
      products: [{ area: 'neck', productId: c.vitamins.id, lotId: c.lots.vitA2.id, volumeMl: 2 }],
    });
    await c.app.ok('sessions.sign', { id: second.id });
    // A third patient never received VA-001.
    await register(c.app, { givenName: 'Дарья', familyName: 'Иванова', phone: '', email: '' });

    const recall = await c.app.ok<{
      rows: { sessionId: string; patientName: string; phone: string }[];
    }>('recall.search', { lotNumber: ' va-001 ' });
    expect(recall.rows.map((r) => r.sessionId)).toEqual([first.id]);
    expect(recall.rows[0]).toMatchObject({
      patientName: 'Şebnem Yılmaz',
      phone: '+90 532 123 45 67',
    });
    const va2 = await c.app.ok<{ rows: { sessionId: string }[] }>('recall.search', {
      lotNumber: 'VA-002',
    });
    expect(va2.rows.map((r) => r.sessionId)).toEqual([second.id]);

    const csv = await c.app.ok<{ fileName: string; csv: string }>('recall.export', {
      lotNumber: 'VA-002',
    });
    expect(csv.fileName).toMatch(/^recall-VA-002-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      'Zoë Ångström,+46 70 123 45 67,zoe@example.se,"Storgatan 1, ""Lund"""',
    );

    // The front desk does not run recalls.
    await signInAdmin(c.app);
    await c.app.ok('staff.create', {
      ...PRACTITIONER,
      username: 'rita.desk',
      role: 'receptionist',
    });
    await signInAs(c.app, 'rita.desk', PRACTITIONER.password);
    const denied = await c.app.call('recall.search', { lotNumber: 'VA-002' });
    expect(!denied.ok && denied.error.code).toBe('FORBIDDEN');
  });
});

import type { Queryable } from '../store/db';
import type { TimelineEntry } from '../../../shared/api/recall';
import { adverseEventsOfPatient } from '../adverse-events/adverse-events';

/**
 * One chronological list of what happened to a patient clinically: checks, sessions, addenda,
 * adverse events and follow-ups, newest first. Photos and documents join as they land.
 */
export async function patientTimeline(db: Queryable, patientId: string): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];

  const checks = await db
    .selectFrom('screening')
    .innerJoin('staff_user', 'staff_user.id', 'screening.performed_by')
    .select([
      'screening.id',
      'screening.performed_at',
      'screening.performed_on',
      'screening.outcome',
      'screening.status',
      'staff_user.display_name',
    ])
    .where('screening.patient_id', '=', patientId)
    .execute();
  for (const c of checks) {
    entries.push({
      kind: 'check',
      id: c.id,
      at: c.performed_at,
      date: c.performed_on,
      sessionId: null,
      staffName: c.display_name,
      facts: { outcome: c.outcome, status: c.status },
    });
  }

  const sessions = await db
    .selectFrom('treatment_session')
    .innerJoin('staff_user', 'staff_user.id', 'treatment_session.practitioner_id')
    .select([
      'treatment_session.id',
      'treatment_session.created_at',
      'treatment_session.performed_on',
      'treatment_session.status',
      'treatment_session.technique',
      'treatment_session.abandon_reason',
      'staff_user.display_name',
    ])
    .where('treatment_session.patient_id', '=', patientId)
    .execute();
  const areas = await db
    .selectFrom('session_area')
    .innerJoin('treatment_session', 'treatment_session.id', 'session_area.session_id')
    .select(['session_area.session_id', 'session_area.area'])
    .where('treatment_session.patient_id', '=', patientId)
    .orderBy('session_area.position')
    .execute();
  for (const s of sessions) {
    entries.push({
      kind: 'session',
      id: s.id,
      at: s.created_at,
      date: s.performed_on,
      sessionId: s.id,
      staffName: s.display_name,
      facts: {
        status: s.status,
        technique: s.technique ?? '',
        areas: areas
          .filter((a) => a.session_id === s.id)
          .map((a) => a.area)
          .join(','),
        // An abandoned draft stays on the timeline, with why it was not signed.
        ...(s.abandon_reason ? { reason: s.abandon_reason } : {}),
      },
    });
  }

  const addenda = await db
    .selectFrom('session_addendum')
    .innerJoin('treatment_session', 'treatment_session.id', 'session_addendum.session_id')
    .innerJoin('staff_user', 'staff_user.id', 'session_addendum.author_id')
    .select([
      'session_addendum.id',
      'session_addendum.session_id',
      'session_addendum.written_at',
      'session_addendum.text',
      'staff_user.display_name',
    ])
    .where('treatment_session.patient_id', '=', patientId)
    .execute();
  for (const a of addenda) {
    entries.push({
      kind: 'addendum',
      id: a.id,
      at: a.written_at,
      date: a.written_at.slice(0, 10),
      sessionId: a.session_id,
      staffName: a.display_name,
      facts: { text: a.text.length > 160 ? `${a.text.slice(0, 157)}...` : a.text },
    });
  }

  for (const e of await adverseEventsOfPatient(db, patientId, false)) {
    entries.push({
      kind: 'adverse-event',
      id: e.id,
      at: e.recordedAt,
      date: e.onsetOn,
      sessionId: e.sessionId,
      staffName: e.recordedByName,
      facts: { kind: e.kind, severity: e.severity, open: e.resolvedOn ? 'no' : 'yes' },
    });
    if (e.resolvedOn) {
      entries.push({
        kind: 'adverse-event-resolved',
        id: `${e.id}#resolved`,
        at: `${e.resolvedOn}T23:59:59.999Z`,
        date: e.resolvedOn,
        sessionId: e.sessionId,
        staffName: e.recordedByName,
        facts: { kind: e.kind, outcome: e.outcome ?? '' },
      });
    }
  }

  const followUps = await db
    .selectFrom('course_follow_up')
    .innerJoin('staff_user', 'staff_user.id', 'course_follow_up.recorded_by')
    .select([
      'course_follow_up.id',
      'course_follow_up.recorded_at',
      'course_follow_up.assessed_on',
      'course_follow_up.gais',
      'course_follow_up.satisfaction',
      'staff_user.display_name',
    ])
    .where('course_follow_up.patient_id', '=', patientId)
    .execute();
  for (const f of followUps) {
    entries.push({
      kind: 'follow-up',
      id: f.id,
      at: f.recorded_at,
      date: f.assessed_on,
      sessionId: null,
      staffName: f.display_name,
      facts: { gais: String(f.gais), satisfaction: String(f.satisfaction) },
    });
  }

  // By calendar day first (what the clinician reads), then by the instant within the day.
  return entries.sort((a, b) => b.date.localeCompare(a.date) || b.at.localeCompare(a.at));
}

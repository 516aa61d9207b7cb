import type { Queryable } from '../store/db';
import type { TodayEntry } from '../../../shared/api/appointments';
import type { Indication } from '../../../shared/sessions/treatment-terms';
import { procedureKindForIndication } from '../../../shared/api/documents';
import { consentValidity } from '../documents/consent';
import { localDate } from '../core/local-date';
import { courseSessions } from '../courses/courses';
import { listAppointments } from './appointments';

/**
 * The day's visits in time order with what each patient still needs: reception takes the
 * history on the tablet (it is confirmed at every visit, so one not taken today is "to update"),
 * and the consent for the course's procedure kind must be signed before treatment starts.
 * A practitioner sees only their own visits. Cancelled and missed visits are listed too, with
 * their reason, so the desk knows who is not coming and why; the screen sets them apart.
 */
export async function todayList(
  db: Queryable,
  dataDir: string,
  day: string,
  onlyPractitionerId: string | null,
): Promise<TodayEntry[]> {
  const appointments = await listAppointments(db, {
    from: day,
    to: day,
    ...(onlyPractitionerId ? { practitionerId: onlyPractitionerId } : {}),
  });
  const entries: TodayEntry[] = [];
  for (const appointment of appointments) {
    const newest = await db
      .selectFrom('medical_history_version')
      .select('recorded_at')
      .where('patient_id', '=', appointment.patientId)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const history = !newest
      ? 'missing'
      : localDate(new Date(newest.recorded_at)) < day
        ? 'to-update'
        : 'current';
    const course = appointment.courseId
      ? await db
          .selectFrom('treatment_course')
          .selectAll()
          .where('id', '=', appointment.courseId)
          .executeTakeFirst()
      : undefined;
    // PRP is known only from the session's products; before the session the indication decides.
    const kind = procedureKindForIndication((course?.indication ?? 'other') as Indication, false);
    const validity = (await consentValidity(db, dataDir, appointment.patientId, kind)).find(
      (v) => v.procedureKind === kind,
    );
    // Started from the check and left for a moment: the row leads back to it, not to a new check.
    const draft = await db
      .selectFrom('treatment_session')
      .select('id')
      .where('patient_id', '=', appointment.patientId)
      .where('performed_on', '=', day)
      .where('status', '=', 'draft')
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    entries.push({
      appointment,
      history,
      consent: validity?.state ?? 'none',
      course: course
        ? {
            // Done means signed: the session of a visit in treatment counts once it is signed.
            logged: (await courseSessions(db, course)).filter((x) => x.status === 'signed').length,
            planned: course.planned_sessions,
          }
        : null,
      sessionId: draft?.id ?? null,
    });
  }
  return entries;
}

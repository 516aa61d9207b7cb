import type { Queryable } from '../store/db';
import type { AppointmentStatus } from '../../../shared/appointments/diary-rules';
import { addDaysToDate } from '../../../shared/appointments/diary-time';

/**
 * The day's visit follows the session the practitioner runs for it, so the front desk's Today
 * list and the diary say who is in treatment and who is done without anyone setting it by hand:
 * starting a session moves the patient's earliest open visit of that day to "in treatment" (from
 * booked too: a patient being treated has arrived, whether or not the desk marked it), and
 * signing the session moves the visit in treatment to "done". It runs inside the session's own
 * operation, so that operation's audit event (naming the patient) and its change announcement
 * cover the visit too. A day without a visit (a walk-in) changes nothing.
 */
export async function visitFollowsSession(
  db: Queryable,
  patientId: string,
  day: string,
  step: 'started' | 'signed',
  now: Date,
): Promise<void> {
  const from: AppointmentStatus[] = step === 'started' ? ['booked', 'arrived'] : ['in-treatment'];
  const visit = await db
    .selectFrom('appointment')
    .select('id')
    .where('patient_id', '=', patientId)
    .where('starts_at', '>=', `${day}T00:00`)
    .where('starts_at', '<', `${addDaysToDate(day, 1)}T00:00`)
    .where('status', 'in', from)
    .orderBy('starts_at')
    .executeTakeFirst();
  if (!visit) return;
  await db
    .updateTable('appointment')
    .set({
      status: step === 'started' ? 'in-treatment' : 'done',
      updated_at: now.toISOString(),
    })
    .where('id', '=', visit.id)
    .execute();
}

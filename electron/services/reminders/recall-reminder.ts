import type { Queryable } from '../store/db';
import { AppError } from '../core/errors';
import { requireCourse } from '../courses/courses';
import { addressFor, consentedChannels, insertReminder, type Channel } from './reminder-queue';

/**
 * A reminder that a course's next session is due, queued at once. Refused, with nothing written,
 * when the patient has not consented to the channel or has no address on it: the front desk
 * then sees why and calls instead.
 */
export async function queueRecallReminder(
  db: Queryable,
  input: { courseId: string; channel: Channel },
  now: Date,
): Promise<string> {
  const course = await requireCourse(db, input.courseId);
  if (course.status !== 'active') {
    const text = { key: 'errors.appointments.courseClosed' } as const;
    throw new AppError('CONFLICT', text, { fields: { courseId: text } });
  }
  const patient = await db
    .selectFrom('patient')
    .select(['email', 'phone'])
    .where('id', '=', course.patient_id)
    .executeTakeFirstOrThrow();
  const consents = await consentedChannels(db, [course.patient_id]);
  const address = addressFor(input.channel, patient, consents.get(course.patient_id) ?? new Set());
  if ('skip' in address) {
    throw new AppError('CONFLICT', address.skipText, { fields: { channel: address.skipText } });
  }
  return insertReminder(
    db,
    {
      patientId: course.patient_id,
      appointmentId: null,
      courseId: course.id,
      kind: 'recall',
      channel: input.channel,
      startsAt: null,
      status: 'queued',
      dueAt: now.toISOString(),
      recipient: address.recipient,
      detail: null,
    },
    now,
  );
}

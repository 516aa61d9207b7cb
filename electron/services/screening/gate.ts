import type { Queryable } from '../store/db';
import type { ScreeningRow } from '../store/schema';
import type { Selectable } from 'kysely';
import { AppError } from '../core/errors';

/**
 * The service-layer gate before any treatment session: the patient must have a check completed
 * today by a practitioner, which passed or was overridden with a reason, and which covered every
 * product now planned. The UI asks the same, but this is what makes it hold.
 */
export async function requirePassedScreening(
  db: Queryable,
  patientId: string,
  today: string,
  plannedProductIds: readonly string[],
): Promise<Selectable<ScreeningRow>> {
  const latest = await db
    .selectFrom('screening')
    .innerJoin('staff_user', 'staff_user.id', 'screening.performed_by')
    .selectAll('screening')
    .select('staff_user.role as performer_role')
    .where('screening.patient_id', '=', patientId)
    .where('screening.performed_on', '=', today)
    .orderBy('screening.seq', 'desc')
    .executeTakeFirst();
  if (!latest) {
    throw new AppError('CONFLICT', 'Run the pre-procedure check for this patient today first');
  }
  if (latest.performer_role !== 'practitioner') {
    throw new AppError('FORBIDDEN', 'The pre-procedure check must be completed by a practitioner');
  }
  if (latest.status === 'stopped') {
    throw new AppError(
      'CONFLICT',
      "Today's check found a reason not to treat and it was not overridden; no session can start",
    );
  }
  const covered = new Set(JSON.parse(latest.planned_product_ids) as string[]);
  const uncovered = plannedProductIds.filter((id) => !covered.has(id));
  if (uncovered.length > 0) {
    throw new AppError(
      'CONFLICT',
      'The planned products changed since the check; run the check again with the new products',
    );
  }
  const { performer_role: _role, ...row } = latest;
  return row;
}

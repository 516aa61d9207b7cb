import type { DocumentWork } from './consent';
import type { AftercareDocumentData } from '../../../shared/documents/document-data';
import { cautionsFromFindings } from '../../../shared/documents/aftercare-cautions';
import type { TreatmentArea } from '../../../shared/sessions/treatment-terms';

type Db = DocumentWork['db'];

/**
 * What makes the sheet fit this treatment: the area codes treated (choosing the instructions)
 * and the cautions the session's own check raised (bruising risk with a blood thinner, ...).
 */
export async function aftercareFit(
  db: Db,
  session: { id: string; screening_id: string },
): Promise<Pick<AftercareDocumentData, 'treatedAreas' | 'cautions'>> {
  const areas = await db
    .selectFrom('session_area')
    .select('area')
    .where('session_id', '=', session.id)
    .orderBy('position')
    .execute();
  const check = await db
    .selectFrom('screening')
    .select('findings')
    .where('id', '=', session.screening_id)
    .executeTakeFirst();
  const findings = check
    ? (JSON.parse(check.findings) as { ruleId: string; severity: string }[])
    : [];
  return {
    treatedAreas: [...new Set(areas.map((a) => a.area as TreatmentArea))],
    cautions: cautionsFromFindings(findings),
  };
}

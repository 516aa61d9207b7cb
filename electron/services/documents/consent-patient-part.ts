import type { Queryable } from '../store/db';
import type { ConsentDocumentData } from '../../../shared/documents/document-data';

/** The patient's part of a consent, given on the tablet before its practitioner signs. */
export interface PatientPart {
  png: Buffer;
  choices: NonNullable<ConsentDocumentData['choices']>;
  signedAt: string;
}

export async function patientPartOf(
  db: Queryable,
  documentId: string,
): Promise<PatientPart | undefined> {
  const row = await db
    .selectFrom('consent_patient_part')
    .select(['image_png', 'choices', 'signed_at'])
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    png: row.image_png,
    choices: JSON.parse(row.choices) as PatientPart['choices'],
    signedAt: row.signed_at,
  };
}

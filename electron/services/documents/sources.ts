import { personName, type NameOrder } from '../../../shared/patients/person-name';
import type { Queryable } from '../store/db';
import type {
  ClinicInfo,
  DocumentMeta,
  PageSize,
  PatientInfo,
  PractitionerInfo,
} from '../../../shared/documents/document-data';
import { requireSettings } from '../clinic/clinic-settings';
import { findPatientRow } from '../patients/patients';
import { findStaffById } from '../staff/staff';
import { AppError } from '../core/errors';

/**
 * Gathers what every document prints about the clinic, the patient and the practitioner, so the
 * PDF engine stays free of the database.
 */
export async function clinicInfo(db: Queryable): Promise<ClinicInfo> {
  const { clinic } = await requireSettings(db);
  return {
    name: clinic.name,
    address: clinic.address,
    phone: clinic.phone,
    email: clinic.email,
    logoDataUrl: clinic.logo,
  };
}

export async function patientInfo(db: Queryable, patientId: string): Promise<PatientInfo> {
  const row = await findPatientRow(db, patientId);
  return {
    fullName: personName({
      givenName: row.given_name,
      familyName: row.family_name,
      nameOrder: row.name_order as NameOrder | null,
      preferredLanguage: row.preferred_language,
    }),
    dateOfBirth: row.date_of_birth,
    clinicNumber: row.clinic_number,
    preferredLanguage: row.preferred_language,
  };
}

/** Practitioners and admins (a clinic's doctor is often its admin) may sign as practitioner. */
export async function practitionerInfo(db: Queryable, staffId: string): Promise<PractitionerInfo> {
  const row = await findStaffById(db, staffId);
  if (!row || row.active !== 1 || (row.role !== 'practitioner' && row.role !== 'admin')) {
    const text = { key: 'errors.staff.chooseActivePractitioner' } as const;
    throw new AppError('VALIDATION', text, { fields: { practitionerId: text } });
  }
  return row.licence_number
    ? { fullName: row.display_name, licenceNumber: row.licence_number }
    : { fullName: row.display_name };
}

export async function practitionerOptions(
  db: Queryable,
): Promise<{ id: string; displayName: string }[]> {
  const rows = await db
    .selectFrom('staff_user')
    .select(['id', 'display_name', 'role'])
    .where('active', '=', 1)
    .where('role', 'in', ['practitioner', 'admin'])
    .orderBy('display_name')
    .execute();
  // Practitioners first: they are the usual signers; admins follow for one-doctor clinics.
  return [
    ...rows.filter((r) => r.role === 'practitioner'),
    ...rows.filter((r) => r.role !== 'practitioner'),
  ].map((r) => ({ id: r.id, displayName: r.display_name }));
}

/**
 * Dates print in the template's language; English follows the paper: US Letter clinics read
 * month-first dates, A4 clinics day-first.
 */
export function documentLocale(language: string, pageSize: PageSize): string {
  if (language === 'en') return pageSize === 'LETTER' ? 'en-US' : 'en-GB';
  return language;
}

export function documentMeta(
  documentId: string,
  generatedAt: Date,
  language: string,
  pageSize: PageSize,
): DocumentMeta {
  return {
    documentId,
    generatedAt: generatedAt.toISOString(),
    locale: documentLocale(language, pageSize),
    pageSize,
  };
}

import type {
  AftercareDocumentData,
  ConsentDocumentData,
  DocumentMeta,
  NextAppointment,
  ProductInfo,
} from '../../../../shared/documents/document-data';
import type { PlaceholderName } from '../../../../shared/documents/placeholders';
import { procedureKindNames } from '../../../../shared/documents/procedure-kinds';
import { formatDate, formatDateTime, formatInstantDate } from './format-date';

export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

export function describeProducts(products: readonly ProductInfo[]): string {
  if (products.length === 0) return 'as discussed with the practitioner';
  return products
    .map((p) => (p.ingredients.length > 0 ? `${p.name} (${p.ingredients.join(', ')})` : p.name))
    .join('; ');
}

export function listIngredients(products: readonly ProductInfo[]): string {
  return [...new Set(products.flatMap((p) => p.ingredients))].join(', ');
}

export function describeNextAppointment(
  next: NextAppointment | null,
  meta: Pick<DocumentMeta, 'locale' | 'timeZone'>,
): string {
  if (next === null) return 'as agreed with the clinic';
  switch (next.kind) {
    case 'appointment':
      return formatDateTime(next.at, meta.locale, meta.timeZone);
    case 'due':
      return `due around ${formatDate(next.date, meta.locale)}`;
  }
}

function commonValues(
  data: ConsentDocumentData | AftercareDocumentData,
  practitionerName: string,
  products: readonly ProductInfo[],
): PlaceholderValues {
  const { meta, clinic, patient } = data;
  return {
    'patient.fullName': patient.fullName,
    'patient.dateOfBirth': formatDate(patient.dateOfBirth, meta.locale),
    'patient.clinicNumber': patient.clinicNumber,
    'practitioner.fullName': practitionerName,
    'clinic.name': clinic.name,
    'clinic.address': clinic.address.replace(/\s*\n\s*/g, ', '),
    'clinic.phone': clinic.phone,
    'clinic.email': clinic.email,
    'procedure.name': procedureKindNames[data.procedureKind],
    products: describeProducts(products),
    ingredients: listIngredients(products),
    'document.date': formatInstantDate(meta.generatedAt, meta.locale, meta.timeZone),
  };
}

export function consentPlaceholderValues(data: ConsentDocumentData): PlaceholderValues {
  return {
    ...commonValues(data, data.practitioner.fullName, data.products),
    'sessions.planned': String(data.sessions.planned),
    'sessions.intervalDays': String(data.sessions.intervalDays),
  };
}

export function aftercarePlaceholderValues(data: AftercareDocumentData): PlaceholderValues {
  const { session, meta } = data;
  return {
    ...commonValues(data, session.practitioner.fullName, session.products),
    ...(data.sessions
      ? {
          'sessions.planned': String(data.sessions.planned),
          'sessions.intervalDays': String(data.sessions.intervalDays),
        }
      : {}),
    'session.date': formatDate(session.date, meta.locale),
    'session.areas': session.areas.join(', '),
    'session.technique': session.technique,
    nextAppointment: describeNextAppointment(session.nextAppointment, meta),
  };
}

import type {
  AftercareDocumentData,
  ConsentDocumentData,
  DocumentMeta,
  NextAppointment,
  ProductInfo,
} from '../../../../shared/documents/document-data';
import type { PlaceholderName } from '../../../../shared/documents/placeholders';
import { fillWords, wordingFor } from '../../../../shared/documents/wording';
import { isRightToLeftLanguage } from '../../../../shared/documents/languages';
import { formatDate, formatDateTime, formatInstantDate } from './format-date';

export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

export function describeProducts(products: readonly ProductInfo[], language = 'en'): string {
  const w = wordingFor(language);
  if (products.length === 0) return w.phrases.productsAsDiscussed;
  return products
    .map((p) => (p.ingredients.length > 0 ? `${p.name} (${p.ingredients.join(', ')})` : p.name))
    .join('; ');
}

/** Ingredients are written as the catalogue has them, so their list keeps its own commas. */
export function listIngredients(products: readonly ProductInfo[]): string {
  return [...new Set(products.flatMap((p) => p.ingredients))].join(', ');
}

export function describeNextAppointment(
  next: NextAppointment | null,
  meta: Pick<DocumentMeta, 'locale' | 'timeZone'>,
  language = 'en',
): string {
  const w = wordingFor(language);
  if (next === null) return w.phrases.nextAsAgreed;
  switch (next.kind) {
    case 'appointment':
      return formatDateTime(next.at, meta.locale, meta.timeZone);
    case 'due':
      return fillWords(w.phrases.dueAround, { date: formatDate(next.date, meta.locale) });
  }
}

/**
 * A value of digits and spaces (a phone number) inside right-to-left text would have its groups
 * reversed by the bidirectional algorithm; an isolate keeps it as written.
 */
export function isolated(value: string, language: string): string {
  return value !== '' && isRightToLeftLanguage(language) ? `\u2066${value}\u2069` : value;
}

function commonValues(
  data: ConsentDocumentData | AftercareDocumentData,
  practitionerName: string,
  products: readonly ProductInfo[],
  language: string,
): PlaceholderValues {
  const { meta, clinic, patient } = data;
  return {
    'patient.fullName': patient.fullName,
    'patient.dateOfBirth': formatDate(patient.dateOfBirth, meta.locale),
    'patient.clinicNumber': patient.clinicNumber,
    'practitioner.fullName': practitionerName,
    'clinic.name': clinic.name,
    'clinic.address': clinic.address.replace(/\s*\n\s*/g, ', '),
    'clinic.phone': isolated(clinic.phone, language),
    'clinic.email': clinic.email,
    'procedure.name': wordingFor(language).procedureKinds[data.procedureKind],
    products: describeProducts(products, language),
    ingredients: listIngredients(products),
    'document.date': formatInstantDate(meta.generatedAt, meta.locale, meta.timeZone),
  };
}

/** The values in the template's language: a Turkish form names the procedure in Turkish. */
export function consentPlaceholderValues(
  data: ConsentDocumentData,
  language = 'en',
): PlaceholderValues {
  return {
    ...commonValues(data, data.practitioner.fullName, data.products, language),
    'sessions.planned': String(data.sessions.planned),
    'sessions.intervalDays': String(data.sessions.intervalDays),
  };
}

export function aftercarePlaceholderValues(
  data: AftercareDocumentData,
  language = 'en',
): PlaceholderValues {
  const { session, meta } = data;
  return {
    ...commonValues(data, session.practitioner.fullName, session.products, language),
    ...(data.sessions
      ? {
          'sessions.planned': String(data.sessions.planned),
          'sessions.intervalDays': String(data.sessions.intervalDays),
        }
      : {}),
    'session.date': formatDate(session.date, meta.locale),
    'session.areas': treatedAreaNames(data, language),
    'session.technique': session.technique,
    nextAppointment: describeNextAppointment(session.nextAppointment, meta, language),
  };
}

/**
 * The areas treated, named in the document's language. The area ids are kept with the session;
 * a sheet archived before they were has only the English names, printed as they were.
 */
export function treatedAreaNames(
  data: Pick<AftercareDocumentData, 'treatedAreas' | 'session'>,
  language: string,
): string {
  const w = wordingFor(language);
  return data.treatedAreas
    ? data.treatedAreas.map((a) => w.areas[a]).join(w.listSeparator)
    : data.session.areas.join(', ');
}

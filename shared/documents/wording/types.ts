import type { ProcedureKind } from '../procedure-kinds';
import type { ItemDuration } from '../template-schema';
import type { Technique, TreatmentArea } from '../../sessions/treatment-terms';

/** Plural forms by the categories of Intl.PluralRules; `other` is always given. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The fixed words of a printed document (labels, table headers, footers) in one language. The
 * template text a clinic edits lives in its templates; these are the words around it, so that a
 * Turkish consent has Turkish labels as well as a Turkish body.
 */
export interface DocumentWording {
  procedureKinds: Record<ProcedureKind, string>;
  areas: Record<TreatmentArea, string>;
  techniques: Record<Technique, string>;
  /** "hours", "days", "weeks" by plural form. */
  units: Record<ItemDuration['unit'], PluralForms>;
  /** A range of a duration: "{min}–{max} {unit}"; the unit agrees with `max`. */
  range: string;
  /** The separator of a list of areas or ingredients. */
  listSeparator: string;
  /** A witness's capacity, recorded in English ('Receptionist'), as printed in this language. */
  capacities: Record<string, string>;
  labels: {
    patient: string;
    dateOfBirth: string;
    clinicNumber: string;
    date: string;
    treatmentDate: string;
    treatedOn: string;
    practitioner: string;
    course: string;
    /** "{n} sessions" */
    sessionCount: PluralForms;
    areas: string;
    technique: string;
    product: string;
    ingredients: string;
    lot: string;
    expiry: string;
    volume: string;
    signature: string;
    /** "Name: {name}" */
    signedName: string;
    /** "Date: {date}" */
    signedDate: string;
    /** "Witness ({capacity})" */
    witness: string;
    initials: string;
    agree: string;
    disagree: string;
    ownCautions: string;
    nextDays: string;
    nextAppointment: string;
    /** "Questions? {clinic}" */
    questions: string;
    /** "Tel. {phone}" */
    phone: string;
    /** "Page {page} of {pages} · Document {id} · {date}" */
    footer: string;
    /** "Reg. no. {number}" */
    registration: string;
  };
  phrases: {
    productsAsDiscussed: string;
    nextAsAgreed: string;
    /** "due around {date}" */
    dueAround: string;
    /** "Signed after the treatment date: signed on {signed}, the treatment date was {treatment}." */
    signedLate: string;
    /** PDF metadata subjects: "Consent form: {procedure}" */
    consentSubject: string;
    aftercareSubject: string;
  };
}

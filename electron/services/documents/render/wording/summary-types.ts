import type { AdverseEventKind, Severity } from '../../../../../shared/api/adverse-events';
import type { FindingSeverity } from '../../../../../shared/documents/document-data';
import type { PluralForms } from '../../../../../shared/documents/wording';
import type { Anaesthesia } from '../../../../../shared/sessions/treatment-terms';

/**
 * The fixed words of the session summary in one language. The summary has no template the
 * clinic edits: these words are its template, checked like one (the same placeholders as the
 * English in every language, nothing left empty; summary-wording.ts).
 */
export interface SummaryWording {
  title: string;
  /** PDF metadata: "Session summary: {procedure}" */
  subject: string;
  ageAndSex: string;
  /** "{age} · {sex}", the age counted by `years`. */
  ageAndSexValue: string;
  years: PluralForms;
  sexes: Record<'female' | 'male' | 'other' | 'not-stated', string>;
  sessionDate: string;
  /** "{sessions}, every {interval}" */
  courseValue: string;
  alerts: string;
  noneRecorded: string;
  alertTexts: {
    /** "Allergy: {detail}" */
    allergy: string;
    pregnancy: string;
    breastfeeding: string;
    coagulation: string;
    epilepsy: string;
    /** "Blood thinner: {line} ({generics})" */
    bloodThinner: string;
    /** "Open adverse event: {kind} ({severity}) since {date}" */
    openEvent: string;
    /** "Do not treat on {date}: {finding}" */
    stopped: string;
    seeTheCheck: string;
  };
  eventKinds: Record<AdverseEventKind, string>;
  eventSeverities: Record<Severity, string>;
  treatment: string;
  depth: string;
  /** "{depth} mm" */
  depthValue: string;
  needle: string;
  anaesthesia: string;
  anaesthesiaKinds: Record<Anaesthesia, string>;
  immediateReactions: string;
  productsAndLots: string;
  noProducts: string;
  /** The syringes as prepared and how each was spread over the areas. */
  syringes: string;
  /** "Syringe {n}" */
  syringe: string;
  area: string;
  totalVolume: string;
  totalDrawn: string;
  totalGiven: string;
  /** "Pre-procedure check: {outcome}" */
  check: string;
  severities: Record<FindingSeverity, string>;
  finding: string;
  severity: string;
  detail: string;
  acknowledged: string;
  overridden: string;
  noFindings: string;
  overrides: string;
  reason: string;
  by: string;
  notes: string;
  /** "Signed by {name}, {when}" */
  signedBy: string;
  notSigned: string;
  addenda: string;
  unknownPerson: string;
}

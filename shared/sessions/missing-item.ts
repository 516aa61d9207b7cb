import type { ErrorText } from '../api/result';
import type { TreatmentArea } from './treatment-terms';

/** What a session note lacks before it can be signed, at its field in the session form. */
export interface MissingItem {
  /** Field path in the session form, so the form can mark it. */
  field: string;
  /** What is missing, as the refusal catalogue words it (errors.sessions.missing.*). */
  text: ErrorText;
}

type Missing =
  | 'areas'
  | 'depth'
  | 'technique'
  | 'needleGauge'
  | 'needleLength'
  | 'anaesthesia'
  | 'passesOrPoints'
  | 'products'
  | 'lineVolume'
  | 'lineArea'
  | 'productForArea'
  | 'immediateReactions'
  | 'syringeTotal'
  | 'syringeProduct'
  | 'syringeAreas'
  | 'syringeAreaVolume'
  | 'syringeAreaUntreated';

/**
 * One missing item. An area goes as its code: the catalogue words it in each language
 * (errors.sessions.area.*), so the screens and the service's English say the same thing.
 */
export function missingItem(
  field: string,
  what: Missing,
  params?: { area?: TreatmentArea; line?: number; syringe?: number; product?: number },
): MissingItem {
  const key = `errors.sessions.missing.${what}`;
  return { field, text: params ? { key, params } : { key } };
}

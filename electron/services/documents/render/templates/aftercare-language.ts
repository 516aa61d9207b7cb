import type { TemplateSection } from '../../../../../shared/documents/template-schema';

/** The item ids of the built-in sheet; their durations, areas and cautions are the same in every language. */
export type AftercareItemId =
  | 'no-washing'
  | 'scalp-washing'
  | 'no-make-up'
  | 'no-exercise'
  | 'no-sun'
  | 'no-heat'
  | 'no-alcohol'
  | 'no-other-treatments'
  | 'drink-water'
  | 'caution-bruising'
  | 'caution-alcohol'
  | 'caution-cold-sore'
  | 'caution-keloid'
  | 'caution-infection'
  | 'caution-isotretinoin';

/** One language's wording of the built-in aftercare sheet. */
export interface AftercareLanguage {
  title: string;
  /** intro, what-is-normal, when-to-call, emergency: in that order. */
  sections: TemplateSection[];
  items: Record<AftercareItemId, string>;
}

/**
 * Shapes of the drug and supplement reference. Kept apart from the data so the matcher, the
 * screening rules and the UI can share the types without pulling the (long) tables along.
 */

export const drugClasses = [
  'vitamin-k-antagonist',
  'direct-oral-anticoagulant',
  'heparin',
  'antiplatelet',
  'nsaid',
  'ssri-snri',
  'supplement',
  'not-blood-thinner',
] as const;

export type DrugClass = (typeof drugClasses)[number];

/** Classes that raise bleeding or bruising risk; everything else is informational. */
export const riskClasses: readonly DrugClass[] = [
  'vitamin-k-antagonist',
  'direct-oral-anticoagulant',
  'heparin',
  'antiplatelet',
  'nsaid',
  'ssri-snri',
  'supplement',
];

export function isRiskClass(drugClass: DrugClass): boolean {
  return drugClass !== 'not-blood-thinner';
}

export interface DrugEntry {
  /** Stable id (kebab-case), also used by tests and by stored classifications. */
  readonly id: string;
  /** What the practitioner reads: the generic name, or the components of a combination. */
  readonly generic: string;
  readonly drugClass: DrugClass;
  /** Usually obtained on prescription. An entry may be both prescribed and OTC (aspirin). */
  readonly usuallyPrescribed: boolean;
  readonly overTheCounter: boolean;
  /** Generic names, brand names and label synonyms, as written on packs (any case). */
  readonly names: readonly string[];
  /** Active ingredients of a combination product, for the explanation. */
  readonly contains?: readonly string[];
  /** Aspirin or an aspirin combination: decides the prescribed-or-self-medicated wording. */
  readonly containsAspirin?: boolean;
  /** COX-2 selective NSAIDs barely affect platelets, so the clinic may rate them lower. */
  readonly cox2Selective?: boolean;
  /**
   * Food or drink forms of a supplement (ginger ale, green tea). They are not flagged unless the
   * line also reads like a supplement (capsules, extract, mg), then the supplement with this id is.
   */
  readonly supplementId?: string;
  /** Markers such as "aspirin-free": the line's aspirin matches are discarded. */
  readonly excludesAspirin?: boolean;
  /** Extra context for the practitioner (for example "topical", "withdrawn"). */
  readonly note?: string;
}

import type {
  AnaestheticAgent,
  AnaestheticFamily,
  AnaestheticPreparation,
} from './anaesthetic-reference';
import type { FindingValue } from './finding-wording';
import type { AllergenTag } from './screening-types';

/**
 * The shapes the substance check (substance-check.ts) and its anaesthetic findings
 * (substance-findings.ts) share, apart from both so neither file imports the other's types back.
 */

export const substanceSources = ['product', 'anaesthesia', 'addition'] as const;
export type SubstanceSource = (typeof substanceSources)[number];

export interface SubstanceLine {
  /**
   * Stable across autosaves (see substanceKey), so an override recorded for a line still applies
   * after the draft's lines are rewritten.
   */
  readonly key: string;
  readonly source: SubstanceSource;
  /** As the catalogue names it, or as chosen or typed in the anaesthesia or additions field. */
  readonly name: string;
  /** The catalogue's ingredient list, or what the practitioner typed; may be empty. */
  readonly ingredients: readonly string[];
  /** Catalogue allergen flags; only products have them. */
  readonly allergenFlags?: readonly AllergenTag[];
  /** The clinic preparation chosen from the list, when it was chosen rather than typed. */
  readonly preparationId?: string | null;
}

/** "Lidocaine", "a caine", "local anaesthetics", "PABA": what an allergy line says of anaesthetics. */
export interface AnaestheticAllergy {
  readonly source: string;
  /** The same, for the catalogue's wording (a ticked box in the reader's language). */
  readonly sourceValue: FindingValue;
  readonly agents: ReadonlyMap<string, AnaestheticAgent>;
  readonly families: ReadonlySet<AnaestheticFamily>;
  /** Every local anaesthetic: the ticked box, "local anaesthetics", "caines". */
  readonly any: boolean;
}

/** What a substance line contains, anaesthetics by agent and family, the rest for checkAllergies. */
export interface SubstanceReading {
  readonly line: SubstanceLine;
  readonly preparation: AnaestheticPreparation | null;
  readonly agents: ReadonlyMap<string, AnaestheticAgent>;
  /** A family shown by a name the clinic's list does not have (a brand), with that text. */
  readonly unnamedFamilies: ReadonlyMap<AnaestheticFamily, string>;
  /** Why the line contains a local anaesthetic nobody named; null when none or all are named. */
  readonly unspecified: string | null;
  /** The same, for the catalogue's wording. */
  readonly unspecifiedValue: FindingValue | null;
  /** Everything else, anaesthetic words removed, for the general allergy rules. */
  readonly otherIngredients: readonly string[];
}

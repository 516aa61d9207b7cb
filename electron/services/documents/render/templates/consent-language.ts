import type { ProcedureKind } from '../../../../../shared/documents/procedure-kinds';
import type { TemplateSection } from '../../../../../shared/documents/template-schema';
import type { ConsentSpecifics } from './consent-specifics';

/**
 * One language's built-in consent wording: what differs per procedure kind, and the sections
 * every form shares (each element of the clinical reference), filled with those specifics.
 */
export interface ConsentLanguage {
  /** The form's title; `{procedure}` is the procedure kind's name in this language. */
  title: string;
  specifics: Record<ProcedureKind, ConsentSpecifics>;
  sections: (specifics: ConsentSpecifics) => TemplateSection[];
}

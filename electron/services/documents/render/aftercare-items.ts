import type { AftercareDocumentData } from '../../../../shared/documents/document-data';
import type { AftercareTemplate } from '../../../../shared/documents/template-schema';
import type { RenderedTemplateText } from './render-template-text';

export interface AftercareItemsToPrint {
  /** Instructions for the areas treated. */
  general: string[];
  /** The patient's own cautions, raised by their check. */
  cautions: string[];
}

/**
 * Chooses the filled-in items that fit this treatment: an item naming areas prints only when one
 * of them was treated, a caution only when the check raised it. A sheet archived before areas
 * were recorded (no treatedAreas) prints every instruction, as it did then.
 */
export function aftercareItemsToPrint(
  template: AftercareTemplate,
  text: RenderedTemplateText,
  data: Pick<AftercareDocumentData, 'treatedAreas' | 'cautions'>,
): AftercareItemsToPrint {
  const treated = data.treatedAreas ? new Set(data.treatedAreas) : null;
  const raised = new Set(data.cautions ?? []);
  const out: AftercareItemsToPrint = { general: [], cautions: [] };
  template.items.forEach((item, i) => {
    const filled = text.items[i]?.text;
    if (filled === undefined) return;
    if (item.when !== undefined) {
      if (raised.has(item.when)) out.cautions.push(filled);
      return;
    }
    if (treated && item.areas && !item.areas.some((a) => treated.has(a))) return;
    out.general.push(filled);
  });
  return out;
}

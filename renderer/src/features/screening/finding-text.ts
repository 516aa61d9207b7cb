import i18n from 'i18next';
import type { ScreeningFinding } from '../../../../shared/screening/screening-types';

/**
 * A finding as the practitioner reads it: the catalogue's wording of its rule in the screens'
 * language, with the finding's values; the rule's English explanation where the catalogue has no
 * text for the rule yet (the English is the reference the translations follow).
 */
export function findingText(f: Pick<ScreeningFinding, 'ruleId' | 'explanation' | 'params'>) {
  const key = `findingRules.${f.ruleId}`;
  return i18n.exists(key) ? i18n.t(key, { ...f.params }) : f.explanation;
}

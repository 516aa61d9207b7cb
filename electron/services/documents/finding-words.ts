// The screens and the printed summary word a finding from the same catalogue, so a finding reads
// the same on the check screen and on paper. It lives with the renderer's i18n catalogues.
import en from '../../../renderer/src/i18n/en-findings.json' with { type: 'json' };
import fr from '../../../renderer/src/i18n/fr-findings.json' with { type: 'json' };
import tr from '../../../renderer/src/i18n/tr-findings.json' with { type: 'json' };
import ar from '../../../renderer/src/i18n/ar-findings.json' with { type: 'json' };
import type { ShippedLanguage } from '../../../shared/documents/languages';
import {
  catalogueLookup,
  wordFinding,
  type WordableFinding,
} from '../../../shared/screening/finding-wording';

const catalogues: Record<ShippedLanguage, unknown> = { en, fr, tr, ar };
const english = catalogueLookup(en);

/**
 * Words findings in a document's language: the catalogue's wording with the finding's values, or
 * the English recorded with the finding where the catalogue cannot word it as it was recorded.
 */
export function findingWords(language: string): (f: WordableFinding) => string {
  const own = catalogueLookup(catalogues[language as ShippedLanguage] ?? en);
  return (f) => wordFinding(f, own, english);
}

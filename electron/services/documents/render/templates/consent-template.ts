import type { ConsentTemplate } from '../../../../../shared/documents/template-schema';
import type { ProcedureKind } from '../../../../../shared/documents/procedure-kinds';
import type { ShippedLanguage } from '../../../../../shared/documents/languages';
import { fillWords, wordingFor } from '../../../../../shared/documents/wording';
import type { ConsentLanguage } from './consent-language';
import { consentAr } from './consent-ar';
import { consentEn } from './consent-en';
import { consentFr } from './consent-fr';
import { consentTr } from './consent-tr';

const consentLanguages: Record<ShippedLanguage, ConsentLanguage> = {
  en: consentEn,
  fr: consentFr,
  tr: consentTr,
  ar: consentAr,
};

/**
 * The default consent form for a procedure kind in one of the shipped languages. The wording
 * covering every element of the clinical reference is shared by the six forms of a language, so
 * a correction to it reaches all of them at once; every language says the same things.
 */
export function defaultConsentTemplate(
  kind: ProcedureKind,
  language: ShippedLanguage = 'en',
): ConsentTemplate {
  const wording = consentLanguages[language];
  return {
    kind: 'consent',
    procedureKind: kind,
    language,
    version: 1,
    title: fillWords(wording.title, { procedure: wordingFor(language).procedureKinds[kind] }),
    sections: wording.sections(wording.specifics[kind]),
  };
}

import { procedureKinds, type ProcedureKind } from '../../../../shared/documents/procedure-kinds';
import { shippedLanguages, type ShippedLanguage } from '../../../../shared/documents/languages';
import type {
  AftercareTemplate,
  ConsentTemplate,
  DocumentTemplate,
} from '../../../../shared/documents/template-schema';
import { defaultAftercareTemplate } from './templates/aftercare-template';
import { defaultConsentTemplate } from './templates/consent-template';

export function getDefaultConsentTemplate(
  kind: ProcedureKind,
  language: ShippedLanguage = 'en',
): ConsentTemplate {
  return defaultConsentTemplate(kind, language);
}

export function getDefaultAftercareTemplate(language: ShippedLanguage = 'en'): AftercareTemplate {
  return defaultAftercareTemplate(language);
}

/**
 * Every default, for seeding the template store: in each shipped language, one consent per
 * procedure kind and one aftercare sheet.
 */
export function getDefaultTemplates(): DocumentTemplate[] {
  return shippedLanguages.flatMap((language) => [
    ...procedureKinds.map((kind) => defaultConsentTemplate(kind, language)),
    defaultAftercareTemplate(language),
  ]);
}

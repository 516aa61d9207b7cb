import { procedureKinds, type ProcedureKind } from '../../../../shared/documents/procedure-kinds';
import type {
  AftercareTemplate,
  ConsentTemplate,
  DocumentTemplate,
} from '../../../../shared/documents/template-schema';
import { defaultAftercareTemplate } from './templates/aftercare-template';
import { defaultConsentTemplate } from './templates/consent-template';

export function getDefaultConsentTemplate(kind: ProcedureKind): ConsentTemplate {
  return defaultConsentTemplate(kind);
}

export function getDefaultAftercareTemplate(): AftercareTemplate {
  return defaultAftercareTemplate();
}

/** Every default, for seeding the template store: one consent per procedure kind, one aftercare. */
export function getDefaultTemplates(): DocumentTemplate[] {
  return [...procedureKinds.map(defaultConsentTemplate), defaultAftercareTemplate()];
}

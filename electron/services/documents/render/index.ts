export {
  getDefaultAftercareTemplate,
  getDefaultConsentTemplate,
  getDefaultTemplates,
} from './default-templates';
export { DocumentGenerationError, TemplateValidationError } from './document-errors';
export type { DocumentFailureStage } from './document-errors';
export { renderAftercarePdf } from './render-aftercare-pdf';
export { renderConsentPdf } from './render-consent-pdf';
export type { RenderOptions, RenderedDocument } from './render-consent-pdf';
export { renderSessionSummaryPdf } from './render-session-summary-pdf';
export { renderTemplateText } from './render-template-text';
export type { RenderedTemplateText } from './render-template-text';
export { aftercarePlaceholderValues, consentPlaceholderValues } from './placeholder-values';
export type { PlaceholderValues } from './placeholder-values';
export { resolveResourcesDir } from './resources-dir';
export { validateTemplate } from './validate-template';
export { writeDocumentAtomically } from './write-document';
export type { ArchivedDocument } from './write-document';
export { renderRecoverySheetPdf } from './render-recovery-sheet-pdf';
export type { RecoverySheetData } from './render-recovery-sheet-pdf';

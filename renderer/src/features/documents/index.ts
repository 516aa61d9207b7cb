export { ConsentPrompt } from './ConsentPrompt';
export { DocumentsTab } from './DocumentsTab';
export { PrintAftercareButton } from './PrintAftercareButton';
export { TabletConsentScreen } from './TabletConsentScreen';
export { TemplatesPanel } from './TemplatesPanel';
export { useConsentNeed, type ConsentNeed } from './queries';
export { useSessionDocument, type SessionDocumentKind } from './use-session-documents';

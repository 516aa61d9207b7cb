export { SessionDocumentsPanel } from './SessionDocumentsPanel';
export { SessionPage } from './SessionPage';
export { StartSession } from './StartSession';
export { sessionsKeys } from './queries';
export { OpenDraftNotice } from './OpenDraftNotice';
export { SessionStatusBadge } from './SessionStatusBadge';

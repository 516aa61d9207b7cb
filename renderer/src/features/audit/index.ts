export { AuditPage } from './AuditPage';
export { StartupCheckNotice } from './StartupCheck';

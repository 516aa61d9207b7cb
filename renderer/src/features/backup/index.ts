export { BackupPanel } from './BackupPanel';
export { RestorePanel } from './RestorePanel';

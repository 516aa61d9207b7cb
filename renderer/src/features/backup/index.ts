export { BackupPanel } from './BackupPanel';

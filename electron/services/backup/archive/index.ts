export { BackupError, type BackupRefusal } from './backup-error';
export {
  createBackup,
  pruneBackups,
  sweepBackupSnapshots,
  MIN_PASSPHRASE_LENGTH,
  type BackupProgress,
  type BackupResult,
  type CreateBackupOptions,
} from './create-backup';
export { DEFAULT_KDF, type KdfParams } from './encrypted-file';
export { BACKUP_NAME } from './backup-paths';

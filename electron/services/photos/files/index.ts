export type { ImportedPhoto } from './import-photo';
export { importPhoto } from './import-photo';
export type { PhotoRefusalReason } from './photo-error';
export { PhotoError } from './photo-error';
export type { PhotoImportOptions } from './photo-options';
export {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_PIXELS,
  DEFAULT_PREVIEW_SIZE,
  DEFAULT_THUMBNAIL_SIZE,
} from './photo-options';
export type { PhotoFiles } from './photo-store';
export { photoLocation } from './photo-store';
export type { PhotoFormat } from './detect-format';
export { heifSupport } from './detect-format';
export { removeStaleTempFiles } from './stale-temp-files';
export type { PhotoStorage } from './photo-storage';
export { plainPhotoStorage } from './photo-storage';

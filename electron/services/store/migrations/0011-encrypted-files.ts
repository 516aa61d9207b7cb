/**
 * Photos, derived images and archived PDFs are encrypted at rest and named by a keyed hash of
 * their content, so the paths a photo or document row records change when its plain files are
 * encrypted (an upgraded clinic) or sealed again under another clinic's key (a restored backup).
 * What a row is stays frozen: a photo's SHA-256, size and owner, a signed document's hash, size
 * and render data. Its files may only move to an encrypted name ('.enc'), and every read checks
 * them (GCM authentication bound to the name; a document's plain SHA-256 against the row).
 */
export const encryptedFiles = `
DROP TRIGGER photo_identity_fixed;
CREATE TRIGGER photo_identity_fixed BEFORE UPDATE OF id, patient_id, sha256, input_sha256, width,
  height, byte_size, camera_model, source, imported_at, imported_by ON photo
BEGIN
  SELECT RAISE(ABORT, 'a photo''s file and owner never change');
END;
DROP TRIGGER IF EXISTS photo_files_encrypted_only;
CREATE TRIGGER photo_files_encrypted_only BEFORE UPDATE OF original_path, thumbnail_path,
  preview_path ON photo
WHEN NOT (NEW.original_path LIKE '%.enc' AND NEW.thumbnail_path LIKE '%.enc'
  AND NEW.preview_path LIKE '%.enc')
BEGIN
  SELECT RAISE(ABORT, 'a photo''s files only ever move into encrypted storage');
END;

DROP TRIGGER document_signed_file_frozen;
CREATE TRIGGER document_signed_file_frozen BEFORE UPDATE ON document
WHEN OLD.status <> 'generated' AND (NEW.sha256 IS NOT OLD.sha256
  OR (NEW.file_path IS NOT OLD.file_path AND NEW.file_path NOT LIKE '%.enc')
  OR NEW.size IS NOT OLD.size
  OR NEW.page_count IS NOT OLD.page_count OR NEW.render_data IS NOT OLD.render_data
  OR NEW.language IS NOT OLD.language OR NEW.page_size IS NOT OLD.page_size)
BEGIN
  SELECT RAISE(ABORT, 'a signed document is never changed');
END;
`;

/** PostgreSQL variant of step 11: the same rules with the server's trigger functions. */
export const encryptedFilesPg = `
DROP TRIGGER photo_identity_fixed ON photo;
CREATE TRIGGER photo_identity_fixed BEFORE UPDATE OF id, patient_id, sha256, input_sha256, width,
  height, byte_size, camera_model, source, imported_at, imported_by ON photo FOR EACH ROW
  EXECUTE FUNCTION mesochart_refuse('a photo''s file and owner never change');
DROP TRIGGER IF EXISTS photo_files_encrypted_only ON photo;
CREATE TRIGGER photo_files_encrypted_only BEFORE UPDATE OF original_path, thumbnail_path,
  preview_path ON photo FOR EACH ROW
  WHEN (NOT (NEW.original_path LIKE '%.enc' AND NEW.thumbnail_path LIKE '%.enc'
    AND NEW.preview_path LIKE '%.enc'))
  EXECUTE FUNCTION mesochart_refuse('a photo''s files only ever move into encrypted storage');

DROP TRIGGER document_signed_file_frozen ON document;
CREATE TRIGGER document_signed_file_frozen BEFORE UPDATE ON document FOR EACH ROW
  WHEN (OLD.status <> 'generated' AND (NEW.sha256 IS DISTINCT FROM OLD.sha256
    OR (NEW.file_path IS DISTINCT FROM OLD.file_path AND NEW.file_path NOT LIKE '%.enc')
    OR NEW.size IS DISTINCT FROM OLD.size
    OR NEW.page_count IS DISTINCT FROM OLD.page_count OR NEW.render_data IS DISTINCT FROM OLD.render_data
    OR NEW.language IS DISTINCT FROM OLD.language OR NEW.page_size IS DISTINCT FROM OLD.page_size))
  EXECUTE FUNCTION mesochart_refuse('a signed document is never changed');
`;

/**
 * Clinical photographs. The image files live content-addressed under `<dataDir>/photos`; a row
 * says whose photo it is and how it is tagged. Rows are never deleted (a photo is archived), the
 * file identity of a row never changes, and every tag change keeps its previous value in
 * `photo_change`.
 *
 * `session_id` names a `treatment_session` row but has no foreign key on purpose: photos are
 * often imported before the session note exists, and this step must not depend on the sessions
 * step's tables.
 */
export const photos = `
CREATE TABLE photo (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  patient_id TEXT NOT NULL REFERENCES patient (id),
  session_id TEXT,
  phase TEXT NOT NULL CHECK (phase IN ('before', 'after', 'follow-up')),
  area TEXT NOT NULL,
  view TEXT NOT NULL CHECK (view IN ('front', 'left-45', 'right-45', 'left-90', 'right-90',
    'top-of-head', 'back-of-head', 'other')),
  -- Local wall-clock time "YYYY-MM-DDTHH:MM:SS", from the camera when it recorded one.
  taken_at TEXT NOT NULL,
  taken_at_source TEXT NOT NULL CHECK (taken_at_source IN ('exif', 'import', 'edited')),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  input_sha256 TEXT NOT NULL CHECK (length(input_sha256) = 64),
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  byte_size INTEGER NOT NULL CHECK (byte_size > 0),
  original_path TEXT NOT NULL,
  thumbnail_path TEXT NOT NULL,
  preview_path TEXT NOT NULL,
  camera_model TEXT,
  source TEXT NOT NULL CHECK (source IN ('file', 'camera')),
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL REFERENCES staff_user (id),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  updated_at TEXT NOT NULL,
  -- The same picture is one record per patient: a second import finds the first.
  UNIQUE (patient_id, sha256)
) STRICT;

-- The gallery reads one patient's photos by area and view along the timeline.
CREATE INDEX photo_gallery ON photo (patient_id, area, view, taken_at, seq);
CREATE INDEX photo_session ON photo (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX photo_sha256 ON photo (sha256);

CREATE TRIGGER photo_no_delete BEFORE DELETE ON photo
BEGIN
  SELECT RAISE(ABORT, 'photos are archived, not deleted');
END;

-- Only the tags and the archived flag may change; what the row points at never does.
CREATE TRIGGER photo_identity_fixed BEFORE UPDATE OF id, patient_id, sha256, input_sha256, width,
  height, byte_size, original_path, thumbnail_path, preview_path, camera_model, source,
  imported_at, imported_by ON photo
BEGIN
  SELECT RAISE(ABORT, 'a photo''s file and owner never change');
END;

CREATE TABLE photo_change (
  seq INTEGER PRIMARY KEY,
  photo_id TEXT NOT NULL REFERENCES photo (id),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff_user (id),
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  reason TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX photo_change_photo ON photo_change (photo_id, seq);

CREATE TRIGGER photo_change_no_update BEFORE UPDATE ON photo_change
BEGIN
  SELECT RAISE(ABORT, 'photo changes are never edited');
END;
CREATE TRIGGER photo_change_no_delete BEFORE DELETE ON photo_change
BEGIN
  SELECT RAISE(ABORT, 'photo changes are never deleted');
END;
`;

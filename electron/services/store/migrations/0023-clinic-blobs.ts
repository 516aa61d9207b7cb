/**
 * Issue 15: a clinic server keeps the bytes of photos, derived images and archived PDFs in the
 * database, so every workstation and the server's backup see them. The bytes are the sealed
 * files (AES-256-GCM under the clinic's file key, exactly as written to a data folder), stored
 * under the same keys ('photos/ab/<keyed hash>.jpg.enc'): content-addressed, never plaintext.
 * A single-computer clinic keeps its files in the data folder; its step is empty.
 */
export const clinicBlobs = `
-- Files stay in the data folder of a single-computer clinic.
SELECT 1;
`;

export const clinicBlobsPg = `
CREATE TABLE file_blob (
  key TEXT COLLATE "C" PRIMARY KEY
    CHECK (key ~ '^(photos|documents)/[A-Za-z0-9][A-Za-z0-9._/-]*$' AND position('..' in key) = 0),
  bytes BYTEA NOT NULL,
  size INTEGER NOT NULL CHECK (size = octet_length(bytes)),
  stored_at TEXT NOT NULL
);
-- Sealed bytes are already compressed noise: keep them out of TOAST's compression attempts.
ALTER TABLE file_blob ALTER COLUMN bytes SET STORAGE EXTERNAL;
`;

/**
 * Signatures are personal and a reset password is never a usable one.
 * - staff_user: a reset leaves a one-time temporary code (hashed like a password) that expires
 *   and only lets its holder choose a new password.
 * - consent_signature: which account signed and how it was proven (signed in as themselves, or
 *   re-entering their own password).
 * - consent_witness: a member of staff who saw the patient sign, in their own capacity, bound to
 *   the signed file like the signatures (its own table: the signer roles are fixed by step 6).
 * - treatment_session: how the practitioner proved the signature and who was at the keyboard.
 */
export const personalSignatures = `
ALTER TABLE staff_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff_user ADD COLUMN temporary_code_expires_at TEXT;
ALTER TABLE consent_signature ADD COLUMN signer_staff_id TEXT;
ALTER TABLE consent_signature ADD COLUMN proven_by TEXT;
ALTER TABLE treatment_session ADD COLUMN signature_proven_by TEXT;
ALTER TABLE treatment_session ADD COLUMN signature_recorded_by TEXT;

CREATE TABLE consent_witness (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL UNIQUE REFERENCES document (id),
  witness_id TEXT NOT NULL REFERENCES staff_user (id),
  witness_name TEXT NOT NULL,
  capacity TEXT NOT NULL,
  image_png BLOB NOT NULL,
  image_sha256 TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  document_sha256 TEXT NOT NULL CHECK (length(document_sha256) = 64)
) STRICT;
CREATE TRIGGER consent_witness_no_update BEFORE UPDATE ON consent_witness
BEGIN
  SELECT RAISE(ABORT, 'witness signatures are never changed');
END;
CREATE TRIGGER consent_witness_no_delete BEFORE DELETE ON consent_witness
BEGIN
  SELECT RAISE(ABORT, 'witness signatures are never deleted');
END;
`;

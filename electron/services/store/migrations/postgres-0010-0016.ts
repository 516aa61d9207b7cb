/**
 * PostgreSQL variants of steps 10–16 (see postgres-0001-0003.ts for how variants differ).
 * Frozen like the SQLite steps: never edit a released one.
 */

/** PostgreSQL variant of step 12 (personal-signatures): the same columns. */
export const personalSignaturesPg = `
ALTER TABLE staff_user ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff_user ADD COLUMN temporary_code_expires_at TEXT;
ALTER TABLE consent_signature ADD COLUMN signer_staff_id TEXT;
ALTER TABLE consent_signature ADD COLUMN proven_by TEXT;
ALTER TABLE treatment_session ADD COLUMN signature_proven_by TEXT;
ALTER TABLE treatment_session ADD COLUMN signature_recorded_by TEXT;
`;

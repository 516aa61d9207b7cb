/**
 * Issue 14: every substance that enters the patient at a session is recorded, so the allergy
 * cross-check and the gate can read it, and overrides of an allergy match are kept for good.
 *
 * - `screening.planned_substances`: the anaesthesia the check covered (JSON lines), so a session
 *   that uses another one needs a new check.
 * - `session_substance`: the anaesthetic(s) used and anything added during the session; a draft's
 *   working copy like session_area/session_product, frozen once the session leaves 'draft'.
 * - `session_substance_override`: the practitioner's reason for using a line that matches an
 *   allergy. Append-only, and only while the session is a draft (it is written by the signing).
 *
 * `ALTER TABLE ... ADD COLUMN` fires no UPDATE trigger, so the checks' no-update rule holds.
 */
function lockedWhileNotDraft(table: string): string {
  // Own copy of 0004's helper: released migrations are frozen, so they share no code.
  const draftOf = (row: 'NEW' | 'OLD') =>
    `(SELECT status FROM treatment_session WHERE id = ${row}.session_id) IS NOT 'draft'`;
  return `
CREATE TRIGGER ${table}_locked_insert BEFORE INSERT ON ${table} WHEN ${draftOf('NEW')}
BEGIN
  SELECT RAISE(ABORT, 'a signed session is never changed; add an addendum');
END;
CREATE TRIGGER ${table}_locked_update BEFORE UPDATE ON ${table} WHEN ${draftOf('OLD')}
BEGIN
  SELECT RAISE(ABORT, 'a signed session is never changed; add an addendum');
END;
CREATE TRIGGER ${table}_locked_delete BEFORE DELETE ON ${table} WHEN ${draftOf('OLD')}
BEGIN
  SELECT RAISE(ABORT, 'a signed session is never changed; add an addendum');
END;`;
}

export const sessionSafety = `
ALTER TABLE screening ADD COLUMN planned_substances TEXT NOT NULL DEFAULT '[]';

CREATE TABLE session_substance (
  seq INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES treatment_session (id),
  position INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('anaesthesia', 'addition')),
  preparation_id TEXT,
  name TEXT NOT NULL,
  ingredients TEXT NOT NULL
) STRICT;
CREATE INDEX session_substance_session ON session_substance (session_id, position);
${lockedWhileNotDraft('session_substance')}

CREATE TABLE session_substance_override (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL REFERENCES treatment_session (id),
  line_key TEXT NOT NULL,
  name TEXT NOT NULL,
  finding TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) >= 10),
  recorded_by TEXT NOT NULL REFERENCES staff_user (id),
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX session_substance_override_session ON session_substance_override (session_id, seq);
CREATE TRIGGER session_substance_override_locked_insert BEFORE INSERT ON session_substance_override
WHEN (SELECT status FROM treatment_session WHERE id = NEW.session_id) IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, 'overrides are recorded while signing a draft');
END;
CREATE TRIGGER session_substance_override_no_update BEFORE UPDATE ON session_substance_override
BEGIN
  SELECT RAISE(ABORT, 'substance overrides are never changed');
END;
CREATE TRIGGER session_substance_override_no_delete BEFORE DELETE ON session_substance_override
BEGIN
  SELECT RAISE(ABORT, 'substance overrides are never deleted');
END;
`;

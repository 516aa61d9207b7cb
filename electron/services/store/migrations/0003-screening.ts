/**
 * Pre-procedure checks. A check is stored whole, as it was shown: the answers, the planned
 * products, every finding with its wording, each caution's acknowledgement and any override.
 * Completed checks are never edited; a changed plan means a new check.
 */
export const screening = `
CREATE TABLE screening (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  patient_id TEXT NOT NULL REFERENCES patient (id),
  history_version_id TEXT REFERENCES medical_history_version (id),
  performed_on TEXT NOT NULL,
  performed_at TEXT NOT NULL,
  performed_by TEXT NOT NULL REFERENCES staff_user (id),
  answers TEXT NOT NULL,
  planned_product_ids TEXT NOT NULL,
  findings TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('clear', 'caution', 'do-not-treat')),
  acknowledged TEXT NOT NULL,
  override_reason TEXT,
  override_by TEXT REFERENCES staff_user (id),
  -- 'passed': clear, or cautions all acknowledged; 'overridden': do-not-treat overridden with a
  -- reason; 'stopped': do-not-treat and not overridden, so no session may start from it.
  status TEXT NOT NULL CHECK (status IN ('passed', 'overridden', 'stopped'))
) STRICT;

CREATE INDEX screening_patient ON screening (patient_id, performed_on, seq);

CREATE TRIGGER screening_no_update BEFORE UPDATE ON screening
BEGIN
  SELECT RAISE(ABORT, 'completed checks are never edited; run a new check');
END;
CREATE TRIGGER screening_no_delete BEFORE DELETE ON screening
BEGIN
  SELECT RAISE(ABORT, 'completed checks are never deleted');
END;
`;

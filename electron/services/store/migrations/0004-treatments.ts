/**
 * Product catalogue and lots, treatment courses, session notes with their areas and product lines,
 * addenda, adverse events and course follow-ups.
 *
 * A signed session is frozen by the database itself: its row and its area and product lines refuse
 * every UPDATE, INSERT and DELETE once the status has left 'draft', so a bug or a hand-edited file
 * cannot change what was signed. While a session is a draft its lines are a working copy that each
 * autosave replaces; the session row itself is never deleted (an abandoned draft keeps its row).
 */
/** A session's lines change only while the session is a draft. */
function lockedLines(table: string): string {
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

export const treatments = `
CREATE TABLE product (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  manufacturer TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('hyaluronic-acid', 'vitamins', 'trace-elements',
    'amino-acids', 'peptides', 'lipolytics', 'plant-extracts', 'prp', 'anaesthetic', 'enzyme',
    'other')),
  ingredients TEXT NOT NULL,
  allergens TEXT NOT NULL,
  default_volume_ml REAL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER product_no_delete BEFORE DELETE ON product
BEGIN
  SELECT RAISE(ABORT, 'products are retired, not deleted');
END;

CREATE TABLE product_lot (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  product_id TEXT NOT NULL REFERENCES product (id),
  lot_number TEXT NOT NULL,
  -- Upper-cased and trimmed, so a recall finds "ab12" typed for "AB12 ".
  lot_key TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  received_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff_user (id),
  UNIQUE (product_id, lot_key)
) STRICT;

CREATE INDEX product_lot_key ON product_lot (lot_key);

CREATE TRIGGER product_lot_no_update BEFORE UPDATE ON product_lot
BEGIN
  SELECT RAISE(ABORT, 'lots are never edited: sessions and recalls rely on them');
END;
CREATE TRIGGER product_lot_no_delete BEFORE DELETE ON product_lot
BEGIN
  SELECT RAISE(ABORT, 'lots are never deleted');
END;

CREATE TABLE treatment_course (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  patient_id TEXT NOT NULL REFERENCES patient (id),
  indication TEXT NOT NULL,
  indication_note TEXT NOT NULL,
  areas TEXT NOT NULL,
  planned_sessions INTEGER NOT NULL CHECK (planned_sessions BETWEEN 1 AND 20),
  interval_days INTEGER NOT NULL CHECK (interval_days BETWEEN 1 AND 365),
  protocol TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'completed', 'stopped')),
  started_on TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff_user (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX treatment_course_patient ON treatment_course (patient_id, seq);

CREATE TRIGGER treatment_course_no_delete BEFORE DELETE ON treatment_course
BEGIN
  SELECT RAISE(ABORT, 'courses are completed or stopped, not deleted');
END;

CREATE TABLE treatment_session (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  patient_id TEXT NOT NULL REFERENCES patient (id),
  course_id TEXT REFERENCES treatment_course (id),
  screening_id TEXT NOT NULL REFERENCES screening (id),
  practitioner_id TEXT NOT NULL REFERENCES staff_user (id),
  performed_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'abandoned')),
  technique TEXT,
  needle_gauge INTEGER,
  needle_length_mm REAL,
  anaesthesia TEXT,
  passes INTEGER,
  points INTEGER,
  immediate_reactions TEXT NOT NULL,
  notes TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  signed_at TEXT,
  signed_by TEXT REFERENCES staff_user (id)
) STRICT;

CREATE INDEX treatment_session_patient ON treatment_session (patient_id, performed_on, seq);
CREATE INDEX treatment_session_course ON treatment_session (course_id, performed_on, seq);

CREATE TRIGGER treatment_session_locked BEFORE UPDATE ON treatment_session
WHEN OLD.status <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'a signed session is never changed; add an addendum');
END;
CREATE TRIGGER treatment_session_no_delete BEFORE DELETE ON treatment_session
BEGIN
  SELECT RAISE(ABORT, 'sessions are never deleted; abandon a draft instead');
END;

CREATE TABLE session_area (
  seq INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES treatment_session (id),
  position INTEGER NOT NULL,
  area TEXT NOT NULL,
  depth_mm REAL CHECK (depth_mm IS NULL OR depth_mm BETWEEN 0.5 AND 4),
  UNIQUE (session_id, area)
) STRICT;

CREATE TABLE session_product (
  seq INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES treatment_session (id),
  position INTEGER NOT NULL,
  area TEXT NOT NULL,
  product_id TEXT NOT NULL REFERENCES product (id),
  lot_id TEXT NOT NULL REFERENCES product_lot (id),
  volume_ml REAL CHECK (volume_ml IS NULL OR volume_ml > 0)
) STRICT;

CREATE INDEX session_product_session ON session_product (session_id, position);
CREATE INDEX session_product_lot ON session_product (lot_id);

CREATE TRIGGER session_product_lot_matches BEFORE INSERT ON session_product
WHEN (SELECT product_id FROM product_lot WHERE id = NEW.lot_id) IS NOT NEW.product_id
BEGIN
  SELECT RAISE(ABORT, 'the lot belongs to another product');
END;
${lockedLines('session_area')}
${lockedLines('session_product')}

CREATE TABLE session_addendum (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL REFERENCES treatment_session (id),
  author_id TEXT NOT NULL REFERENCES staff_user (id),
  written_at TEXT NOT NULL,
  text TEXT NOT NULL
) STRICT;

CREATE INDEX session_addendum_session ON session_addendum (session_id, seq);

CREATE TRIGGER session_addendum_signed_only BEFORE INSERT ON session_addendum
WHEN (SELECT status FROM treatment_session WHERE id = NEW.session_id) IS NOT 'signed'
BEGIN
  SELECT RAISE(ABORT, 'addenda are added to signed sessions only');
END;
CREATE TRIGGER session_addendum_no_update BEFORE UPDATE ON session_addendum
BEGIN
  SELECT RAISE(ABORT, 'addenda are never edited; add another');
END;
CREATE TRIGGER session_addendum_no_delete BEFORE DELETE ON session_addendum
BEGIN
  SELECT RAISE(ABORT, 'addenda are never deleted');
END;

CREATE TABLE adverse_event (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  patient_id TEXT NOT NULL REFERENCES patient (id),
  session_id TEXT NOT NULL REFERENCES treatment_session (id),
  kind TEXT NOT NULL CHECK (kind IN ('bruising', 'swelling', 'prolonged-redness', 'infection',
    'allergic-reaction', 'nodules', 'pigmentation', 'necrosis', 'other')),
  severity TEXT NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
  onset_on TEXT NOT NULL,
  description TEXT NOT NULL,
  action_taken TEXT NOT NULL,
  resolved_on TEXT,
  outcome TEXT,
  recorded_by TEXT NOT NULL REFERENCES staff_user (id),
  recorded_at TEXT NOT NULL,
  resolved_by TEXT REFERENCES staff_user (id),
  resolved_at TEXT
) STRICT;

CREATE INDEX adverse_event_patient ON adverse_event (patient_id, resolved_on, seq);

-- Resolving is the one change an event takes; after that it is part of the record as it stands.
CREATE TRIGGER adverse_event_resolved_locked BEFORE UPDATE ON adverse_event
WHEN OLD.resolved_on IS NOT NULL
  OR NEW.kind IS NOT OLD.kind OR NEW.severity IS NOT OLD.severity
  OR NEW.onset_on IS NOT OLD.onset_on OR NEW.description IS NOT OLD.description
  OR NEW.session_id IS NOT OLD.session_id OR NEW.patient_id IS NOT OLD.patient_id
BEGIN
  SELECT RAISE(ABORT, 'an adverse event is only ever resolved, once');
END;
CREATE TRIGGER adverse_event_no_delete BEFORE DELETE ON adverse_event
BEGIN
  SELECT RAISE(ABORT, 'adverse events are never deleted');
END;

CREATE TABLE course_follow_up (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  course_id TEXT NOT NULL REFERENCES treatment_course (id),
  patient_id TEXT NOT NULL REFERENCES patient (id),
  assessed_on TEXT NOT NULL,
  gais INTEGER NOT NULL CHECK (gais BETWEEN 1 AND 5),
  satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  notes TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff_user (id),
  recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX course_follow_up_course ON course_follow_up (course_id, seq);

CREATE TRIGGER course_follow_up_no_update BEFORE UPDATE ON course_follow_up
BEGIN
  SELECT RAISE(ABORT, 'follow-ups are never edited; record another');
END;
CREATE TRIGGER course_follow_up_no_delete BEFORE DELETE ON course_follow_up
BEGIN
  SELECT RAISE(ABORT, 'follow-ups are never deleted');
END;
`;

/** Settings, staff accounts, sign-in throttling and the append-only, hash-chained audit trail. */
export const foundation = `
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE staff_user (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('receptionist', 'practitioner', 'admin')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Staff are deactivated, never deleted: audit events keep pointing at them.
CREATE TRIGGER staff_user_no_delete BEFORE DELETE ON staff_user
BEGIN
  SELECT RAISE(ABORT, 'staff accounts are deactivated, not deleted');
END;

CREATE TABLE sign_in_throttle (
  username_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  next_allowed_at TEXT NOT NULL
) STRICT;

CREATE TABLE audit_event (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT,
  username TEXT,
  role TEXT,
  operation TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'read', 'update', 'delete', 'execute')),
  patient_id TEXT,
  object_type TEXT,
  object_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('success', 'denied', 'failed')),
  error_code TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;

CREATE INDEX audit_event_patient ON audit_event (patient_id, seq) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_event_user ON audit_event (user_id, seq);
CREATE INDEX audit_event_at ON audit_event (at);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;

-- The newest link, so that removing events from the end of the chain is detected too.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;
`;

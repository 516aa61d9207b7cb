/**
 * The patient register, its change log, versioned medical histories, consent events and the
 * accent-folding search index. Clinical rows are never deleted: patients are archived, histories
 * and consents only ever gain rows.
 */
export const patients = `
CREATE TABLE patient (
  -- An integer alias of the rowid keeps the search index's rowids stable across VACUUM.
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  clinic_number TEXT NOT NULL UNIQUE,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'not-stated')),
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  address TEXT NOT NULL,
  preferred_language TEXT NOT NULL,
  emergency_contact_name TEXT NOT NULL,
  emergency_contact_phone TEXT NOT NULL,
  referral_source TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  -- Folded keys for ordering and the duplicate check, kept beside the exact text.
  sort_key TEXT NOT NULL,
  phone_key TEXT,
  email_key TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff_user (id),
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX patient_sort ON patient (archived, sort_key, seq);
CREATE INDEX patient_birth ON patient (date_of_birth);
CREATE INDEX patient_phone ON patient (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX patient_email ON patient (email_key) WHERE email_key IS NOT NULL;

CREATE TRIGGER patient_no_delete BEFORE DELETE ON patient
BEGIN
  SELECT RAISE(ABORT, 'patients are archived, not deleted');
END;

CREATE TABLE patient_change (
  seq INTEGER PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patient (id),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff_user (id),
  field TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL
) STRICT;

CREATE INDEX patient_change_patient ON patient_change (patient_id, seq);

CREATE TRIGGER patient_change_no_update BEFORE UPDATE ON patient_change
BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;
CREATE TRIGGER patient_change_no_delete BEFORE DELETE ON patient_change
BEGIN
  SELECT RAISE(ABORT, 'the change log is append-only');
END;

CREATE TABLE clinic_number_counter (
  scope TEXT PRIMARY KEY,
  last INTEGER NOT NULL
) STRICT;

CREATE TABLE medical_history_version (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patient (id),
  version INTEGER NOT NULL,
  answers TEXT NOT NULL,
  taken_by TEXT NOT NULL CHECK (taken_by IN ('staff', 'patient')),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff_user (id),
  UNIQUE (patient_id, version)
) STRICT;

CREATE TRIGGER medical_history_no_update BEFORE UPDATE ON medical_history_version
BEGIN
  SELECT RAISE(ABORT, 'history versions are never edited; submit a new version');
END;
CREATE TRIGGER medical_history_no_delete BEFORE DELETE ON medical_history_version
BEGIN
  SELECT RAISE(ABORT, 'history versions are never deleted');
END;

CREATE TABLE consent_event (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  patient_id TEXT NOT NULL REFERENCES patient (id),
  kind TEXT NOT NULL CHECK (kind IN ('health-data', 'photos-record', 'photos-other',
    'reminders-phone', 'reminders-sms', 'reminders-email')),
  decision TEXT NOT NULL CHECK (decision IN ('given', 'refused', 'withdrawn')),
  note TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff_user (id)
) STRICT;

CREATE INDEX consent_event_patient ON consent_event (patient_id, kind, seq);

CREATE TRIGGER consent_event_no_update BEFORE UPDATE ON consent_event
BEGIN
  SELECT RAISE(ABORT, 'consent events are never edited; record a withdrawal instead');
END;
CREATE TRIGGER consent_event_no_delete BEFORE DELETE ON consent_event
BEGIN
  SELECT RAISE(ABORT, 'consent events are never deleted');
END;

-- Folded words of names, clinic number, phone, email and date of birth; rowid = patient.seq.
-- The text is folded in code first (Turkish dotless i and the like); unicode61 does the rest.
CREATE VIRTUAL TABLE patient_search USING fts5(
  terms,
  tokenize = "unicode61 remove_diacritics 2",
  prefix = '1 2 3'
);
`;

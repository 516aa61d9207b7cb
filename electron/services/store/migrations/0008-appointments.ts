/**
 * Issue 17: the diary. One row per appointment; rooms, treatment types and opening hours are
 * clinic settings (no table), so `room_id` and `treatment_type` name a settings entry.
 *
 * `starts_at` / `ends_at` are the clinic's wall clock, 'YYYY-MM-DDTHH:MM' (see
 * shared/appointments/diary-time.ts): fixed width, so range queries compare them as text.
 * Appointments are never deleted: a cancelled or missed one keeps its row and its reason.
 */
export const appointments = `
CREATE TABLE appointment (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  patient_id TEXT NOT NULL REFERENCES patient (id),
  practitioner_id TEXT NOT NULL REFERENCES staff_user (id),
  room_id TEXT NOT NULL,
  treatment_type TEXT NOT NULL,
  starts_at TEXT NOT NULL CHECK (length(starts_at) = 16),
  ends_at TEXT NOT NULL CHECK (length(ends_at) = 16),
  status TEXT NOT NULL
    CHECK (status IN ('booked', 'arrived', 'in-treatment', 'done', 'cancelled', 'no-show')),
  status_reason TEXT,
  course_id TEXT REFERENCES treatment_course (id),
  notes TEXT NOT NULL,
  hours_override_reason TEXT,
  created_by TEXT NOT NULL REFERENCES staff_user (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ends_at > starts_at)
) STRICT;

CREATE INDEX appointment_starts ON appointment (starts_at);
CREATE INDEX appointment_practitioner ON appointment (practitioner_id, starts_at);
CREATE INDEX appointment_patient ON appointment (patient_id, starts_at);
CREATE INDEX appointment_course ON appointment (course_id);

CREATE TRIGGER appointment_no_delete BEFORE DELETE ON appointment
BEGIN
  SELECT RAISE(ABORT, 'appointments are cancelled, not deleted');
END;
`;

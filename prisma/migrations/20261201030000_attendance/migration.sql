-- Attendance of an appointment: reception marks the patient arrived or not attending (from the
-- appointment's day on); recording the visit, the session or the operation marks it attended.
-- `attendance_at` and `attendance_by` say when and by whom: the arrival or non-attendance as
-- marked, the visit or session as recorded, the operation as performed (its surgeon and time).
CREATE TYPE "Attendance" AS ENUM ('arrived', 'attended', 'did_not_attend');

ALTER TABLE appointment
  ADD COLUMN attendance "Attendance",
  ADD COLUMN attendance_at timestamptz(3),
  ADD COLUMN attendance_by uuid REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  ADD CONSTRAINT appointment_attendance_recorded_check
    CHECK ((attendance IS NULL) = (attendance_at IS NULL) AND (attendance IS NULL) = (attendance_by IS NULL)),
  -- A patient who came was seen at a live appointment: never "arrived" or "attended" on a
  -- cancelled one. A non-attendance may be cancelled afterwards (an arthroscopy the patient did
  -- not come to frees the case for a new booking), and stays on record as such.
  ADD CONSTRAINT appointment_attendance_live_check
    CHECK (attendance IS NULL OR attendance = 'did_not_attend' OR status = 'booked');

-- An appointment the patient did not attend no longer holds its dressing visit or physiotherapy
-- session: the same visit or session is booked again (PO-3, PO-4).
DROP INDEX appointment_dressing_visit_booked_key;
DROP INDEX appointment_physio_session_booked_key;
CREATE UNIQUE INDEX appointment_dressing_visit_booked_key ON appointment (dressing_visit_id)
  WHERE status = 'booked' AND attendance IS DISTINCT FROM 'did_not_attend';
CREATE UNIQUE INDEX appointment_physio_session_booked_key ON appointment (physio_session_id)
  WHERE status = 'booked' AND attendance IS DISTINCT FROM 'did_not_attend';

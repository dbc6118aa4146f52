-- Scheduling: appointments of every kind, their history, room opening hours and dated
-- exceptions to staff working hours. The database refuses overlapping bookings itself.
CREATE TYPE "AppointmentKind" AS ENUM ('consultation', 'follow_up', 'imaging', 'injection', 'anaesthesia_assessment',
  'arthroscopy', 'dressing', 'physio');
CREATE TYPE "AppointmentStatus" AS ENUM ('booked', 'cancelled');
CREATE TYPE "Admission" AS ENUM ('day_case', 'inpatient');
CREATE TYPE "ResourceKind" AS ENUM ('clinician', 'anaesthetist', 'room', 'patient');

CREATE TABLE appointment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id uuid NOT NULL REFERENCES site(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  patient_id uuid NOT NULL REFERENCES patient(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  kind "AppointmentKind" NOT NULL,
  status "AppointmentStatus" NOT NULL DEFAULT 'booked',
  starts_at timestamptz(3) NOT NULL,
  ends_at timestamptz(3) NOT NULL,
  clinician_id uuid REFERENCES staff(id) ON UPDATE CASCADE ON DELETE SET NULL,
  anaesthetist_id uuid REFERENCES staff(id) ON UPDATE CASCADE ON DELETE SET NULL,
  room_id uuid REFERENCES room(id) ON UPDATE CASCADE ON DELETE SET NULL,
  admission "Admission",
  dressing_visit_id uuid REFERENCES dressing_visit(id) ON UPDATE CASCADE ON DELETE SET NULL,
  physio_session_id uuid REFERENCES physio_session(id) ON UPDATE CASCADE ON DELETE SET NULL,
  created_by uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (starts_at < ends_at)
);
CREATE INDEX appointment_site_id_starts_at_idx ON appointment (site_id, starts_at);
CREATE INDEX appointment_clinician_id_starts_at_idx ON appointment (clinician_id, starts_at);
CREATE INDEX appointment_anaesthetist_id_starts_at_idx ON appointment (anaesthetist_id, starts_at);
CREATE INDEX appointment_room_id_starts_at_idx ON appointment (room_id, starts_at);
CREATE INDEX appointment_patient_id_starts_at_idx ON appointment (patient_id, starts_at);
CREATE INDEX appointment_case_id_idx ON appointment (case_id);
-- At most one live booking per planned dressing visit and physiotherapy session.
CREATE UNIQUE INDEX appointment_dressing_visit_booked_key ON appointment (dressing_visit_id) WHERE status = 'booked';
CREATE UNIQUE INDEX appointment_physio_session_booked_key ON appointment (physio_session_id) WHERE status = 'booked';

-- Every person and room an appointment holds, with its time. The exclusion constraint is
-- what makes double booking impossible (SC-1), whatever the application does: no clinician,
-- room or patient is in two live bookings that overlap.
CREATE TABLE appointment_resource (
  appointment_id uuid NOT NULL REFERENCES appointment(id) ON UPDATE CASCADE ON DELETE CASCADE,
  resource_kind "ResourceKind" NOT NULL,
  resource_id uuid NOT NULL,
  period tstzrange NOT NULL,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (appointment_id, resource_kind),
  CONSTRAINT appointment_resource_no_overlap EXCLUDE USING gist (resource_id WITH =, period WITH &&) WHERE (active)
);
CREATE INDEX appointment_resource_resource_id_idx ON appointment_resource (resource_id);

-- Who booked, moved or cancelled, when and why (SC-4). Append-only.
CREATE TABLE appointment_event (
  id bigserial PRIMARY KEY,
  appointment_id uuid NOT NULL REFERENCES appointment(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  action text NOT NULL CHECK (action IN ('booked', 'moved', 'cancelled')),
  at timestamptz(3) NOT NULL DEFAULT now(),
  by_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  reason text,
  starts_at timestamptz(3) NOT NULL,
  ends_at timestamptz(3) NOT NULL
);
CREATE INDEX appointment_event_appointment_id_idx ON appointment_event (appointment_id);
CREATE TRIGGER appointment_event_no_update_delete BEFORE UPDATE OR DELETE ON appointment_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

-- A room's weekly opening hours in the site's local time (weekday 1 = Monday).
CREATE TABLE room_hours (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id uuid NOT NULL REFERENCES room(id) ON UPDATE CASCADE ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  starts_at time(0) NOT NULL,
  ends_at time(0) NOT NULL,
  CHECK (starts_at < ends_at)
);
CREATE INDEX room_hours_room_id_weekday_idx ON room_hours (room_id, weekday);

-- A dated change to a staff member's weekly pattern: leave (no hours) or other hours that day.
CREATE TABLE working_hours_exception (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE CASCADE,
  on_date date NOT NULL,
  starts_at time(0),
  ends_at time(0),
  reason text NOT NULL,
  CHECK ((starts_at IS NULL) = (ends_at IS NULL)),
  CHECK (starts_at IS NULL OR starts_at < ends_at)
);
CREATE UNIQUE INDEX working_hours_exception_staff_id_on_date_key ON working_hours_exception (staff_id, on_date);

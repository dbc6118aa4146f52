-- Post-operative follow-up: dressing and physiotherapy records, replacement dressing visits,
-- and the surgeon's acknowledgement of recovery alerts.
CREATE TYPE "WoundState" AS ENUM ('clean_dry', 'exudate', 'signs_of_infection', 'healed');

-- A missed visit is replaced by one the next day (PO-3).
ALTER TABLE dressing_visit ADD COLUMN replaces_id uuid REFERENCES dressing_visit(id) ON UPDATE CASCADE ON DELETE SET NULL;

CREATE TABLE dressing_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id uuid NOT NULL REFERENCES appointment(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  dressing_visit_id uuid NOT NULL REFERENCES dressing_visit(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  wound_state "WoundState" NOT NULL,
  notes text,
  nurse_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX dressing_record_appointment_id_key ON dressing_record (appointment_id);
CREATE INDEX dressing_record_case_id_recorded_at_idx ON dressing_record (case_id, recorded_at);

CREATE TABLE physio_record (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id uuid NOT NULL REFERENCES appointment(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  notes text NOT NULL,
  exercises text,
  progress text,
  physio_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX physio_record_appointment_id_key ON physio_record (appointment_id);
CREATE INDEX physio_record_case_id_idx ON physio_record (case_id);

CREATE TABLE alert_acknowledgement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  alert_key text NOT NULL,
  note text NOT NULL,
  by_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX alert_acknowledgement_case_id_alert_key_key ON alert_acknowledgement (case_id, alert_key);

-- Care pathway: cases, their transitions, diagnosis, first-line courses, listing, anaesthesia
-- assessments, operation notes and the post-operative plan.
ALTER TABLE site ADD COLUMN policies jsonb NOT NULL DEFAULT '{}';

CREATE TYPE "CaseSide" AS ENUM ('left', 'right');
CREATE TYPE "Mechanism" AS ENUM ('traumatic', 'microtrauma', 'unknown');
CREATE TYPE "CaseStatus" AS ENUM ('referred', 'diagnosed', 'first_line', 'listed_for_surgery', 'assessed', 'scheduled',
  'operated', 'recovery', 'discharged', 'closed_resolved', 'cancelled');
CREATE TYPE "ImagingModality" AS ENUM ('xray_nwb', 'mri', 'ct', 'ct_arthrogram', 'bone_scan');
CREATE TYPE "InjectionGuidance" AS ENUM ('xray', 'ultrasound');
CREATE TYPE "PainSeverity" AS ENUM ('mild', 'moderate', 'severe');
CREATE TYPE "FirstLineMeasure" AS ENUM ('analgesics', 'cryotherapy', 'strapping', 'immobilisation', 'physiotherapy', 'guided_injection');
CREATE TYPE "CourseOutcome" AS ENUM ('resolved', 'partly_worked', 'failed');
CREATE TYPE "AnaesthesiaType" AS ENUM ('locoregional', 'general', 'spinal');
CREATE TYPE "DressingStatus" AS ENUM ('planned', 'done', 'missed', 'cancelled');
CREATE TYPE "PhysioStatus" AS ENUM ('planned', 'done', 'cancelled');
CREATE TYPE "ClearanceActivity" AS ENUM ('cycling', 'swimming', 'running', 'other');

CREATE TABLE clinical_case (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  site_id uuid NOT NULL REFERENCES site(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  side "CaseSide" NOT NULL,
  mechanism "Mechanism" NOT NULL,
  symptoms jsonb,
  status "CaseStatus" NOT NULL DEFAULT 'referred',
  status_changed_at timestamptz(3) NOT NULL DEFAULT now(),
  referred_on date NOT NULL,
  created_by uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX clinical_case_patient_id_idx ON clinical_case (patient_id);
CREATE INDEX clinical_case_site_id_status_idx ON clinical_case (site_id, status);

-- Every move of a case: who, when, why. Append-only like the audit trail.
CREATE TABLE case_transition (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  from_status "CaseStatus",
  to_status "CaseStatus" NOT NULL,
  at timestamptz(3) NOT NULL DEFAULT now(),
  by_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  reason text NOT NULL
);
CREATE INDEX case_transition_case_id_at_idx ON case_transition (case_id, at);
CREATE TRIGGER case_transition_no_update_delete BEFORE UPDATE OR DELETE ON case_transition
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TABLE imaging_study (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  modality "ImagingModality" NOT NULL,
  performed_on date NOT NULL,
  findings text NOT NULL,
  supports_diagnosis boolean NOT NULL,
  recorded_by uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX imaging_study_case_id_idx ON imaging_study (case_id);

CREATE TABLE diagnostic_injection (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  performed_on date NOT NULL,
  guidance "InjectionGuidance" NOT NULL,
  pain_relieved boolean NOT NULL,
  recorded_by uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX diagnostic_injection_case_id_idx ON diagnostic_injection (case_id);

CREATE TABLE first_line_course (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  started_on date NOT NULL,
  pain_severity "PainSeverity" NOT NULL,
  measures "FirstLineMeasure"[] NOT NULL CHECK (cardinality(measures) > 0),
  outcome "CourseOutcome",
  reviewed_on date,
  reviewed_by uuid REFERENCES staff(id) ON UPDATE CASCADE ON DELETE SET NULL,
  recorded_by uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((outcome IS NULL) = (reviewed_on IS NULL)),
  -- FL-2 holds in the database too.
  CHECK (NOT ('immobilisation' = ANY (measures)) OR pain_severity = 'severe')
);
CREATE INDEX first_line_course_case_id_idx ON first_line_course (case_id);

CREATE TABLE surgical_listing (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  listed_on date NOT NULL,
  notes text,
  surgeon_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX surgical_listing_case_id_key ON surgical_listing (case_id);

CREATE TABLE anaesthesia_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  assessed_on date NOT NULL,
  asa_grade smallint NOT NULL CHECK (asa_grade BETWEEN 1 AND 5),
  anaesthesia_type "AnaesthesiaType" NOT NULL,
  home_support boolean NOT NULL,
  notes text,
  anaesthetist_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX anaesthesia_assessment_case_id_assessed_on_idx ON anaesthesia_assessment (case_id, assessed_on);

CREATE TABLE operation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  assessment_id uuid NOT NULL REFERENCES anaesthesia_assessment(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  performed_at timestamptz(3) NOT NULL,
  operation_day date NOT NULL,
  procedure text NOT NULL,
  anaesthesia_given "AnaesthesiaType" NOT NULL,
  anaesthesia_change_reason text,
  findings text NOT NULL,
  discharge_analgesia text NOT NULL,
  surgeon_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX operation_case_id_key ON operation (case_id);

CREATE TABLE care_plan (
  case_id uuid PRIMARY KEY REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  operation_day date NOT NULL,
  time_zone text NOT NULL,
  crutch_review_from date NOT NULL,
  crutch_review_to date NOT NULL,
  crutches_weaned_on date,
  crutches_weaned_by uuid REFERENCES staff(id) ON UPDATE CASCADE ON DELETE SET NULL,
  instructions jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE dressing_visit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  due_on date NOT NULL,
  status "DressingStatus" NOT NULL DEFAULT 'planned'
);
CREATE UNIQUE INDEX dressing_visit_case_id_due_on_key ON dressing_visit (case_id, due_on);
CREATE INDEX dressing_visit_due_on_idx ON dressing_visit (due_on);

CREATE TABLE physio_session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  number integer NOT NULL,
  earliest_on date NOT NULL,
  due_by date NOT NULL,
  status "PhysioStatus" NOT NULL DEFAULT 'planned'
);
CREATE UNIQUE INDEX physio_session_case_id_number_key ON physio_session (case_id, number);

CREATE TABLE clearance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  activity "ClearanceActivity" NOT NULL,
  sport text,
  cleared_on date NOT NULL,
  cleared_by uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((activity = 'other') = (sport IS NOT NULL))
);
CREATE UNIQUE INDEX clearance_case_id_activity_sport_key ON clearance (case_id, activity, coalesce(sport, ''));

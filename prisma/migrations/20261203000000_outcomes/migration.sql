-- OC-1..OC-3: pain scores, returns to activity and complications.
CREATE TYPE "PainTimepoint" AS ENUM ('referral', 'listing', 'pre_op', 'week_6', 'month_3', 'month_6', 'month_12');
CREATE TYPE "ScoreSource" AS ENUM ('clinician', 'patient');
CREATE TYPE "ReturnActivity" AS ENUM ('cycling', 'swimming', 'running', 'sport');
CREATE TYPE "ComplicationKind" AS ENUM (
  'wound_infection', 'nerve_injury', 'tendon_injury', 'deep_vein_thrombosis', 'crps', 'recurrence', 'reoperation', 'other'
);
CREATE TYPE "ClavienDindoGrade" AS ENUM ('I', 'II', 'IIIa', 'IIIb', 'IVa', 'IVb', 'V');

CREATE TABLE pain_score (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case (id) ON DELETE RESTRICT,
  recorded_on date NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 0 AND 10),
  timepoint "PainTimepoint",
  source "ScoreSource" NOT NULL DEFAULT 'clinician',
  recorded_by uuid REFERENCES staff (id) ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now(),
  -- A clinician's score names its time point and its author; only a patient's may lack a time point.
  CHECK (source = 'patient' OR (recorded_by IS NOT NULL AND timepoint IS NOT NULL))
);
CREATE INDEX pain_score_case_id_recorded_on_idx ON pain_score (case_id, recorded_on);

CREATE TABLE activity_return (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case (id) ON DELETE RESTRICT,
  activity "ReturnActivity" NOT NULL,
  sport text,
  resumed_on date NOT NULL,
  previous_level boolean,
  recorded_by uuid NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((activity = 'sport') = (sport IS NOT NULL))
);
CREATE UNIQUE INDEX activity_return_case_id_activity_key ON activity_return (case_id, activity);

CREATE TABLE complication (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES clinical_case (id) ON DELETE RESTRICT,
  occurred_on date NOT NULL,
  kind "ComplicationKind" NOT NULL,
  grade "ClavienDindoGrade" NOT NULL,
  notes text,
  dressing_record_id uuid REFERENCES dressing_record (id) ON DELETE RESTRICT,
  recorded_by uuid NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (kind <> 'other' OR notes IS NOT NULL)
);
CREATE INDEX complication_case_id_idx ON complication (case_id);
CREATE INDEX complication_occurred_on_idx ON complication (occurred_on);
CREATE INDEX complication_dressing_record_id_idx ON complication (dressing_record_id);

-- OC-1: a patient reports at most one pain score per case and day (a later report that day replaces it).
CREATE UNIQUE INDEX pain_score_patient_once_a_day_key ON pain_score (case_id, recorded_on) WHERE source = 'patient';

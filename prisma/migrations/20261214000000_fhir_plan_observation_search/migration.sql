-- FHIR search reads these in a stable order a page at a time, by an index, however long the history.
-- Observation (pain scores) without a patient, by recorded day: (recorded_on, id).
CREATE INDEX "pain_score_recorded_on_id_idx" ON "pain_score" ("recorded_on", "id");
-- CarePlan without a patient, by operation day: (operation_day, case_id).
CREATE INDEX "care_plan_operation_day_case_id_idx" ON "care_plan" ("operation_day", "case_id");

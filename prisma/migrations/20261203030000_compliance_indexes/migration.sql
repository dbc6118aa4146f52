-- The compliance report (OC-5) counts each rule's items by the day that puts them in a period:
-- read by that day, not by scanning every record the clinic has kept.
-- PO-1: care plans whose crutch-weaning window ends in the period.
CREATE INDEX "care_plan_crutch_review_to_idx" ON "care_plan" ("crutch_review_to");
-- PO-3: a visit replaced by a later one is not counted (an anti-join on the replacement's link).
CREATE INDEX "dressing_visit_replaces_id_idx" ON "dressing_visit" ("replaces_id");
-- PO-3's longest gap: the cases with a dressing recorded in the period.
CREATE INDEX "dressing_record_recorded_at_idx" ON "dressing_record" ("recorded_at");
-- PO-4: first physiotherapy sessions due in the period.
CREATE INDEX "physio_session_first_due_by_idx" ON "physio_session" ("due_by") WHERE "number" = 1;
-- PO-6: clearances given in the period.
CREATE INDEX "clearance_cleared_on_idx" ON "clearance" ("cleared_on");

-- The records of one dressing visit (the nurse's round, the recovery board) are found by the
-- visit: without this index every visit read scanned all dressings ever recorded.
CREATE INDEX "dressing_record_dressing_visit_id_idx" ON "dressing_record" ("dressing_visit_id");

-- A case's clearances are read with the case (its record, its plan, its timeline): by case, not
-- by scanning every clearance the clinic has recorded.
CREATE INDEX "clearance_case_id_idx" ON "clearance" ("case_id");

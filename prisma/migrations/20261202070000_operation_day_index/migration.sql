-- The waiting list's figures count this month's operations (breaches this month, WL-2): read by
-- the operation's day, not by scanning every operation the clinic has recorded.
CREATE INDEX "operation_operation_day_idx" ON "operation" ("operation_day");

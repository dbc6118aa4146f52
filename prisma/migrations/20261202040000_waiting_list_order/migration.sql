-- The waiting list (WL-3) is read a page at a time in the order priority, listing date, case id
-- (at one site the breach date is the listing date plus one target, so it orders the same): these
-- indexes hand out a page, or a page after a cursor, without sorting every listing; the second
-- serves the list filtered by surgeon.
CREATE INDEX "surgical_listing_priority_listed_on_case_id_idx" ON "surgical_listing" ("priority", "listed_on", "case_id");
CREATE INDEX "surgical_listing_surgeon_id_priority_listed_on_case_id_idx" ON "surgical_listing" ("surgeon_id", "priority", "listed_on", "case_id");

-- WL-1: the clinical priority of a listing (existing listings are P4) and its history.
CREATE TYPE "ListingPriority" AS ENUM ('P1', 'P2', 'P3', 'P4');

ALTER TABLE surgical_listing ADD COLUMN priority "ListingPriority" NOT NULL DEFAULT 'P4';

CREATE TABLE listing_priority_change (
  id bigserial PRIMARY KEY,
  listing_id uuid NOT NULL REFERENCES surgical_listing (id) ON DELETE RESTRICT,
  from_priority "ListingPriority",
  to_priority "ListingPriority" NOT NULL,
  reason text NOT NULL,
  by_id uuid NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
  at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (from_priority IS DISTINCT FROM to_priority)
);
CREATE INDEX listing_priority_change_listing_id_at_idx ON listing_priority_change (listing_id, at);

-- Existing listings: their P4 is recorded as set at listing.
INSERT INTO listing_priority_change (listing_id, from_priority, to_priority, reason, by_id, at)
SELECT id, NULL, 'P4', 'Listed before priorities were recorded', surgeon_id, recorded_at FROM surgical_listing;

-- The history stays: the database refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION listing_priority_change_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'listing_priority_change is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER listing_priority_change_no_update_delete BEFORE UPDATE OR DELETE ON listing_priority_change
  FOR EACH ROW EXECUTE FUNCTION listing_priority_change_refuse_change();
CREATE TRIGGER listing_priority_change_no_truncate BEFORE TRUNCATE ON listing_priority_change
  FOR EACH STATEMENT EXECUTE FUNCTION listing_priority_change_refuse_change();

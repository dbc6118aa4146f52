-- The audit trail at scale (docs/audit.md).
-- 1. One row per request: a list read names every patient it showed in patient_ids (GIN
--    index), so "who saw this patient" is `patient_ids @> ARRAY[id]`, whatever the event.
--    patient_id stays the one patient of a single-patient event (NULL for a list read);
--    item_count is how many items a list read showed (NULL for a single-record event).
-- 2. Partitioned by month (UTC) on `at`, so old months can be detached and archived whole.
--    The existing rows are copied over with their ids; the id sequence carries on.

ALTER TABLE audit_event RENAME TO audit_event_unpartitioned;
ALTER INDEX audit_event_pkey RENAME TO audit_event_unpartitioned_pkey;
ALTER INDEX audit_event_patient_id_at_idx RENAME TO audit_event_unpartitioned_patient_id_at_idx;
ALTER INDEX audit_event_actor_id_at_idx RENAME TO audit_event_unpartitioned_actor_id_at_idx;
ALTER INDEX audit_event_at_idx RENAME TO audit_event_unpartitioned_at_idx;
ALTER SEQUENCE audit_event_id_seq OWNED BY NONE;

-- A partitioned table's primary key must contain the partition key: (id, at). id alone stays
-- unique in practice (one sequence); the cursor of the audit list pages on id.
CREATE TABLE audit_event (
  id bigint NOT NULL DEFAULT nextval('audit_event_id_seq'::regclass),
  at timestamptz(3) NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES staff(id) ON UPDATE CASCADE ON DELETE SET NULL,
  action text NOT NULL,
  patient_id uuid REFERENCES patient(id) ON UPDATE CASCADE ON DELETE SET NULL,
  patient_ids uuid[] NOT NULL DEFAULT '{}',
  item_count integer CHECK (item_count >= 0),
  entity text NOT NULL,
  entity_id text,
  detail jsonb,
  CONSTRAINT audit_event_pkey PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
ALTER SEQUENCE audit_event_id_seq OWNED BY audit_event.id;
CREATE INDEX audit_event_patient_ids_idx ON audit_event USING gin (patient_ids);
CREATE INDEX audit_event_patient_id_at_idx ON audit_event (patient_id, at);
CREATE INDEX audit_event_actor_id_at_idx ON audit_event (actor_id, at);
CREATE INDEX audit_event_at_idx ON audit_event (at);

-- Row triggers on a partitioned table are cloned onto every partition, present and future.
CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
-- TRUNCATE triggers are not: TRUNCATE of the table fires this one, and each partition gets its
-- own (below and in audit_event_ensure_partitions) for a TRUNCATE that names the partition.
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- Rows outside every month's partition (maintenance did not run, a clock far off) land here:
-- no audit record is ever refused for want of a partition.
CREATE TABLE audit_event_default PARTITION OF audit_event DEFAULT;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event_default
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- Makes the partition of every UTC month from `since`'s month to `months_ahead` months after
-- `current`'s (the caller's clock: the application stamps each row's `at`, so its clock, not
-- the server's, says which months are needed), each with its TRUNCATE trigger; returns how
-- many it made. Idempotent, and
-- safe to run from several processes at once (one at a time, under an advisory lock). A month
-- whose rows already wait in the DEFAULT partition is skipped with a WARNING (moving them would
-- mean deleting audit rows): those rows stay readable where they are. Run as the tables' owner.
CREATE FUNCTION audit_event_ensure_partitions(
  months_ahead integer, since timestamptz DEFAULT now(), current timestamptz DEFAULT now()
)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  -- Months counted on the UTC calendar, whatever the session's time zone.
  m timestamp := date_trunc('month', least(since, current) AT TIME ZONE 'UTC');
  last_month timestamp := date_trunc('month', current AT TIME ZONE 'UTC') + make_interval(months => months_ahead);
  name text;
  made integer := 0;
BEGIN
  IF months_ahead < 0 THEN
    RAISE EXCEPTION 'months_ahead must be 0 or more, not %', months_ahead;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('audit_event_ensure_partitions'));
  WHILE m <= last_month LOOP
    name := 'audit_event_' || to_char(m, 'YYYY_MM');
    IF to_regclass(quote_ident(name)) IS NULL THEN
      BEGIN
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)',
                       name, m AT TIME ZONE 'UTC', (m + interval '1 month') AT TIME ZONE 'UTC');
        EXECUTE format('CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()', name);
        made := made + 1;
      EXCEPTION WHEN check_violation THEN
        RAISE WARNING 'audit partition % not made: rows of that month are in audit_event_default', name;
      END;
    END IF;
    m := m + interval '1 month';
  END LOOP;
  RETURN made;
END $$;

-- One partition per month the existing rows cover, up to three months ahead; then the rows.
SELECT audit_event_ensure_partitions(
  3,
  coalesce((SELECT min(at) FROM audit_event_unpartitioned), now()),
  greatest((SELECT max(at) FROM audit_event_unpartitioned), now())
);
INSERT INTO audit_event (id, at, actor_id, action, patient_id, patient_ids, entity, entity_id, detail)
SELECT id, at, actor_id, action, patient_id,
       CASE WHEN patient_id IS NULL THEN '{}'::uuid[] ELSE ARRAY[patient_id] END,
       entity, entity_id, detail
FROM audit_event_unpartitioned;
DROP TABLE audit_event_unpartitioned;

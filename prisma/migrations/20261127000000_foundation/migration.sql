-- Foundation: sites, rooms, staff and their hours, patients, audit trail, sign-in attempts,
-- idempotency records.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE "StaffRole" AS ENUM ('reception', 'nurse', 'surgeon', 'anaesthetist', 'physio', 'admin');
CREATE TYPE "RoomKind" AS ENUM ('theatre', 'consulting', 'imaging', 'physio', 'dressing');
CREATE TYPE "Sex" AS ENUM ('female', 'male', 'other', 'unknown');

CREATE TABLE site (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  time_zone text NOT NULL
);

CREATE TABLE room (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id uuid NOT NULL REFERENCES site(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  name text NOT NULL,
  kind "RoomKind" NOT NULL,
  active boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX room_site_id_name_key ON room (site_id, name);
CREATE INDEX room_kind_idx ON room (kind);

CREATE TABLE staff (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  site_id uuid NOT NULL REFERENCES site(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  email citext NOT NULL,
  name text NOT NULL,
  role "StaffRole" NOT NULL,
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_email_key ON staff (email);
CREATE INDEX staff_role_idx ON staff (role);

CREATE TABLE working_hours (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  starts_at time(0) NOT NULL,
  ends_at time(0) NOT NULL,
  CHECK (starts_at < ends_at)
);
CREATE INDEX working_hours_staff_id_weekday_idx ON working_hours (staff_id, weekday);

-- unaccent() is only STABLE; an IMMUTABLE wrapper with a fixed dictionary lets a generated
-- column and an index use it.
CREATE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE SEQUENCE patient_mrn_seq START 1000;

CREATE TABLE patient (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mrn text NOT NULL DEFAULT ('P'::text || lpad((nextval('patient_mrn_seq'::regclass))::text, 7, '0'::text)),
  given_name text NOT NULL CHECK (length(btrim(given_name)) > 0),
  family_name text NOT NULL CHECK (length(btrim(family_name)) > 0),
  birth_date date NOT NULL,
  sex "Sex" NOT NULL,
  phone text,
  email text,
  search_name text GENERATED ALWAYS AS
    (lower(immutable_unaccent(given_name || ' ' || family_name || ' ' || given_name))) STORED,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
ALTER SEQUENCE patient_mrn_seq OWNED BY patient.mrn;
CREATE UNIQUE INDEX patient_mrn_key ON patient (mrn);
CREATE INDEX patient_birth_date_idx ON patient (birth_date);
CREATE INDEX patient_search_name_trgm_idx ON patient USING gin (search_name gin_trgm_ops);

CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  at timestamptz(3) NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES staff(id) ON UPDATE CASCADE ON DELETE SET NULL,
  action text NOT NULL,
  patient_id uuid REFERENCES patient(id) ON UPDATE CASCADE ON DELETE SET NULL,
  entity text NOT NULL,
  entity_id text,
  detail jsonb
);
CREATE INDEX audit_event_patient_id_at_idx ON audit_event (patient_id, at);
CREATE INDEX audit_event_actor_id_at_idx ON audit_event (actor_id, at);
CREATE INDEX audit_event_at_idx ON audit_event (at);

-- The audit trail is append-only, whoever connects.
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

CREATE TABLE login_attempt (
  id bigserial PRIMARY KEY,
  email citext NOT NULL,
  at timestamptz(3) NOT NULL DEFAULT now(),
  succeeded boolean NOT NULL
);
CREATE INDEX login_attempt_email_at_idx ON login_attempt (email, at);

CREATE TABLE idempotency_record (
  actor_id uuid NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  request_hash text NOT NULL,
  status integer,
  response_body jsonb,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (actor_id, key)
);

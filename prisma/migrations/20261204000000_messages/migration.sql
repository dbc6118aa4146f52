-- Messages to patients (the outbox), the links to the patient's own page, the patient's
-- requests to move an appointment, and the patient as an actor in the audit trail.
CREATE TYPE "MessageChannel" AS ENUM ('email', 'sms');
CREATE TYPE "MessageKind" AS ENUM (
  'booking_confirmation', 'appointment_moved', 'appointment_cancelled', 'reminder', 'post_op_plan', 'portal_link'
);
CREATE TYPE "MessageStatus" AS ENUM ('queued', 'sent', 'failed', 'cancelled');
CREATE TYPE "MoveRequestStatus" AS ENUM ('open', 'done', 'declined');

-- One message on one channel to one patient, rendered when it is queued: the row is what was sent.
CREATE TABLE message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE RESTRICT,
  appointment_id uuid REFERENCES appointment (id) ON DELETE RESTRICT,
  channel "MessageChannel" NOT NULL,
  kind "MessageKind" NOT NULL,
  status "MessageStatus" NOT NULL DEFAULT 'queued',
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  -- [{filename, contentType, content}] with the content as text (an iCalendar file).
  attachments jsonb NOT NULL DEFAULT '[]',
  -- What makes two messages the same one (a reminder: its appointment, start, offset and channel):
  -- the same message is never queued twice.
  dedupe_key text UNIQUE,
  send_after timestamptz(3) NOT NULL,
  created_at timestamptz(3) NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_attempt_at timestamptz(3),
  last_error text,
  sent_at timestamptz(3),
  -- What carried it: "smtp", or the SMS adapter's name ("recorded" when no provider is set up).
  delivered_via text,
  -- Every retry failed: the message is flagged to reception until someone marks it handled.
  failed_at timestamptz(3),
  handled_at timestamptz(3),
  handled_by uuid REFERENCES staff (id) ON DELETE RESTRICT,
  CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
  CHECK ((status = 'failed') = (failed_at IS NOT NULL)),
  CHECK ((handled_at IS NULL) = (handled_by IS NULL)),
  CHECK (handled_at IS NULL OR status = 'failed'),
  CHECK (channel <> 'email' OR subject IS NOT NULL)
);
CREATE INDEX message_patient_id_created_at_idx ON message (patient_id, created_at);
CREATE INDEX message_appointment_id_idx ON message (appointment_id);
CREATE INDEX message_created_at_idx ON message (created_at);
CREATE INDEX message_status_failed_at_idx ON message (status, failed_at);

-- A link to the patient's own page. The token is never stored: only its SHA-256, in hex.
CREATE TABLE portal_link (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE RESTRICT,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz(3) NOT NULL,
  created_by uuid NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
  expires_at timestamptz(3) NOT NULL,
  revoked_at timestamptz(3),
  revoked_by uuid REFERENCES staff (id) ON DELETE RESTRICT,
  last_used_at timestamptz(3),
  CHECK (expires_at > created_at),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX portal_link_patient_id_created_at_idx ON portal_link (patient_id, created_at);

-- The patient asks, from their page, for an appointment to be moved; reception handles it.
CREATE TABLE appointment_move_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id uuid NOT NULL REFERENCES appointment (id) ON DELETE RESTRICT,
  patient_id uuid NOT NULL REFERENCES patient (id) ON DELETE RESTRICT,
  portal_link_id uuid NOT NULL REFERENCES portal_link (id) ON DELETE RESTRICT,
  -- The patient's own words: when they can and cannot come.
  note text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 500),
  requested_at timestamptz(3) NOT NULL,
  status "MoveRequestStatus" NOT NULL DEFAULT 'open',
  handled_at timestamptz(3),
  handled_by uuid REFERENCES staff (id) ON DELETE RESTRICT,
  response text,
  CHECK ((status = 'open') = (handled_at IS NULL)),
  CHECK ((handled_at IS NULL) = (handled_by IS NULL))
);
-- One open request per appointment, also when the patient sends it twice at once.
CREATE UNIQUE INDEX appointment_move_request_open_key ON appointment_move_request (appointment_id) WHERE status = 'open';
CREATE INDEX appointment_move_request_status_requested_at_idx ON appointment_move_request (status, requested_at);
CREATE INDEX appointment_move_request_patient_id_idx ON appointment_move_request (patient_id);
CREATE INDEX appointment_move_request_portal_link_id_idx ON appointment_move_request (portal_link_id);

-- rate-limiter-flexible's table (RateLimiterPostgres, tableCreated): the patient page's limits.
CREATE TABLE portal_rate_limit (
  key text PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);

-- The patient, through their page, as the actor of an audit event (staff events keep actor_id).
ALTER TABLE audit_event ADD COLUMN actor_patient_id uuid REFERENCES patient (id) ON UPDATE CASCADE ON DELETE SET NULL;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_one_actor CHECK (actor_id IS NULL OR actor_patient_id IS NULL);
CREATE INDEX audit_event_actor_patient_id_at_idx ON audit_event (actor_patient_id, at);

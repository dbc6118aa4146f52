-- Signed-in sessions, so that signing out ends a session for every app process at once, even
-- while an earlier request of the same browser is still renewing its cookie.
CREATE TABLE staff_session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE CASCADE,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  ended_at timestamptz(3)
);
CREATE INDEX staff_session_staff_id_idx ON staff_session (staff_id);

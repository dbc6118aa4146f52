-- The running order of a theatre session's list (WL-5). One row per ordered arthroscopy, naming
-- the theatre, day and session it was ordered in: a position counts only while the appointment
-- is still booked there (an arthroscopy moved to another session falls back to its start time).
-- Rows are replaced when the list is reordered; each reorder is audited (theatre_list.reorder).
CREATE TYPE "TheatreSession" AS ENUM ('morning', 'afternoon');

CREATE TABLE theatre_list_position (
  appointment_id uuid PRIMARY KEY REFERENCES appointment(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  room_id uuid NOT NULL,
  session_day date NOT NULL,
  session "TheatreSession" NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  recorded_by uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  recorded_at timestamptz(3) NOT NULL
);

CREATE INDEX theatre_list_position_room_id_session_day_idx ON theatre_list_position (room_id, session_day);

-- A dressing due but never booked is still done and recorded, from the nurse's round (PO-3):
-- such a record belongs to its dressing visit and has no appointment.
ALTER TABLE dressing_record ALTER COLUMN appointment_id DROP NOT NULL;

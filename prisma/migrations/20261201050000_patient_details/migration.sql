-- What a clinic keeps about a patient beyond name and birth date: NHS number, address, GP
-- practice, next of kin or carer, language, and the channels the patient consents to be
-- contacted on. Reception searches by NHS number and by postcode, each through an index.
ALTER TABLE patient
  ADD COLUMN nhs_number text CHECK (nhs_number ~ '^[0-9]{10}$'),
  ADD COLUMN address_line1 text,
  ADD COLUMN address_line2 text,
  ADD COLUMN town text,
  -- Upper case with one space before the inward code ("SW1A 1AA"), as the application keeps it.
  ADD COLUMN postcode text,
  ADD COLUMN gp_practice_name text,
  ADD COLUMN gp_practice_ods_code text,
  ADD COLUMN next_of_kin_name text,
  ADD COLUMN next_of_kin_relationship text,
  ADD COLUMN next_of_kin_phone text,
  ADD COLUMN preferred_language text,
  ADD COLUMN interpreter_needed boolean NOT NULL DEFAULT false,
  ADD COLUMN contact_by_email boolean NOT NULL DEFAULT false,
  ADD COLUMN contact_by_sms boolean NOT NULL DEFAULT false,
  ADD COLUMN contact_by_post boolean NOT NULL DEFAULT false;

-- One NHS number, one patient; the search by NHS number is this index's equality lookup.
CREATE UNIQUE INDEX patient_nhs_number_key ON patient (nhs_number);
-- text_pattern_ops: serves both the full postcode (=) and its outward code (LIKE 'SW1A %').
CREATE INDEX patient_postcode_idx ON patient (postcode text_pattern_ops);

-- An acknowledgement is one act: one surgeon's note, at one time, for the alerts they chose. Every
-- act is kept (the case page shows the history), where before each alert had one row whose note
-- a later acknowledgement overwrote. The alert's words are kept as the surgeon saw them: an alert
-- is derived from the record and may no longer be raised when the history is read.
CREATE TABLE acknowledged_alert (
  acknowledgement_id uuid NOT NULL REFERENCES alert_acknowledgement(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  alert_key text NOT NULL,
  kind text NOT NULL,
  message text NOT NULL,
  PRIMARY KEY (acknowledgement_id, alert_key)
);

-- Acknowledgements made before: their alert's words were not kept, so they are named by kind.
INSERT INTO acknowledged_alert (acknowledgement_id, alert_key, kind, message)
SELECT id, alert_key, kind, CASE kind
    WHEN 'infection' THEN 'Signs of infection at a dressing.'
    WHEN 'missed_dressing' THEN 'A dressing was not recorded.'
    WHEN 'crutches' THEN 'Still on crutches after day 15.'
    WHEN 'physio' THEN 'Physiotherapy had not started in time.'
    ELSE alert_key
  END
FROM (
  SELECT id, alert_key, CASE
      WHEN alert_key LIKE 'infection:%' THEN 'infection'
      WHEN alert_key LIKE 'missed:%' THEN 'missed_dressing'
      ELSE alert_key
    END AS kind
  FROM alert_acknowledgement
) AS earlier;

DROP INDEX alert_acknowledgement_case_id_alert_key_key;
ALTER TABLE alert_acknowledgement DROP COLUMN alert_key;
CREATE INDEX alert_acknowledgement_case_id_at_idx ON alert_acknowledgement (case_id, at);

-- A patient-page link's token is kept only as its SHA-256 (portal_link.token_hash). The message
-- that hands the link to the patient is stored with the link hidden in its body; the token
-- itself waits here, encrypted (AES-256-GCM, a key derived from the app's secret), only while
-- the message is queued, and is written into the message as it is handed to the mail server or
-- the SMS provider. Once the message leaves the queue (sent, failed, cancelled) it is erased.
ALTER TABLE message ADD COLUMN link_secret text;
ALTER TABLE message ADD CONSTRAINT message_link_secret_only_queued CHECK (link_secret IS NULL OR status = 'queued');

CREATE FUNCTION message_erase_link_secret() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'queued' THEN
    NEW.link_secret := NULL;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER message_erase_link_secret BEFORE UPDATE OF status ON message
  FOR EACH ROW EXECUTE FUNCTION message_erase_link_secret();

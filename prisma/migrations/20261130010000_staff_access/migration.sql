-- Staff accounts: the owner sets the password, never the administrator, and every site keeps
-- an active administrator.

-- A new account has no password until its owner sets one through a set-password link.
ALTER TABLE staff ALTER COLUMN password_hash DROP NOT NULL;

-- One-time set-password links. Only the SHA-256 of the token is kept; a link works once, until
-- it expires, and a newer link for the account revokes the older ones.
CREATE TABLE staff_password_link (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE CASCADE,
  token_hash text NOT NULL,
  issued_by_id uuid NOT NULL REFERENCES staff(id) ON UPDATE CASCADE ON DELETE RESTRICT,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  used_at timestamptz(3),
  revoked_at timestamptz(3)
);
CREATE UNIQUE INDEX staff_password_link_token_hash_key ON staff_password_link (token_hash);
CREATE INDEX staff_password_link_staff_id_idx ON staff_password_link (staff_id);

-- AC-1: a site's last active administrator stays one. The site's row is locked first, so two
-- administrators deactivating each other at once queue, and the second sees the first's change.
CREATE FUNCTION staff_keep_an_administrator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.role = 'admin' AND OLD.active AND (TG_OP = 'DELETE' OR NEW.role <> 'admin' OR NOT NEW.active) THEN
    PERFORM 1 FROM site WHERE id = OLD.site_id FOR UPDATE;
    IF NOT EXISTS (SELECT 1 FROM staff WHERE site_id = OLD.site_id AND role = 'admin' AND active AND id <> OLD.id) THEN
      RAISE EXCEPTION 'AC-1: the site''s last active administrator stays one' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;
CREATE TRIGGER staff_keep_an_administrator BEFORE UPDATE OF role, active OR DELETE ON staff
  FOR EACH ROW EXECUTE FUNCTION staff_keep_an_administrator();

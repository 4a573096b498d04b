-- moddatetime: the updated_at trigger of Supabase projects.
CREATE SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS moddatetime SCHEMA extensions;
SELECT extname, extnamespace::regnamespace, extversion FROM pg_extension WHERE extname = 'moddatetime';
SELECT name, default_version, installed_version, comment FROM pg_available_extensions WHERE name = 'moddatetime';
SELECT p.oid::regprocedure, p.pronamespace::regnamespace, p.prorettype::regtype, p.provolatile, p.proisstrict, p.prosrc
  FROM pg_proc p WHERE proname = 'moddatetime';

CREATE TABLE profiles (
  id int PRIMARY KEY,
  username text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT '2024-01-01 00:00:00+00',
  updated_at timestamptz NOT NULL DEFAULT '2024-01-01 00:00:00+00'
);
CREATE TRIGGER handle_updated_at BEFORE UPDATE ON profiles
  FOR EACH ROW EXECUTE PROCEDURE extensions.moddatetime(updated_at);
SELECT tgname, tgfoid::regproc, tgnargs, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'profiles'::regclass;
INSERT INTO profiles (id, username) VALUES (1, 'alice'), (2, 'bob');
SELECT id, updated_at FROM profiles ORDER BY id;
BEGIN;
UPDATE profiles SET username = 'alice2' WHERE id = 1;
SELECT id, updated_at = now() AS touched, created_at FROM profiles ORDER BY id;
COMMIT;
UPDATE profiles SET updated_at = '1999-01-01' WHERE id = 2 RETURNING id, updated_at > '2020-01-01' AS reset_to_now;
UPDATE profiles SET username = username RETURNING id, updated_at > created_at AS newer;

-- A timestamp (without time zone) column gets the local time of the session.
CREATE TABLE notes (id int PRIMARY KEY, body text, modified timestamp, day date);
CREATE TRIGGER notes_modified BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION extensions.moddatetime(modified);
INSERT INTO notes VALUES (1, 'x', NULL, NULL);
SET TimeZone = 'America/New_York';
BEGIN;
UPDATE notes SET body = 'y';
SELECT modified = localtimestamp AS local_now FROM notes;
COMMIT;
RESET TimeZone;

-- The extension's errors.
CREATE TRIGGER bad_type BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION extensions.moddatetime(day);
UPDATE notes SET body = 'z';
DROP TRIGGER bad_type ON notes;
CREATE TRIGGER bad_col BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION extensions.moddatetime(nosuch);
UPDATE notes SET body = 'z';
DROP TRIGGER bad_col ON notes;
CREATE TRIGGER bad_case BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION extensions.moddatetime("Modified");
UPDATE notes SET body = 'z';
DROP TRIGGER bad_case ON notes;
CREATE TRIGGER no_arg BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION extensions.moddatetime();
UPDATE notes SET body = 'z';
DROP TRIGGER no_arg ON notes;
CREATE TRIGGER two_args BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION extensions.moddatetime(modified, day);
UPDATE notes SET body = 'z';
DROP TRIGGER two_args ON notes;
CREATE TRIGGER after_upd AFTER UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION extensions.moddatetime(modified);
UPDATE notes SET body = 'z';
DROP TRIGGER after_upd ON notes;
CREATE TRIGGER stmt BEFORE UPDATE ON notes FOR EACH STATEMENT EXECUTE FUNCTION extensions.moddatetime(modified);
UPDATE notes SET body = 'z';
DROP TRIGGER stmt ON notes;
CREATE TRIGGER on_insert BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION extensions.moddatetime(modified);
INSERT INTO notes VALUES (2, 'a', NULL, NULL);
DROP TRIGGER on_insert ON notes;
CREATE TRIGGER on_delete BEFORE DELETE ON notes FOR EACH ROW EXECUTE FUNCTION extensions.moddatetime(modified);
DELETE FROM notes;
DROP TRIGGER on_delete ON notes;
CREATE TRIGGER unqualified BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION moddatetime(modified);
SELECT count(*) FROM notes;

-- DROP EXTENSION with triggers that use it.
DROP EXTENSION moddatetime;
DROP TRIGGER notes_modified ON notes;
DROP TRIGGER handle_updated_at ON profiles;
DROP EXTENSION moddatetime;
SELECT count(*) FROM pg_proc WHERE proname = 'moddatetime';
CREATE EXTENSION moddatetime;
CREATE TRIGGER t BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION moddatetime(modified);
UPDATE notes SET body = 'w' RETURNING modified IS NOT NULL;
DROP TRIGGER t ON notes;
DROP EXTENSION moddatetime;

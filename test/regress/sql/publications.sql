-- Publications (as Supabase Realtime sets them up) and replica identity: CREATE / ALTER / DROP
-- PUBLICATION, the catalogs, the 55000 an UPDATE or DELETE of a published table without a replica
-- identity raises, REPLICA IDENTITY in all its forms, and ALTER COLUMN ... SET STATISTICS.

CREATE TABLE messages (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, room text NOT NULL, body text,
  body_len int GENERATED ALWAYS AS (length(body)) STORED);
CREATE TABLE presence (user_id uuid NOT NULL, room text NOT NULL, seen_at timestamptz, UNIQUE (user_id, room));
CREATE TABLE audit_events (payload jsonb);
CREATE VIEW recent_messages AS SELECT * FROM messages ORDER BY id DESC LIMIT 10;
CREATE TEMP TABLE scratch (a int);
CREATE UNLOGGED TABLE cache (k text, v text);

CREATE PUBLICATION supabase_realtime;
SELECT pubname, puballtables, pubinsert, pubupdate, pubdelete, pubtruncate, pubviaroot, pubgencols FROM pg_publication;
ALTER PUBLICATION supabase_realtime ADD TABLE messages, presence;
ALTER PUBLICATION supabase_realtime ADD TABLE audit_events;
SELECT schemaname, tablename, attnames, rowfilter FROM pg_publication_tables ORDER BY tablename;
SELECT p.pubname, r.prrelid::regclass, r.prqual, r.prattrs FROM pg_publication_rel r JOIN pg_publication p ON p.oid = r.prpubid ORDER BY r.prrelid::regclass::text;

-- writes to published tables
INSERT INTO messages (room, body) VALUES ('general', 'hello'), ('general', 'world');
UPDATE messages SET body = 'hi' WHERE id = 1;
INSERT INTO presence VALUES ('6f1c0b5e-63a5-4c0e-9d2a-0d4c3b1f1a11', 'general', NULL);
UPDATE presence SET seen_at = '2026-01-01 00:00:00+00';
INSERT INTO audit_events VALUES ('{"e": 1}');
UPDATE audit_events SET payload = '{"e": 2}';
DELETE FROM audit_events;
UPDATE audit_events SET payload = '{"e": 3}' WHERE false;
ALTER TABLE audit_events REPLICA IDENTITY FULL;
UPDATE audit_events SET payload = '{"e": 2}';
DELETE FROM audit_events WHERE payload @> '{"e": 2}';
SELECT count(*) FROM audit_events;

-- REPLICA IDENTITY USING INDEX and its errors
CREATE INDEX presence_room ON presence (room);
CREATE UNIQUE INDEX presence_seen ON presence (seen_at);
CREATE UNIQUE INDEX presence_partial ON presence (user_id) WHERE room <> '';
CREATE UNIQUE INDEX presence_expr ON presence (lower(room));
ALTER TABLE presence REPLICA IDENTITY USING INDEX presence_room;
ALTER TABLE presence REPLICA IDENTITY USING INDEX presence_seen;
ALTER TABLE presence REPLICA IDENTITY USING INDEX presence_partial;
ALTER TABLE presence REPLICA IDENTITY USING INDEX presence_expr;
ALTER TABLE presence REPLICA IDENTITY USING INDEX nosuch;
ALTER TABLE presence REPLICA IDENTITY USING INDEX messages_pkey;
ALTER TABLE presence REPLICA IDENTITY USING INDEX presence_user_id_room_key;
UPDATE presence SET seen_at = now() WHERE room = 'general';
ALTER TABLE messages REPLICA IDENTITY NOTHING;
UPDATE messages SET body = 'x' WHERE id = 2;
DELETE FROM messages WHERE id = 2;
SELECT relname, relreplident FROM pg_class WHERE relname IN ('messages', 'presence', 'audit_events', 'cache') ORDER BY 1;
SELECT indexrelid::regclass, indisreplident FROM pg_index WHERE indrelid = 'presence'::regclass ORDER BY indexrelid::regclass::text;
DROP INDEX presence_user_id_room_key;
ALTER TABLE presence DROP CONSTRAINT presence_user_id_room_key;
ALTER TABLE messages REPLICA IDENTITY DEFAULT;
UPDATE messages SET body = 'x' WHERE id = 2 RETURNING id, body;
ALTER VIEW recent_messages SET (security_barrier = true);

-- which actions are published decides what needs an identity
CREATE TABLE notes (body text);
ALTER PUBLICATION supabase_realtime ADD TABLE notes;
INSERT INTO notes VALUES ('n');
DELETE FROM notes;
ALTER PUBLICATION supabase_realtime SET (publish = 'insert');
DELETE FROM notes;
UPDATE notes SET body = 'm';
ALTER PUBLICATION supabase_realtime SET (publish = 'insert, delete');
DELETE FROM notes;
UPDATE notes SET body = 'm';
SELECT pubinsert, pubupdate, pubdelete, pubtruncate FROM pg_publication WHERE pubname = 'supabase_realtime';

-- errors
CREATE PUBLICATION supabase_realtime;
CREATE PUBLICATION bad FOR TABLE recent_messages;
CREATE PUBLICATION bad FOR TABLE scratch;
CREATE PUBLICATION bad FOR TABLE cache;
CREATE PUBLICATION bad FOR TABLE pg_class;
CREATE PUBLICATION bad FOR TABLE nosuch;
CREATE PUBLICATION bad WITH (publish = 'insert, upsert');
CREATE PUBLICATION bad WITH (foo = 1);
CREATE PUBLICATION bad WITH (publish = 'insert', publish = 'update');
CREATE PUBLICATION bad WITH (publish_via_partition_root = maybe);
CREATE PUBLICATION bad WITH (publish_generated_columns = virtual);
ALTER PUBLICATION supabase_realtime ADD TABLE messages;
ALTER PUBLICATION supabase_realtime DROP TABLE cache;
ALTER PUBLICATION supabase_realtime DROP TABLE nosuch;
ALTER PUBLICATION nope ADD TABLE messages;
DROP PUBLICATION nope;
DROP PUBLICATION IF EXISTS nope;

-- FOR ALL TABLES, FOR TABLES IN SCHEMA, options, generated columns, partitions
CREATE PUBLICATION everything FOR ALL TABLES;
ALTER PUBLICATION everything ADD TABLE messages;
ALTER PUBLICATION everything DROP TABLES IN SCHEMA public;
CREATE SCHEMA chat;
CREATE TABLE chat.rooms (id int PRIMARY KEY, name text);
CREATE PUBLICATION chat_pub FOR TABLES IN SCHEMA chat WITH (publish_generated_columns = stored);
CREATE PUBLICATION gen_pub FOR TABLE messages WITH (publish_generated_columns = stored, publish = '');
ALTER PUBLICATION chat_pub ADD TABLES IN SCHEMA chat;
ALTER PUBLICATION chat_pub ADD TABLES IN SCHEMA pg_catalog;
ALTER PUBLICATION chat_pub DROP TABLES IN SCHEMA public;
CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE PUBLICATION leaf_pub FOR TABLE events;
CREATE PUBLICATION root_pub FOR TABLE events WITH (publish_via_partition_root);
INSERT INTO events VALUES (1, '2026-05-01');
UPDATE events SET id = 2;
SELECT pubname, schemaname, tablename, attnames FROM pg_publication_tables
WHERE pubname <> 'everything' ORDER BY pubname, tablename;
SELECT count(*) > 0 FROM pg_publication_tables WHERE pubname = 'everything' AND tablename = 'messages';
SELECT count(*) FROM pg_publication_tables WHERE pubname = 'everything' AND tablename IN ('cache', 'scratch', 'events', 'recent_messages');
SELECT p.pubname, n.nspname FROM pg_publication_namespace pn JOIN pg_publication p ON p.oid = pn.pnpubid
JOIN pg_namespace n ON n.oid = pn.pnnspid ORDER BY 1, 2;
SELECT pubname, pubviaroot, pubgencols, pubinsert, pubupdate FROM pg_publication ORDER BY pubname;

-- SET replaces the list; RENAME, OWNER, COMMENT; dropped tables and schemas leave
ALTER PUBLICATION supabase_realtime SET TABLE messages, notes;
SELECT r.prrelid::regclass FROM pg_publication_rel r JOIN pg_publication p ON p.oid = r.prpubid
WHERE p.pubname = 'supabase_realtime' ORDER BY r.prrelid::regclass::text;
ALTER PUBLICATION gen_pub RENAME TO generated_pub;
ALTER PUBLICATION generated_pub RENAME TO chat_pub;
ALTER PUBLICATION generated_pub OWNER TO CURRENT_USER;
COMMENT ON PUBLICATION generated_pub IS 'stored generated columns too';
COMMENT ON PUBLICATION nope IS 'x';
SELECT pubname, obj_description(oid, 'pg_publication') FROM pg_publication ORDER BY 1;
DROP TABLE notes;
DROP SCHEMA chat CASCADE;
SELECT p.pubname, r.prrelid::regclass FROM pg_publication_rel r JOIN pg_publication p ON p.oid = r.prpubid ORDER BY 1, r.prrelid::regclass::text;
SELECT count(*) FROM pg_publication_namespace;
BEGIN;
DROP PUBLICATION everything, generated_pub;
SELECT pubname FROM pg_publication ORDER BY 1;
ROLLBACK;
SELECT pubname FROM pg_publication ORDER BY 1;
DROP PUBLICATION everything, generated_pub, leaf_pub, root_pub, chat_pub;
SELECT pubname FROM pg_publication ORDER BY 1;

-- SET STATISTICS
ALTER TABLE messages ALTER COLUMN room SET STATISTICS 500;
ALTER TABLE messages ALTER COLUMN body SET STATISTICS 20000;
ALTER TABLE messages ALTER COLUMN body SET STATISTICS -5;
ALTER TABLE messages ALTER COLUMN 1 SET STATISTICS 5;
ALTER TABLE messages ALTER COLUMN xmin SET STATISTICS 5;
ALTER TABLE messages ALTER COLUMN nosuch SET STATISTICS 5;
SELECT attname, attstattarget FROM pg_attribute WHERE attrelid = 'messages'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE messages ALTER COLUMN room SET STATISTICS -1;
SELECT attname, attstattarget FROM pg_attribute WHERE attrelid = 'messages'::regclass AND attnum > 0 ORDER BY attnum;

-- Table inheritance: an audit log with per-kind children, and the classic cities / capitals.

CREATE TABLE audit_event (
  id int NOT NULL,
  occurred_at date NOT NULL DEFAULT '2024-01-01',
  actor text CHECK (actor <> ''),
  note text
);
CREATE TABLE login_event (ip inet, success boolean NOT NULL DEFAULT true) INHERITS (audit_event);
CREATE TABLE payment_event (amount numeric(10,2) CHECK (amount > 0), actor text) INHERITS (audit_event);
CREATE TABLE refund_event (reason text, id int) INHERITS (payment_event);

-- column merging and conflicts
CREATE TABLE bad_event (actor varchar(20)) INHERITS (audit_event);
CREATE TABLE bad_event (actor text COLLATE "C") INHERITS (audit_event);
CREATE TABLE bad_event () INHERITS (audit_event, audit_event);
CREATE TABLE other_log (id bigint);
CREATE TABLE bad_event () INHERITS (audit_event, other_log);
CREATE TABLE log_a (note text DEFAULT 'a');
CREATE TABLE log_b (note text DEFAULT 'b');
CREATE TABLE bad_event () INHERITS (log_a, log_b);
CREATE TABLE ok_event (note text DEFAULT 'c') INHERITS (log_a, log_b);
CREATE VIEW event_view AS SELECT 1 AS x;
CREATE TABLE bad_event () INHERITS (event_view);
CREATE TABLE gen_parent (a int, b int GENERATED ALWAYS AS (a * 2) STORED);
CREATE TABLE bad_event (a int GENERATED ALWAYS AS (a + 1) STORED) INHERITS (log_a);
CREATE TABLE bad_event (b int DEFAULT 3) INHERITS (gen_parent);
CREATE TABLE gen_child (c int) INHERITS (gen_parent);
INSERT INTO gen_child (a, c) VALUES (5, 1);
SELECT * FROM gen_parent;

SELECT attname, attnum, attislocal, attinhcount, attnotnull
FROM pg_attribute WHERE attrelid = 'refund_event'::regclass AND attnum > 0 ORDER BY attnum;
SELECT conrelid::regclass::text AS rel, conname, contype, conislocal, coninhcount, connoinherit
FROM pg_constraint
WHERE conrelid IN ('audit_event'::regclass, 'login_event'::regclass, 'payment_event'::regclass, 'refund_event'::regclass)
ORDER BY 1, 2;
SELECT inhrelid::regclass::text, inhparent::regclass::text, inhseqno FROM pg_inherits
WHERE inhparent IN ('audit_event'::regclass, 'payment_event'::regclass, 'log_a'::regclass, 'log_b'::regclass)
ORDER BY 1, 2;
SELECT relname, relhassubclass FROM pg_class
WHERE relname IN ('audit_event', 'login_event', 'payment_event', 'refund_event') ORDER BY 1;
SELECT adrelid::regclass::text, pg_get_expr(adbin, adrelid)
FROM pg_attrdef WHERE adrelid IN ('login_event'::regclass, 'ok_event'::regclass) ORDER BY 1, 2;

INSERT INTO audit_event (id, actor, note) VALUES (1, 'alice', 'created account'), (2, 'bob', 'viewed report');
INSERT INTO login_event (id, actor, ip) VALUES (3, 'alice', '10.0.0.1'), (4, 'carol', '10.0.0.2');
INSERT INTO login_event (id, actor, ip, success) VALUES (5, 'mallory', '10.6.6.6', false);
INSERT INTO payment_event (id, actor, amount, note) VALUES (6, 'alice', 19.99, 'pro plan'), (7, 'bob', 5.00, NULL);
INSERT INTO refund_event (id, actor, amount, reason) VALUES (8, 'bob', 5.00, 'duplicate');
INSERT INTO payment_event (id, actor, amount) VALUES (9, 'dave', -1);
INSERT INTO refund_event (id, actor, amount) VALUES (10, '', 1);
INSERT INTO login_event (id, actor) VALUES (NULL, 'x');

-- reads through the parent
SELECT * FROM audit_event ORDER BY id;
SELECT tableoid::regclass AS kind, id, actor FROM audit_event ORDER BY id;
SELECT * FROM ONLY audit_event ORDER BY id;
SELECT id FROM audit_event* WHERE actor = 'alice' ORDER BY id;
SELECT tableoid::regclass AS kind, count(*) FROM audit_event GROUP BY 1 ORDER BY 1;
SELECT * FROM payment_event ORDER BY id;
SELECT actor, count(*) AS events FROM audit_event GROUP BY actor ORDER BY events DESC, actor LIMIT 2;
SELECT e.id, p.amount FROM audit_event e JOIN payment_event p ON p.id = e.id ORDER BY e.id;
SELECT e.id, e.tableoid::regclass, c.relname FROM audit_event e, pg_class c WHERE e.tableoid = c.oid AND e.id > 5 ORDER BY e.id;
SELECT max(id), min(actor) FROM audit_event WHERE occurred_at = '2024-01-01';
SELECT id FROM audit_event WHERE id IN (SELECT id FROM ONLY login_event) ORDER BY id;
SELECT a FROM audit_event a WHERE a.id = 3;
SELECT id, actor FROM audit_event ORDER BY id FOR UPDATE;
SELECT count(*) FROM audit_event e WHERE EXISTS (SELECT 1 FROM refund_event r WHERE r.id = e.id);

-- writes through the parent
UPDATE audit_event SET note = 'flagged' WHERE actor = 'bob' RETURNING tableoid::regclass, id, note;
UPDATE ONLY audit_event SET note = 'root only' WHERE id = 1 RETURNING *;
UPDATE audit_event SET actor = '' WHERE id = 8;
UPDATE payment_event SET amount = amount * 2 WHERE id IN (6, 8) RETURNING tableoid::regclass, id, amount;
SELECT id, amount, reason FROM refund_event;
DELETE FROM audit_event WHERE id = 5 RETURNING tableoid::regclass, *;
DELETE FROM ONLY payment_event WHERE id = 8;
SELECT count(*) FROM refund_event;
INSERT INTO audit_event (id, actor) VALUES (11, 'erin') RETURNING tableoid::regclass, *;
BEGIN;
DELETE FROM audit_event;
SELECT count(*) FROM audit_event;
ROLLBACK;
SELECT count(*) FROM audit_event;

-- row triggers fire per child table, statement triggers on the named table
CREATE FUNCTION audit_trace() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% % on %', TG_WHEN, TG_OP, TG_TABLE_NAME;
  IF TG_LEVEL = 'ROW' AND TG_OP = 'UPDATE' THEN
    NEW.note := coalesce(NEW.note, '') || '+';
    RETURN NEW;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER login_row BEFORE UPDATE OR DELETE ON login_event FOR EACH ROW EXECUTE FUNCTION audit_trace();
CREATE TRIGGER audit_stmt BEFORE UPDATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_trace();
UPDATE audit_event SET occurred_at = '2024-02-01' WHERE id IN (1, 3) RETURNING tableoid::regclass, id, note;
DELETE FROM audit_event WHERE id = 4;

-- ALTER TABLE on the tree
ALTER TABLE audit_event ADD COLUMN source text DEFAULT 'web';
SELECT tableoid::regclass, id, source FROM audit_event ORDER BY id;
SELECT attrelid::regclass::text, attname, attnum, attislocal, attinhcount FROM pg_attribute
WHERE attname = 'source' ORDER BY 1;
ALTER TABLE ONLY audit_event ADD COLUMN region text;
ALTER TABLE refund_event DROP COLUMN actor;
ALTER TABLE refund_event ALTER COLUMN note TYPE varchar(100);
ALTER TABLE refund_event RENAME COLUMN note TO remark;
ALTER TABLE audit_event ADD CONSTRAINT source_known CHECK (source IN ('web', 'api'));
ALTER TABLE ONLY audit_event ADD CONSTRAINT id_positive CHECK (id > 0);
UPDATE audit_event SET source = 'cli' WHERE id = 7;
ALTER TABLE login_event DROP CONSTRAINT source_known;
ALTER TABLE audit_event ALTER COLUMN note SET NOT NULL;
ALTER TABLE audit_event ALTER COLUMN source SET NOT NULL;
ALTER TABLE login_event ALTER COLUMN source DROP NOT NULL;
SELECT conrelid::regclass::text AS rel, conname, contype, conislocal, coninhcount
FROM pg_constraint WHERE conname IN ('source_known', 'audit_event_source_not_null') ORDER BY 1, 2;
ALTER TABLE audit_event ALTER COLUMN source TYPE varchar(10);
ALTER TABLE ONLY audit_event ALTER COLUMN source TYPE text;
SELECT attrelid::regclass::text, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attname = 'source' ORDER BY 1;
ALTER TABLE audit_event RENAME COLUMN note TO details;
ALTER TABLE ONLY audit_event RENAME COLUMN details TO note;
ALTER TABLE login_event RENAME COLUMN details TO note;
SELECT id, details FROM payment_event ORDER BY id;
ALTER TABLE audit_event DROP CONSTRAINT source_known;
ALTER TABLE audit_event DROP COLUMN source;
SELECT attrelid::regclass::text, attname FROM pg_attribute WHERE attname = 'source' AND NOT attisdropped ORDER BY 1;
SELECT * FROM refund_event;

-- INHERIT / NO INHERIT
CREATE TABLE export_event (id int NOT NULL, occurred_at date NOT NULL, actor text, details text, batch int);
ALTER TABLE export_event INHERIT audit_event;
ALTER TABLE export_event ADD CONSTRAINT audit_event_actor_check CHECK (actor <> 'x');
ALTER TABLE export_event INHERIT audit_event;
ALTER TABLE export_event DROP CONSTRAINT audit_event_actor_check;
ALTER TABLE export_event ADD CONSTRAINT audit_event_actor_check CHECK (actor <> '');
ALTER TABLE export_event INHERIT audit_event;
ALTER TABLE export_event INHERIT audit_event;
CREATE TABLE short_event (id int);
ALTER TABLE short_event INHERIT audit_event;
ALTER TABLE audit_event INHERIT login_event;
INSERT INTO export_event VALUES (12, '2024-03-01', 'frank', 'csv', 1);
SELECT tableoid::regclass, id, actor FROM audit_event WHERE id > 10 ORDER BY id;
SELECT attname, attislocal, attinhcount FROM pg_attribute WHERE attrelid = 'export_event'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE export_event NO INHERIT audit_event;
ALTER TABLE export_event NO INHERIT audit_event;
SELECT attname, attislocal, attinhcount FROM pg_attribute WHERE attrelid = 'export_event'::regclass AND attnum > 0 ORDER BY attnum;
SELECT count(*) FROM audit_event WHERE id = 12;

-- psql's \d audit_event and \d refund_event
SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
WHERE c.oid = i.inhrelid AND i.inhparent = 'public.audit_event'::pg_catalog.regclass
ORDER BY c.oid::pg_catalog.regclass::pg_catalog.text;
SELECT c.oid::pg_catalog.regclass
FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
WHERE c.oid = i.inhparent AND i.inhrelid = 'public.refund_event'::pg_catalog.regclass
  AND c.relkind != 'p' AND c.relkind != 'I'
ORDER BY inhseqno;
SELECT c.conname, a.attname, c.connoinherit, c.conislocal, c.coninhcount <> 0
FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_attribute a ON (a.attrelid = c.conrelid AND a.attnum = c.conkey[1])
WHERE c.contype = 'n' AND c.conrelid = 'public.refund_event'::pg_catalog.regclass
ORDER BY a.attnum;
SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true)
FROM pg_catalog.pg_constraint r
WHERE r.conrelid = 'public.refund_event'::pg_catalog.regclass AND r.contype = 'c'
ORDER BY 1;

-- DROP
DROP TABLE audit_event;
DROP TABLE payment_event, login_event;
DROP TABLE refund_event;
SELECT relhassubclass FROM pg_class WHERE relname = 'payment_event';
DROP TABLE audit_event CASCADE;
SELECT count(*) FROM pg_inherits WHERE inhrelid = 'ok_event'::regclass;
DROP TABLE log_a, log_b CASCADE;

-- cities and capitals
CREATE TABLE cities (name text, population real, elevation int);
CREATE TABLE capitals (state char(2) UNIQUE NOT NULL) INHERITS (cities);
INSERT INTO cities VALUES ('Las Vegas', 2.583E+05, 2174), ('Mariposa', 1200, 1953);
INSERT INTO capitals VALUES ('Madison', 1.913E+05, 845, 'WI'), ('Sacramento', 3.694E+05, 30, 'CA');
SELECT name, elevation FROM cities WHERE elevation > 500 ORDER BY name;
SELECT name, elevation FROM ONLY cities WHERE elevation > 500 ORDER BY name;
SELECT c.tableoid::regclass, c.name FROM cities c ORDER BY c.elevation;
INSERT INTO capitals VALUES ('Dup', 1, 1, 'WI');
INSERT INTO cities (name, elevation) VALUES ('Madison', 1);
SELECT name, count(*) FROM cities GROUP BY name HAVING count(*) > 1;
UPDATE cities SET population = population * 1.1 WHERE name = 'Sacramento' RETURNING name, population;
SELECT name, population FROM capitals ORDER BY name;
CREATE TABLE towns (LIKE cities);
SELECT count(*) FROM pg_inherits WHERE inhrelid = 'towns'::regclass;
CREATE VIEW plain_cities AS SELECT name FROM ONLY cities c WHERE elevation > 100;
CREATE VIEW all_cities AS SELECT name FROM cities;
SELECT pg_get_viewdef('plain_cities'), pg_get_viewdef('all_cities');
SELECT * FROM plain_cities ORDER BY name;
TRUNCATE ONLY cities;
SELECT tableoid::regclass, name FROM cities ORDER BY name;
TRUNCATE cities;
SELECT count(*) FROM capitals;
DROP TABLE cities;
DROP TABLE cities CASCADE;

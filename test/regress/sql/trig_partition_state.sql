-- regress: where
-- Row triggers cloned to partitions, their WHEN conditions over another column layout, and
-- ENABLE / DISABLE TRIGGER through partitioned tables; DISABLE TRIGGER ALL and foreign keys.
CREATE FUNCTION trig_ps_bark(text) RETURNS bool LANGUAGE plpgsql IMMUTABLE AS
$$ BEGIN RAISE NOTICE '% <- woof!', $1; RETURN true; END $$;
CREATE FUNCTION trig_ps_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'trigger % on % % % for %: (a,b)=(%,%)', TG_NAME, TG_TABLE_NAME, TG_WHEN, TG_OP, TG_LEVEL, NEW.a, NEW.b;
  RETURN NULL;
END $$;
CREATE TABLE trig_ps_irreg (fd int, a int, fd2 int, b text) PARTITION BY RANGE (b);
ALTER TABLE trig_ps_irreg DROP COLUMN fd, DROP COLUMN fd2;
CREATE TABLE trig_ps_irreg1 (b text, fd int, a int);
ALTER TABLE trig_ps_irreg1 DROP COLUMN fd;
ALTER TABLE trig_ps_irreg ATTACH PARTITION trig_ps_irreg1 FOR VALUES FROM ('aaaa') TO ('bbbb');
CREATE TRIGGER trig_ps_odd AFTER INSERT ON trig_ps_irreg FOR EACH ROW
  WHEN (trig_ps_bark(new.b) AND new.a % 2 = 1) EXECUTE FUNCTION trig_ps_notice();
CREATE TRIGGER trig_ps_upd AFTER UPDATE OF b ON trig_ps_irreg FOR EACH ROW
  EXECUTE FUNCTION trig_ps_notice();
INSERT INTO trig_ps_irreg VALUES (1, 'aardvark'), (2, 'aanimals');
INSERT INTO trig_ps_irreg1 VALUES ('aardwolf', 3);
UPDATE trig_ps_irreg SET a = a + 10 WHERE a = 1;
UPDATE trig_ps_irreg SET b = b || 's' WHERE a = 2;
-- ENABLE / DISABLE through the partitioned table, or ONLY on it.
CREATE TABLE trig_ps_parent (a int) PARTITION BY LIST (a);
CREATE TABLE trig_ps_child1 PARTITION OF trig_ps_parent FOR VALUES IN (1);
CREATE FUNCTION trig_ps_stmt() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE NOTICE '% on %', TG_NAME, TG_TABLE_NAME; RETURN NULL; END $$;
CREATE TRIGGER trig_ps_tg AFTER INSERT ON trig_ps_parent FOR EACH ROW EXECUTE FUNCTION trig_ps_stmt();
CREATE TRIGGER trig_ps_tg_stmt AFTER INSERT ON trig_ps_parent FOR EACH STATEMENT EXECUTE FUNCTION trig_ps_stmt();
ALTER TABLE ONLY trig_ps_parent ENABLE ALWAYS TRIGGER trig_ps_tg;
SELECT tgrelid::regclass, tgname, tgenabled FROM pg_trigger
  WHERE tgrelid IN ('trig_ps_parent'::regclass, 'trig_ps_child1'::regclass) ORDER BY tgrelid::regclass::text, tgname;
ALTER TABLE trig_ps_parent DISABLE TRIGGER USER;
SELECT tgrelid::regclass, tgname, tgenabled FROM pg_trigger
  WHERE tgrelid IN ('trig_ps_parent'::regclass, 'trig_ps_child1'::regclass) ORDER BY tgrelid::regclass::text, tgname;
INSERT INTO trig_ps_parent VALUES (1);
ALTER TABLE trig_ps_parent ENABLE TRIGGER ALL;
INSERT INTO trig_ps_parent VALUES (1);
ALTER TABLE ONLY trig_ps_parent DISABLE TRIGGER trig_ps_tg;
INSERT INTO trig_ps_parent VALUES (1);
-- DISABLE TRIGGER ALL turns off the table's foreign-key enforcement too; USER does not.
CREATE TABLE trig_ps_refd (i int PRIMARY KEY);
CREATE TABLE trig_ps_refing (i int REFERENCES trig_ps_refd ON DELETE CASCADE);
INSERT INTO trig_ps_refd VALUES (1), (2), (3);
INSERT INTO trig_ps_refing VALUES (1), (2);
ALTER TABLE trig_ps_refd DISABLE TRIGGER USER;
DELETE FROM trig_ps_refd WHERE i = 2;
SELECT * FROM trig_ps_refing ORDER BY i;
ALTER TABLE trig_ps_refd DISABLE TRIGGER ALL;
DELETE FROM trig_ps_refd WHERE i = 1;
SELECT * FROM trig_ps_refing ORDER BY i;
ALTER TABLE trig_ps_refd ENABLE TRIGGER ALL;
ALTER TABLE trig_ps_refing DISABLE TRIGGER ALL;
INSERT INTO trig_ps_refing VALUES (99);
ALTER TABLE trig_ps_refing ENABLE TRIGGER ALL;
INSERT INTO trig_ps_refing VALUES (98);
SELECT * FROM trig_ps_refing ORDER BY i;
-- A deferred check whose constraint went away before commit.
CREATE TABLE trig_ps_refd2 (id int PRIMARY KEY);
CREATE TABLE trig_ps_refing2 (fk int REFERENCES trig_ps_refd2 INITIALLY DEFERRED);
BEGIN;
INSERT INTO trig_ps_refing2 VALUES (1);
DROP TABLE trig_ps_refd2 CASCADE;
COMMIT;
SELECT * FROM trig_ps_refing2;

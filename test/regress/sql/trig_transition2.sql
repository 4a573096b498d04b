-- regress: where
-- Transition tables and statement triggers in less direct paths: inheritance parents,
-- ON CONFLICT through partitioned tables, referential actions.
CREATE FUNCTION trig_tt_dump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    RAISE NOTICE '% %: new = %', TG_NAME, TG_OP, (SELECT string_agg(n::text, ', ' ORDER BY n::text) FROM new_table n);
  ELSIF TG_OP = 'UPDATE' THEN
    RAISE NOTICE '% %: old = %, new = %', TG_NAME, TG_OP,
      (SELECT string_agg(o::text, ', ' ORDER BY o::text) FROM old_table o),
      (SELECT string_agg(n::text, ', ' ORDER BY n::text) FROM new_table n);
  ELSE
    RAISE NOTICE '% %: old = %', TG_NAME, TG_OP, (SELECT string_agg(o::text, ', ' ORDER BY o::text) FROM old_table o);
  END IF;
  RETURN NULL;
END $$;
-- Inheritance: rows of children changed through the parent, in the parent's layout.
CREATE TABLE trig_tt_parent (a text, b int);
CREATE TABLE trig_tt_child1 () INHERITS (trig_tt_parent);
CREATE TABLE trig_tt_child2 (b int, a text);
ALTER TABLE trig_tt_child2 INHERIT trig_tt_parent;
CREATE TABLE trig_tt_child3 (c text) INHERITS (trig_tt_parent);
CREATE TRIGGER trig_tt_parent_upd AFTER UPDATE ON trig_tt_parent
  REFERENCING OLD TABLE AS old_table NEW TABLE AS new_table
  FOR EACH STATEMENT EXECUTE FUNCTION trig_tt_dump();
CREATE TRIGGER trig_tt_parent_del AFTER DELETE ON trig_tt_parent
  REFERENCING OLD TABLE AS old_table
  FOR EACH STATEMENT EXECUTE FUNCTION trig_tt_dump();
INSERT INTO trig_tt_child1 VALUES ('AAA', 42);
INSERT INTO trig_tt_child2 VALUES (42, 'BBB');
INSERT INTO trig_tt_child3 VALUES ('CCC', 42, 'foo');
INSERT INTO trig_tt_parent VALUES ('PPP', 1);
UPDATE trig_tt_parent SET b = b + 1;
DELETE FROM trig_tt_parent WHERE a <> 'PPP';
DELETE FROM trig_tt_parent;
-- ON CONFLICT DO UPDATE through a partitioned table.
CREATE TABLE trig_tt_parted (a int PRIMARY KEY, b text) PARTITION BY LIST (a);
CREATE TABLE trig_tt_parted1 PARTITION OF trig_tt_parted FOR VALUES IN (1, 2);
CREATE TABLE trig_tt_parted2 (b text, a int NOT NULL);
ALTER TABLE trig_tt_parted ATTACH PARTITION trig_tt_parted2 FOR VALUES IN (3, 4);
CREATE TRIGGER trig_tt_parted_ins AFTER INSERT ON trig_tt_parted
  REFERENCING NEW TABLE AS new_table FOR EACH STATEMENT EXECUTE FUNCTION trig_tt_dump();
CREATE TRIGGER trig_tt_parted_upd AFTER UPDATE ON trig_tt_parted
  REFERENCING OLD TABLE AS old_table NEW TABLE AS new_table FOR EACH STATEMENT EXECUTE FUNCTION trig_tt_dump();
INSERT INTO trig_tt_parted VALUES (1, 'AAA'), (3, 'CCC');
INSERT INTO trig_tt_parted VALUES (1, 'AAA'), (2, 'BBB'), (3, 'CCC'), (4, 'DDD')
  ON CONFLICT (a) DO UPDATE SET b = trig_tt_parted.b || ':' || excluded.b;
-- Referential actions: one statement firing per table, with the cascaded rows.
CREATE TABLE trig_tt_refd (a int PRIMARY KEY, b text);
CREATE TABLE trig_tt_refing (a int REFERENCES trig_tt_refd ON UPDATE CASCADE ON DELETE CASCADE, b text);
INSERT INTO trig_tt_refd VALUES (1, 'one'), (2, 'two'), (3, 'three');
INSERT INTO trig_tt_refing VALUES (1, 'one a'), (1, 'one b'), (2, 'two a'), (2, 'two b'), (3, 'three a');
CREATE FUNCTION trig_tt_stmt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% % % %', TG_NAME, TG_WHEN, TG_OP, TG_LEVEL;
  RETURN NULL;
END $$;
CREATE TRIGGER trig_tt_refing_before BEFORE UPDATE OR DELETE ON trig_tt_refing
  FOR EACH STATEMENT EXECUTE FUNCTION trig_tt_stmt();
CREATE TRIGGER trig_tt_refing_upd AFTER UPDATE ON trig_tt_refing
  REFERENCING OLD TABLE AS old_table NEW TABLE AS new_table FOR EACH STATEMENT EXECUTE FUNCTION trig_tt_dump();
CREATE TRIGGER trig_tt_refing_del AFTER DELETE ON trig_tt_refing
  REFERENCING OLD TABLE AS old_table FOR EACH STATEMENT EXECUTE FUNCTION trig_tt_dump();
UPDATE trig_tt_refd SET a = 11 WHERE b = 'one';
DELETE FROM trig_tt_refd WHERE length(b) = 3;
SELECT * FROM trig_tt_refing ORDER BY b;

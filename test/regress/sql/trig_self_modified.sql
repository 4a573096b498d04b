-- A BEFORE trigger whose statement changes a row the outer UPDATE / DELETE / MERGE is about to
-- change: Postgres refuses (27000) instead of writing the row twice.
CREATE TABLE trig_sm_parent (id int PRIMARY KEY, name text, nchildren int NOT NULL DEFAULT 0);
CREATE TABLE trig_sm_child (id int PRIMARY KEY, parent int REFERENCES trig_sm_parent, name text);
INSERT INTO trig_sm_parent VALUES (1, 'p1', 0), (2, 'p2', 0);
INSERT INTO trig_sm_child VALUES (10, 1, 'c10'), (11, 1, 'c11'), (20, 2, 'c20');

-- Updating the parent touches its children first (from a BEFORE trigger): the parent row itself is fine.
CREATE FUNCTION trig_sm_touch_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE trig_sm_child SET name = name || '+' WHERE parent = NEW.id;
  RETURN NEW;
END $$;
CREATE TRIGGER trig_sm_p_upd BEFORE UPDATE ON trig_sm_parent FOR EACH ROW EXECUTE FUNCTION trig_sm_touch_children();
UPDATE trig_sm_parent SET name = upper(name);
SELECT * FROM trig_sm_child ORDER BY id;

-- A BEFORE UPDATE trigger that updates its own row: the outer UPDATE fails.
CREATE FUNCTION trig_sm_bump_self() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE trig_sm_parent SET nchildren = nchildren + 1 WHERE id = NEW.id;
  RETURN NEW;
END $$;
CREATE TRIGGER trig_sm_self BEFORE UPDATE OF name ON trig_sm_parent FOR EACH ROW EXECUTE FUNCTION trig_sm_bump_self();
UPDATE trig_sm_parent SET name = 'x' WHERE id = 1;
MERGE INTO trig_sm_parent p USING (VALUES (1)) v(id) ON p.id = v.id WHEN MATCHED THEN UPDATE SET name = 'y';
SELECT * FROM trig_sm_parent ORDER BY id;
DROP TRIGGER trig_sm_self ON trig_sm_parent;

-- A BEFORE DELETE trigger on the children that updates a parent row the same DELETE deletes later.
CREATE TABLE trig_sm_tree (id int PRIMARY KEY, parent int, nchildren int NOT NULL DEFAULT 0);
INSERT INTO trig_sm_tree VALUES (1, NULL, 2), (2, 1, 0), (3, 1, 0);
CREATE FUNCTION trig_sm_dec() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.parent IS NOT NULL THEN
    UPDATE trig_sm_tree SET nchildren = nchildren - 1 WHERE id = OLD.parent;
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER trig_sm_tree_del BEFORE DELETE ON trig_sm_tree FOR EACH ROW EXECUTE FUNCTION trig_sm_dec();
DELETE FROM trig_sm_tree WHERE id IN (SELECT id FROM trig_sm_tree ORDER BY id DESC);
SELECT * FROM trig_sm_tree ORDER BY id;
-- Deleting only children works, and the counter follows.
DELETE FROM trig_sm_tree WHERE parent = 1;
SELECT * FROM trig_sm_tree ORDER BY id;

-- Without BEFORE DELETE triggers the DELETE's own wording: an AFTER-less BEFORE UPDATE trigger
-- on another table deletes the row first.
CREATE TABLE trig_sm_a (id int PRIMARY KEY, v int);
CREATE TABLE trig_sm_b (id int PRIMARY KEY);
INSERT INTO trig_sm_a VALUES (1, 0), (2, 0);
INSERT INTO trig_sm_b VALUES (1), (2);
CREATE FUNCTION trig_sm_del_other() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM trig_sm_a WHERE id = 2;
  RETURN NEW;
END $$;
CREATE TRIGGER trig_sm_a_upd BEFORE UPDATE ON trig_sm_a FOR EACH ROW WHEN (OLD.id = 1) EXECUTE FUNCTION trig_sm_del_other();
UPDATE trig_sm_a SET v = v + 1;
SELECT * FROM trig_sm_a ORDER BY id;
CREATE FUNCTION trig_sm_upd_a() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE trig_sm_a SET v = 100 WHERE id = OLD.id + 1;
  RETURN OLD;
END $$;
CREATE TRIGGER trig_sm_b_del BEFORE DELETE ON trig_sm_b FOR EACH ROW EXECUTE FUNCTION trig_sm_upd_a();
DELETE FROM trig_sm_a a USING trig_sm_b b WHERE a.id = b.id;
SELECT * FROM trig_sm_a ORDER BY id;

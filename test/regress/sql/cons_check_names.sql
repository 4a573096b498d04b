-- Default CHECK constraint names follow the columns the expression reads, not where it is written.
CREATE TABLE cons_cn1 (a int, b int CHECK (b > a), c int CHECK (a > 0), CHECK (c > 1), CHECK (b > 0 AND b < 100), CHECK (a + b > 0));
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cons_cn1'::regclass ORDER BY conname;
INSERT INTO cons_cn1 VALUES (5, 1, 3);
INSERT INTO cons_cn1 VALUES (-1, 1, 3);
ALTER TABLE cons_cn1 ADD CHECK (a < 1000), ADD CHECK (a <> b), ADD CHECK (tableoid <> 0), ADD CHECK (c IS NOT NULL AND tableoid <> 0);
ALTER TABLE cons_cn1 ADD COLUMN d int CHECK (d > c);
ALTER TABLE cons_cn1 ADD COLUMN e int CHECK (e > 0);
SELECT conname FROM pg_constraint WHERE conrelid = 'cons_cn1'::regclass ORDER BY conname;
CREATE TABLE cons_cn2 (x int, y int CHECK (y > x) NO INHERIT, CHECK (x > 0));
CREATE TABLE cons_cn3 (z int) INHERITS (cons_cn2);
SELECT conrelid::regclass, conname, connoinherit FROM pg_constraint WHERE conrelid IN ('cons_cn2'::regclass, 'cons_cn3'::regclass) ORDER BY 1, 2;
INSERT INTO cons_cn3 (x) VALUES (-3);
DROP TABLE cons_cn1, cons_cn2 CASCADE;

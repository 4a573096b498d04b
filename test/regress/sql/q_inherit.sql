-- Table inheritance: row types of children used as their parents', renames and type changes that
-- would leave a column inherited from outside the tree, defaults merged from several parents.
CREATE TABLE base (i integer);
CREATE TABLE derived () INHERITS (base);
INSERT INTO derived (i) VALUES (0);
SELECT derived::base FROM derived;
SELECT NULL::derived::base;
SELECT pg_typeof(derived::base) FROM derived;

CREATE TABLE people (name text, born date);
CREATE TABLE tagged (tags text[]);
CREATE FUNCTION describe(people) RETURNS text AS 'SELECT $1.name || '' (born '' || $1.born || '')''' LANGUAGE sql;
CREATE TABLE staff (salary int) INHERITS (tagged, people);
INSERT INTO staff VALUES ('{ops}', 'Ada', '1990-01-02', 100), ('{dev,ops}', 'Bo', '1985-05-06', 200);
SELECT describe(s.*) FROM staff s ORDER BY 1;
SELECT describe(s) FROM staff s ORDER BY 1;
SELECT (s::people).name, (s::tagged).* FROM staff s ORDER BY 1;
SELECT s::people FROM staff s ORDER BY 1;
SELECT p::staff FROM people p;
SELECT ROW('{x}', 'Cy', '2000-01-01', 3)::staff::people;
CREATE TABLE interns (school text) INHERITS (staff);
INSERT INTO interns VALUES ('{}', 'Di', '2004-03-04', 10, 'MIT');
SELECT i::people, describe(i) FROM interns i;
SELECT describe(p) FROM people p ORDER BY 1;

-- renaming and retyping along an inheritance tree
CREATE TABLE parent1 (f1 int, f2 int);
CREATE TABLE parent2 (f1 int, f3 bigint);
CREATE TABLE childtab (f4 int) INHERITS (parent1, parent2);
ALTER TABLE parent1 ALTER COLUMN f1 TYPE bigint;
ALTER TABLE parent1 ALTER COLUMN f2 TYPE bigint;
ALTER TABLE parent1 RENAME f1 TO g1;
ALTER TABLE parent1 RENAME f2 TO g2;
ALTER TABLE childtab RENAME g2 TO h2;
ALTER TABLE childtab RENAME f4 TO h4;
SELECT attname, format_type(atttypid, atttypmod), attinhcount FROM pg_attribute
  WHERE attrelid = 'childtab'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE inht1 (a int, b int);
CREATE TABLE inht2 (x int) INHERITS (inht1);
CREATE TABLE inht3 (y int) INHERITS (inht1);
CREATE TABLE inht4 (z int) INHERITS (inht2, inht3);
ALTER TABLE inht1 RENAME a TO aa;
ALTER TABLE inht1 ALTER COLUMN b TYPE bigint;
SELECT attname, format_type(atttypid, atttypmod), attinhcount FROM pg_attribute
  WHERE attrelid = 'inht4'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE inhs1 (b int, c int);
CREATE TABLE inhts (d int) INHERITS (inht2, inhs1);
ALTER TABLE inht1 RENAME aa TO aaa;
ALTER TABLE inht1 RENAME b TO bb;
ALTER TABLE inht1 ALTER COLUMN b TYPE int;
ALTER TABLE inhs1 ALTER COLUMN c TYPE bigint;

-- defaults inherited from several parents
CREATE TABLE firstparent (tomorrow date DEFAULT now()::date + 1);
CREATE TABLE secondparent (tomorrow date DEFAULT  now() :: date  +  1);
CREATE TABLE jointchild () INHERITS (firstparent, secondparent);
CREATE TABLE thirdparent (tomorrow date DEFAULT now()::date - 1);
CREATE TABLE otherchild () INHERITS (firstparent, thirdparent);
CREATE TABLE otherchild (tomorrow date DEFAULT now()) INHERITS (firstparent, thirdparent);
SELECT count(*) FROM pg_attrdef WHERE adrelid IN ('jointchild'::regclass, 'otherchild'::regclass);

-- ORDER BY / GROUP BY / DISTINCT on composite and array types whose parts have no btree operators
CREATE TYPE cantcompare AS (p point, r float8);
CREATE TABLE cc (f1 cantcompare, tags point[]);
INSERT INTO cc VALUES ('("(1,2)",3)', ARRAY[point(1, 2)]);
SELECT * FROM cc ORDER BY f1;
SELECT f1, count(*) FROM cc GROUP BY f1;
SELECT DISTINCT f1 FROM cc;
SELECT * FROM cc ORDER BY (f1).r;
SELECT tags FROM cc ORDER BY tags;
SELECT array[point(1, 2)] ORDER BY 1;
SELECT DISTINCT tags FROM cc;
CREATE TYPE canorder AS (a int, b text);
SELECT x FROM (VALUES (ROW(2, 'b')::canorder), (ROW(1, 'z')::canorder)) v(x) ORDER BY x;
-- ROW(...)::type op ROW(...)::type uses the composite type's operators, not a field-wise row comparison
CREATE TYPE pt_pair AS (a int, b point);
SELECT ROW(1, '(1,2)')::pt_pair <> ROW(1, '(1,3)')::pt_pair;
SELECT ROW(1, '(1,2)')::pt_pair = ROW(2, '(1,3)')::pt_pair;
SELECT ROW(1, 'a')::canorder < ROW(1, 'b')::canorder, ROW(1, 'a')::canorder = ROW(1, 'a')::canorder, (1, 2) < (1, 3), ROW(1, 2) = ROW(1, 2);
SELECT ROW(1, 'a')::canorder < (SELECT ROW(1, 'b')::canorder);

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

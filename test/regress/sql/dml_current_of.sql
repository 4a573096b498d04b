-- UPDATE / DELETE ... WHERE CURRENT OF: a cursor over an inheritance parent names one row of
-- one table (each child has its own ctids); a row whose earlier update was rolled back.
CREATE TABLE dml_co_jobs (id int, state text);
CREATE TABLE dml_co_jobs_a () INHERITS (dml_co_jobs);
CREATE TABLE dml_co_jobs_b () INHERITS (dml_co_jobs);
INSERT INTO dml_co_jobs_a SELECT i, 'new' FROM generate_series(1, 4) i;
INSERT INTO dml_co_jobs_b SELECT i, 'new' FROM generate_series(11, 14) i;

BEGIN;
DECLARE dml_co_c SCROLL CURSOR FOR SELECT id, state FROM dml_co_jobs;
FETCH ABSOLUTE 2 FROM dml_co_c;
UPDATE dml_co_jobs SET state = 'taken' WHERE CURRENT OF dml_co_c RETURNING tableoid::regclass, *;
FETCH ABSOLUTE 6 FROM dml_co_c;
DELETE FROM dml_co_jobs WHERE CURRENT OF dml_co_c RETURNING tableoid::regclass, *;
FETCH ABSOLUTE 1 FROM dml_co_c;
DELETE FROM dml_co_jobs WHERE CURRENT OF dml_co_c RETURNING tableoid::regclass, *;
SELECT tableoid::regclass, * FROM dml_co_jobs ORDER BY id;
COMMIT;

-- FOR UPDATE cursor over the parent.
BEGIN;
DECLARE dml_co_c CURSOR FOR SELECT id FROM dml_co_jobs WHERE state = 'new' ORDER BY id FOR UPDATE;
FETCH 1 FROM dml_co_c;
UPDATE dml_co_jobs SET state = 'done' WHERE CURRENT OF dml_co_c;
FETCH 3 FROM dml_co_c;
UPDATE dml_co_jobs SET state = 'done' WHERE CURRENT OF dml_co_c;
SELECT tableoid::regclass, * FROM dml_co_jobs ORDER BY id;
COMMIT;

-- A row updated in a rolled-back transaction is still the row the cursor names.
CREATE TABLE dml_co_plain (f1 int, f2 text);
INSERT INTO dml_co_plain VALUES (1, 'one'), (2, 'two');
BEGIN;
UPDATE dml_co_plain SET f1 = f1 + 100;
ROLLBACK;
BEGIN;
DECLARE dml_co_p CURSOR FOR SELECT * FROM dml_co_plain FOR UPDATE;
FETCH dml_co_p;
UPDATE dml_co_plain SET f1 = f1 + 10 WHERE CURRENT OF dml_co_p;
UPDATE dml_co_plain SET f1 = f1 + 10 WHERE CURRENT OF dml_co_p;
SELECT * FROM dml_co_plain ORDER BY f1;
DELETE FROM dml_co_plain WHERE CURRENT OF dml_co_p;
DELETE FROM dml_co_plain WHERE CURRENT OF dml_co_p;
SELECT * FROM dml_co_plain ORDER BY f1;
COMMIT;

-- A job queue worker that walks a cursor and updates or deletes the row it is on:
-- WHERE CURRENT OF with plain and FOR UPDATE cursors, and the errors Postgres gives.

CREATE TABLE jobs (id int PRIMARY KEY, queue text NOT NULL, state text NOT NULL DEFAULT 'queued', tries int NOT NULL DEFAULT 0);
CREATE TABLE workers (id int PRIMARY KEY, job_id int);
INSERT INTO jobs (id, queue) SELECT g, CASE WHEN g % 2 = 0 THEN 'email' ELSE 'billing' END FROM generate_series(1, 6) g;
INSERT INTO workers VALUES (1, 2), (2, 4);

BEGIN;
DECLARE q CURSOR FOR SELECT id, queue, state FROM jobs WHERE queue = 'email';
SAVEPOINT s;
UPDATE jobs SET state = 'running' WHERE CURRENT OF q;
ROLLBACK TO SAVEPOINT s;
FETCH NEXT FROM q;
UPDATE jobs SET state = 'running', tries = tries + 1 WHERE CURRENT OF q RETURNING id, state, tries;
-- The version the cursor read is gone: nothing more to update.
UPDATE jobs SET state = 'again' WHERE CURRENT OF q RETURNING id;
FETCH NEXT FROM q;
DELETE FROM jobs WHERE CURRENT OF q RETURNING id, queue;
FETCH NEXT FROM q;
UPDATE jobs SET tries = 5 WHERE CURRENT OF q RETURNING id, tries;
FETCH NEXT FROM q;
SAVEPOINT s;
UPDATE jobs SET tries = 5 WHERE CURRENT OF q;
ROLLBACK TO SAVEPOINT s;
DELETE FROM workers WHERE CURRENT OF q;
ROLLBACK TO SAVEPOINT s;
UPDATE jobs SET tries = 5 WHERE CURRENT OF missing;
ROLLBACK TO SAVEPOINT s;
COMMIT;
SELECT * FROM jobs ORDER BY id;

BEGIN;
-- Shapes that are not a simply updatable scan.
DECLARE j CURSOR FOR SELECT j.id, w.id FROM jobs j JOIN workers w ON w.job_id = j.id;
FETCH j;
UPDATE jobs SET tries = 9 WHERE CURRENT OF j;
ROLLBACK;
BEGIN;
DECLARE agg CURSOR FOR SELECT queue, count(*) FROM jobs GROUP BY queue ORDER BY queue;
FETCH agg;
UPDATE jobs SET tries = 9 WHERE CURRENT OF agg;
ROLLBACK;
BEGIN;
DECLARE srt CURSOR FOR SELECT * FROM jobs ORDER BY state, id;
FETCH srt;
UPDATE jobs SET tries = 9 WHERE CURRENT OF srt;
ROLLBACK;

-- FOR UPDATE cursors: joins are fine, the locked table is the one that can be changed.
BEGIN;
DECLARE lk CURSOR FOR SELECT j.id, j.state, w.id AS worker FROM jobs j JOIN workers w ON w.job_id = j.id ORDER BY j.id FOR UPDATE OF j;
FETCH lk;
UPDATE jobs SET state = 'claimed' WHERE CURRENT OF lk RETURNING id, state;
SAVEPOINT s;
UPDATE workers SET job_id = NULL WHERE CURRENT OF lk;
ROLLBACK TO SAVEPOINT s;
FETCH lk;
DELETE FROM jobs WHERE CURRENT OF lk RETURNING id;
DECLARE lk2 CURSOR FOR SELECT * FROM jobs a JOIN jobs b ON a.id = b.id FOR UPDATE;
FETCH lk2;
UPDATE jobs SET tries = 1 WHERE CURRENT OF lk2;
ROLLBACK;

-- A cursor held past its transaction no longer has a current row to update.
BEGIN;
DECLARE h CURSOR WITH HOLD FOR SELECT * FROM jobs;
FETCH h;
UPDATE jobs SET tries = tries + 10 WHERE CURRENT OF h RETURNING id, tries;
COMMIT;
UPDATE jobs SET tries = 1 WHERE CURRENT OF h;
CLOSE h;

SELECT * FROM jobs ORDER BY id;

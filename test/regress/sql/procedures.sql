-- regress: where
-- Procedures and CALL (IN / INOUT / OUT parameters, named arguments, defaults), transaction
-- control inside procedures and DO blocks, and where COMMIT is refused.
CREATE TABLE jobs (id int PRIMARY KEY, status text NOT NULL DEFAULT 'queued', attempts int NOT NULL DEFAULT 0);
CREATE TABLE job_log (job_id int, note text);
INSERT INTO jobs (id) SELECT g FROM generate_series(1, 6) g;

CREATE PROCEDURE log_note(job int, note text DEFAULT 'touched') LANGUAGE sql AS $$
  INSERT INTO job_log VALUES (job, note);
$$;
CALL log_note(1);
CALL log_note(2, 'explicit');
CALL log_note(note => 'named', job => 3);
CALL log_note();
SELECT job_id, note FROM job_log ORDER BY job_id;
SELECT log_note(1, 'x');

CREATE PROCEDURE claim_next(INOUT job_id int DEFAULT NULL, INOUT claimed boolean DEFAULT false) LANGUAGE plpgsql AS $$
BEGIN
  SELECT id INTO job_id FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 1;
  IF job_id IS NULL THEN
    claimed := false;
    RETURN;
  END IF;
  UPDATE jobs SET status = 'running', attempts = attempts + 1 WHERE id = job_id;
  claimed := true;
END $$;
CALL claim_next();
CALL claim_next(NULL, NULL);
SELECT id, status, attempts FROM jobs ORDER BY id;

CREATE PROCEDURE job_summary(IN min_attempts int, OUT total bigint, OUT running bigint) LANGUAGE plpgsql AS $$
BEGIN
  SELECT count(*), count(*) FILTER (WHERE status = 'running') INTO total, running FROM jobs WHERE attempts >= min_attempts;
END $$;
CALL job_summary(0, NULL, NULL);
CALL job_summary(1, NULL, NULL);
CALL job_summary(1);

CREATE PROCEDURE process_all(batch int DEFAULT 2) LANGUAGE plpgsql AS $$
DECLARE
  j int;
  ok boolean;
  n int := 0;
BEGIN
  LOOP
    CALL claim_next(j, ok);
    EXIT WHEN NOT ok;
    UPDATE jobs SET status = CASE WHEN j % 3 = 0 THEN 'failed' ELSE 'done' END WHERE id = j;
    n := n + 1;
    IF n % batch = 0 THEN
      COMMIT;
      RAISE NOTICE 'committed % jobs', n;
    END IF;
  END LOOP;
  ROLLBACK;
  RAISE NOTICE 'processed %', n;
END $$;
CALL process_all();
SELECT id, status FROM jobs ORDER BY id;

CREATE PROCEDURE retry_failed() LANGUAGE plpgsql AS $$
BEGIN
  UPDATE jobs SET status = 'queued' WHERE status = 'failed';
  COMMIT;
  UPDATE jobs SET status = 'lost';
  ROLLBACK;
END $$;
CALL retry_failed();
SELECT status, count(*) FROM jobs GROUP BY status ORDER BY status;

BEGIN;
CALL retry_failed();
ROLLBACK;
CREATE FUNCTION run_from_function() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  CALL retry_failed();
  RETURN 1;
END $$;
SELECT run_from_function();
CREATE PROCEDURE commit_in_handler() LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    COMMIT;
  EXCEPTION WHEN invalid_transaction_termination THEN
    RAISE NOTICE 'refused: %', SQLERRM;
  END;
END $$;
CALL commit_in_handler();

CREATE PROCEDURE double_it(INOUT x int) LANGUAGE plpgsql AS $$ BEGIN x := x * 2; END $$;
DO $$
DECLARE v int := 21;
BEGIN
  CALL double_it(v);
  RAISE NOTICE 'v is now %', v;
  CALL double_it(5);
END $$;
DO $$
BEGIN
  INSERT INTO job_log VALUES (100, 'kept');
  COMMIT;
  INSERT INTO job_log VALUES (101, 'discarded');
  ROLLBACK;
END $$;
SELECT job_id, note FROM job_log WHERE job_id >= 100 ORDER BY job_id;
DO $$ BEGIN RAISE NOTICE 'anonymous block in %', 'plpgsql'; END $$ LANGUAGE plpgsql;
DO LANGUAGE sql $$ SELECT 1 $$;
DO $$ BEGIN PERFORM 1 / 0; END $$;

CALL nosuch_proc(1);
CALL run_from_function();
CREATE PROCEDURE double_it(INOUT x int) LANGUAGE plpgsql AS $$ BEGIN x := x * 3; END $$;
CREATE OR REPLACE FUNCTION double_it(INOUT x int) LANGUAGE plpgsql AS $$ BEGIN x := x * 3; END $$;
DROP FUNCTION double_it(int);
DROP PROCEDURE double_it(int);
DROP PROCEDURE IF EXISTS double_it(int);
DROP ROUTINE log_note, claim_next;
CALL log_note(1);

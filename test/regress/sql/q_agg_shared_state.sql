-- User aggregates with the same transition function, state type and initial value over the same
-- inputs share one transition state (the transition runs once per row for both), each applying
-- its own final function; a side-effecting transition function shows it.
CREATE TYPE running AS (total bigint, n bigint);
CREATE FUNCTION running_step(s running, v int) RETURNS running LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'step %', v;
  IF v IS NULL THEN RETURN s; END IF;
  IF s IS NULL THEN RETURN ROW(v, 1)::running; END IF;
  RETURN ROW(s.total + v, s.n + 1)::running;
END $$;
CREATE FUNCTION running_avg(s running) RETURNS int LANGUAGE sql AS 'SELECT ($1.total / $1.n)::int';
CREATE FUNCTION running_sum(s running) RETURNS int LANGUAGE sql AS 'SELECT $1.total::int';
CREATE AGGREGATE avg_of(int) (stype = running, sfunc = running_step, finalfunc = running_avg);
CREATE AGGREGATE sum_of(int) (stype = running, sfunc = running_step, finalfunc = running_sum);
CREATE AGGREGATE sum_from10(int) (stype = running, sfunc = running_step, finalfunc = running_sum, initcond = '(10,0)');
CREATE AGGREGATE avg_from10(int) (stype = running, sfunc = running_step, finalfunc = running_avg, initcond = '(10,0)');
CREATE AGGREGATE avg_from4(int) (stype = running, sfunc = running_step, finalfunc = running_avg, initcond = '(4,0)');
CREATE TABLE nums (g int, v int, w int);
INSERT INTO nums VALUES (1, 1, 2), (1, 3, 4), (2, 5, 6), (2, 5, 8);

SELECT avg_of(v), avg_of(v) FROM nums WHERE g = 1;
SELECT avg_of(v), sum_of(v) FROM nums WHERE g = 1;
SELECT g, avg_of(v), sum_of(v) FROM nums GROUP BY g ORDER BY g;
SELECT avg_of(DISTINCT v), sum_of(DISTINCT v) FROM nums WHERE g = 2;
SELECT avg_of(v) FILTER (WHERE v > 1), sum_of(v) FROM nums WHERE g = 1;
SELECT avg_of(v), sum_of(w) FROM nums WHERE g = 1;
SELECT sum_from10(v), avg_from10(v) FROM nums WHERE g = 1;
SELECT sum_from10(v), avg_from4(v) FROM nums WHERE g = 1;
SELECT avg_of(v ORDER BY w DESC), sum_of(v ORDER BY w DESC) FROM nums WHERE g = 1;
SELECT avg_of(v) + sum_of(v) AS both_ FROM nums WHERE g = 1 HAVING sum_of(v) > 0;

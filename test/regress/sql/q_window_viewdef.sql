-- View definitions print window frame offsets written as untyped literals with their type.
CREATE TABLE ticks (at timestamptz, n int);
CREATE VIEW tick_windows AS
  SELECT at,
         min(at) OVER (ORDER BY at RANGE BETWEEN '1 day' PRECEDING AND '10 days' FOLLOWING) AS lo,
         sum(n) OVER (ORDER BY at ROWS BETWEEN '2' PRECEDING AND 1 FOLLOWING) AS s,
         count(*) OVER (ORDER BY n RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS c,
         count(*) OVER (ORDER BY at RANGE BETWEEN '1 hour'::interval PRECEDING AND CURRENT ROW) AS h
  FROM ticks;
SELECT pg_get_viewdef('tick_windows');

-- Ordered-set and hypothetical-set aggregates: latency percentiles, typical order sizes, and where
-- a new score would rank, over an API monitoring and shop schema.
CREATE TABLE api_requests (
  id int PRIMARY KEY,
  endpoint text NOT NULL,
  region text,
  latency_ms float8,
  duration interval,
  status int NOT NULL,
  payload_kb numeric(8,2)
);
INSERT INTO api_requests VALUES
  (1, '/orders', 'eu', 120, '120 ms', 200, 1.50),
  (2, '/orders', 'eu', 80, '80 ms', 200, 2.25),
  (3, '/orders', 'us', 300, '300 ms', 500, 1.50),
  (4, '/orders', 'us', 95, '95 ms', 200, NULL),
  (5, '/users', 'eu', 40, '40 ms', 200, 0.50),
  (6, '/users', 'eu', NULL, NULL, 404, 0.50),
  (7, '/users', 'us', 55, '55 ms', 200, 0.75),
  (8, '/users', 'us', 40, '40 ms', 200, 0.50),
  (9, '/search', 'eu', 900, '900 ms', 200, 12.00),
  (10, '/search', 'us', 650, '650 ms', 200, 9.50),
  (11, '/search', NULL, 700, '1 s', 503, 10.25);

-- percentiles per endpoint
SELECT endpoint,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50_disc,
       count(*)
  FROM api_requests GROUP BY endpoint ORDER BY endpoint;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY payload_kb), percentile_disc(0.5) WITHIN GROUP (ORDER BY payload_kb) FROM api_requests;
SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY duration), percentile_disc(0.9) WITHIN GROUP (ORDER BY duration) FROM api_requests;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY status), percentile_cont(0.5) WITHIN GROUP (ORDER BY id::int8) FROM api_requests;
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY endpoint), percentile_disc(0) WITHIN GROUP (ORDER BY region), percentile_disc(1) WITHIN GROUP (ORDER BY region) FROM api_requests;
SELECT percentile_disc(0.25) WITHIN GROUP (ORDER BY latency_ms DESC), percentile_cont(0.25) WITHIN GROUP (ORDER BY latency_ms DESC NULLS FIRST) FROM api_requests;
-- several fractions at once, in any array shape
SELECT endpoint, percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY latency_ms)
  FROM api_requests GROUP BY endpoint ORDER BY endpoint;
SELECT percentile_disc(ARRAY[[0, 0.5], [1, NULL]]) WITHIN GROUP (ORDER BY id) FROM api_requests;
SELECT percentile_cont(ARRAY[0.1, 0.9]) WITHIN GROUP (ORDER BY duration) FROM api_requests;
SELECT percentile_disc('{}'::float8[]) WITHIN GROUP (ORDER BY id) FROM api_requests;
-- the fraction may come from the group
SELECT q, percentile_disc(q) WITHIN GROUP (ORDER BY latency_ms)
  FROM api_requests, (VALUES (0.1), (0.5), (0.99)) v(q) GROUP BY q ORDER BY q;
SELECT percentile_cont(NULL) WITHIN GROUP (ORDER BY latency_ms) FROM api_requests;
-- no rows
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms), percentile_disc(ARRAY[0.5]) WITHIN GROUP (ORDER BY latency_ms), mode() WITHIN GROUP (ORDER BY region)
  FROM api_requests WHERE false;
-- mode: the most frequent value, the first in sort order on ties
SELECT mode() WITHIN GROUP (ORDER BY payload_kb), mode() WITHIN GROUP (ORDER BY region), mode() WITHIN GROUP (ORDER BY region DESC) FROM api_requests;
SELECT endpoint, mode() WITHIN GROUP (ORDER BY status), mode() WITHIN GROUP (ORDER BY latency_ms)
  FROM api_requests GROUP BY endpoint ORDER BY endpoint;
-- FILTER, HAVING, subqueries
SELECT endpoint, percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE status = 200)
  FROM api_requests GROUP BY endpoint
  HAVING percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) > 50 ORDER BY 1;
SELECT e.endpoint,
       (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY r.latency_ms) FROM api_requests r WHERE r.endpoint = e.endpoint) AS median
  FROM (SELECT DISTINCT endpoint FROM api_requests) e ORDER BY 1;
-- hypothetical-set aggregates: where would a 100 ms request rank?
SELECT rank(100) WITHIN GROUP (ORDER BY latency_ms),
       dense_rank(100) WITHIN GROUP (ORDER BY latency_ms),
       percent_rank(100) WITHIN GROUP (ORDER BY latency_ms),
       cume_dist(100) WITHIN GROUP (ORDER BY latency_ms)
  FROM api_requests;
SELECT rank(40) WITHIN GROUP (ORDER BY latency_ms), dense_rank(40) WITHIN GROUP (ORDER BY latency_ms), cume_dist(40) WITHIN GROUP (ORDER BY latency_ms),
       rank(40) WITHIN GROUP (ORDER BY latency_ms DESC), rank(NULL) WITHIN GROUP (ORDER BY latency_ms), rank(NULL) WITHIN GROUP (ORDER BY latency_ms NULLS FIRST)
  FROM api_requests;
SELECT endpoint, rank(200, 'eu') WITHIN GROUP (ORDER BY status, region), percent_rank('/p', 50) WITHIN GROUP (ORDER BY endpoint DESC, latency_ms)
  FROM api_requests GROUP BY endpoint ORDER BY endpoint;
SELECT rank('us'::varchar) WITHIN GROUP (ORDER BY region), rank(1.5) WITHIN GROUP (ORDER BY payload_kb), rank(1) WITHIN GROUP (ORDER BY payload_kb) FROM api_requests;
SELECT rank(1) WITHIN GROUP (ORDER BY id), percent_rank(1) WITHIN GROUP (ORDER BY id), cume_dist(1) WITHIN GROUP (ORDER BY id), dense_rank(1) WITHIN GROUP (ORDER BY id)
  FROM api_requests WHERE false;
-- in a view
CREATE VIEW endpoint_latency AS
  SELECT endpoint,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS median,
         percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY duration DESC) FILTER (WHERE status < 500) AS slow,
         mode() WITHIN GROUP (ORDER BY region) AS usual_region,
         rank(100) WITHIN GROUP (ORDER BY latency_ms) AS rank_100
    FROM api_requests GROUP BY endpoint;
SELECT * FROM endpoint_latency ORDER BY endpoint;
SELECT pg_get_viewdef('endpoint_latency'::regclass, true);
-- errors
SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY latency_ms) FROM api_requests;
SELECT percentile_cont(-0.5) WITHIN GROUP (ORDER BY latency_ms) FROM api_requests WHERE false;
SELECT percentile_disc('NaN') WITHIN GROUP (ORDER BY latency_ms) FROM api_requests;
SELECT percentile_cont(ARRAY[0.5, 1.000001]) WITHIN GROUP (ORDER BY latency_ms) FROM api_requests;
SELECT percentile_cont(1234567.5) WITHIN GROUP (ORDER BY latency_ms) FROM api_requests;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY endpoint) FROM api_requests;
SELECT percentile_cont(0.5) FROM api_requests;
SELECT percentile_cont(0.5, latency_ms) FROM api_requests;
SELECT mode(region) FROM api_requests;
SELECT mode() FROM api_requests;
SELECT sum(latency_ms) WITHIN GROUP (ORDER BY id) FROM api_requests;
SELECT sum() WITHIN GROUP (ORDER BY id) FROM api_requests;
SELECT upper() WITHIN GROUP (ORDER BY endpoint) FROM api_requests;
SELECT no_such_agg(0.5) WITHIN GROUP (ORDER BY id) FROM api_requests;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) OVER () FROM api_requests;
SELECT rank(latency_ms) WITHIN GROUP (ORDER BY latency_ms) FROM api_requests;
SELECT endpoint, percentile_disc(id / 20.0) WITHIN GROUP (ORDER BY latency_ms) FROM api_requests GROUP BY endpoint;
SELECT rank(1) WITHIN GROUP (ORDER BY status, region) FROM api_requests;
SELECT rank() WITHIN GROUP (ORDER BY status) FROM api_requests;
SELECT rank('x') WITHIN GROUP (ORDER BY status) FROM api_requests;
SELECT rank(1) WITHIN GROUP (ORDER BY endpoint) FROM api_requests;
SELECT percentile_cont(percentile_cont(0.5) WITHIN GROUP (ORDER BY id)) WITHIN GROUP (ORDER BY latency_ms) FROM api_requests;
SELECT id FROM api_requests WHERE percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) > 1;

-- A correlated EXISTS with an equality key and other correlated conditions (a hash semi-join with
-- a join filter in Postgres; fauxgres hashes the inner rows by key and tests the rest on the rows
-- of the matching key). Answers, NULLs and errors must be Postgres's.
CREATE TABLE hr_acct (id int PRIMARY KEY, region int, since date, lim numeric, tag text);
INSERT INTO hr_acct SELECT g, g % 7, DATE '2024-01-01' + (g % 90), CASE WHEN g % 13 = 0 THEN NULL ELSE (g % 9) * 10.5 END, CASE WHEN g % 11 = 0 THEN NULL ELSE 't' || (g % 6) END FROM generate_series(1, 1500) g;
CREATE TABLE hr_evt (id int PRIMARY KEY, acct_id int, at date, amount numeric, kind text, qty int);
INSERT INTO hr_evt SELECT g, CASE WHEN g % 29 = 0 THEN NULL ELSE (g * 7) % 1600 END, DATE '2024-01-01' + (g % 120), CASE WHEN g % 17 = 0 THEN NULL ELSE (g % 23) * 4.25 END, 't' || (g % 8), g % 5 FROM generate_series(1, 2500) g;
-- key plus a range condition on the outer row
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.at >= a.since);
SELECT count(*) FROM hr_acct a WHERE NOT EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.at >= a.since);
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE a.id = e.acct_id AND e.amount > a.lim AND e.kind <> 'x');
SELECT count(*) FROM hr_acct a WHERE NOT EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.amount > a.lim);
-- NULLs in the residual's inputs: unknown is not a match
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.kind = a.tag);
SELECT count(*) FROM hr_acct a WHERE NOT EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.kind IS DISTINCT FROM a.tag);
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND (e.amount > a.lim) IS NULL);
-- the residual mixes outer and inner columns in one expression, and under OR
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.qty * 10 + a.region > 25);
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND (e.qty = a.region OR e.at < a.since - 30));
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.at BETWEEN a.since AND a.since + 10 AND e.qty > 1);
-- two keys and a residual; a key over an expression
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.qty = a.region AND e.at > a.since);
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id % 100 = a.id % 100 AND e.at < a.since);
-- the residual reads a whole inner row and a column of the same inner table twice
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e IS NOT NULL AND e.qty <> a.region AND e.qty > a.region - 3);
-- in the select list, in a join condition, in HAVING, and under NOT in an expression
SELECT a.id, EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.at >= a.since) AS late, NOT EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.qty > a.region) AS small FROM hr_acct a WHERE a.id BETWEEN 100 AND 130 ORDER BY a.id;
SELECT count(*) FROM hr_acct a JOIN hr_acct b ON b.id = a.id + 1 AND EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = b.id AND e.at > a.since);
SELECT a.region, count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.amount >= coalesce(a.lim, 0)) GROUP BY a.region ORDER BY a.region;
SELECT a.region FROM hr_acct a GROUP BY a.region HAVING EXISTS (SELECT 1 FROM hr_evt e WHERE e.qty = a.region AND e.acct_id > a.region * 200) ORDER BY 1;
-- an outer reference two levels up in the residual
SELECT count(*) FROM hr_acct a WHERE a.id < 400 AND EXISTS (SELECT 1 FROM hr_acct b WHERE b.region = a.region AND b.id = a.id + 7 AND EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = b.id AND e.at > a.since));
-- errors: the residual runs only on rows whose key matches, as Postgres's join filter does
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND 100 / (e.qty - 5 + a.region * 0) > 0);
SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.acct_id = 7 AND 1 / (a.region - 0) = 0);
SELECT count(*) FROM hr_acct a WHERE a.region <> 0 AND EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.qty / a.region >= 0);
-- UPDATE and DELETE driven by such an EXISTS, in a transaction
BEGIN;
UPDATE hr_acct a SET tag = 'active' WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.at >= a.since + 20);
SELECT tag, count(*) FROM hr_acct GROUP BY tag ORDER BY tag NULLS FIRST;
DELETE FROM hr_evt e WHERE NOT EXISTS (SELECT 1 FROM hr_acct a WHERE a.id = e.acct_id AND a.since <= e.at);
SELECT count(*), sum(qty) FROM hr_evt;
ROLLBACK;
-- a prepared statement run with different parameters
PREPARE hr_p(int) AS SELECT count(*) FROM hr_acct a WHERE EXISTS (SELECT 1 FROM hr_evt e WHERE e.acct_id = a.id AND e.qty >= $1 AND e.at > a.since);
EXECUTE hr_p(0);
EXECUTE hr_p(3);
DEALLOCATE hr_p;
DROP TABLE hr_acct, hr_evt;

-- Paths of the hash join and hash aggregation for integer keys: keys that index an array while
-- they are small and dense, then keys that are not (large, negative, fractional, NULL, text) met
-- halfway through; several rows per key; grouped columns read from the group's first row, under
-- joins whose rows are refilled row by row.

CREATE TABLE k (id integer, grp integer, sub integer, f float8, note text);
INSERT INTO k
SELECT g, g % 7, CASE WHEN g % 11 = 0 THEN NULL ELSE g % 3 END, g / 4.0, 'n' || (g % 5)
FROM generate_series(0, 300) g;
-- keys past the dense range, negative, duplicates of small keys, NULL
INSERT INTO k VALUES (100000, 100000, 5, 0.5, 'big'), (-5, -5, -1, -0.0, 'neg'), (3, 3, 0, 3.0, 'dup'), (NULL, NULL, NULL, NULL, NULL), (7, 4000, 2, 'NaN', 'n2');

CREATE TABLE m (id integer PRIMARY KEY, k_id integer, label text);
INSERT INTO m SELECT g, (g * 13) % 320 - 10, 'm' || g FROM generate_series(1, 500) g;

-- join on an integer key: dense keys first, then 100000 and -5 (the table becomes a Map), duplicates of 3 and 7
SELECT count(*), sum(m.id), count(DISTINCT k.id) FROM m JOIN k ON k.id = m.k_id;
SELECT m.k_id, count(*), min(k.note), max(k.note) FROM m JOIN k ON k.id = m.k_id WHERE m.k_id IN (-5, 3, 7, 300) GROUP BY m.k_id ORDER BY 1;
SELECT count(*) FROM k a JOIN k b ON b.id = a.grp;
SELECT a.grp, count(*) FROM k a JOIN k b ON b.id = a.grp GROUP BY a.grp ORDER BY a.grp;
-- only dense keys, probed with keys outside them (negative, past the end)
SELECT count(*), sum(k.id) FROM k JOIN m ON m.id = k.id - 50;
SELECT k.id, m.label FROM k LEFT JOIN m ON m.id = k.id * 2 WHERE k.id BETWEEN 248 AND 252 OR k.id < 0 ORDER BY k.id;
-- float and text keys
SELECT count(*) FROM k a JOIN k b ON b.f = a.f;
SELECT a.note, count(*) FROM k a JOIN k b ON b.note = a.note GROUP BY a.note ORDER BY a.note NULLS FIRST;

-- grouping on integer keys: small ones, one past the dense range, negative, NULL, then small ones again
SELECT grp, count(*), sum(id), min(note) FROM k GROUP BY grp ORDER BY grp NULLS FIRST;
SELECT grp, sub, count(*), sum(id) FROM k GROUP BY grp, sub ORDER BY grp NULLS FIRST, sub NULLS FIRST;
SELECT sub, grp, count(*) FROM k GROUP BY sub, grp HAVING count(*) > 10 OR grp > 6 OR grp < 0 ORDER BY 1 NULLS FIRST, 2 NULLS FIRST;
SELECT id % 1000 AS r, count(*) FROM k GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 NULLS FIRST;
SELECT f, count(*) FROM k WHERE f < 1 OR f = 'NaN' OR f IS NULL GROUP BY f ORDER BY f NULLS FIRST;
SELECT id::bigint * 10000000000 AS big, count(*) FROM k WHERE id < 3 OR id > 99999 GROUP BY 1 ORDER BY 1 NULLS FIRST;

-- grouped by a primary key: other columns of its row read from the group (joined rows)
SELECT m.id, m.label, count(k.id), sum(k.grp) FROM m LEFT JOIN k ON k.id = m.k_id WHERE m.id <= 40 GROUP BY m.id ORDER BY m.id;
SELECT m.id, m.label, count(*) FROM m JOIN k ON k.grp = m.id WHERE m.id < 10 GROUP BY m.id ORDER BY m.id;
SELECT m.id, m.label, k2.n FROM m JOIN (SELECT grp, count(*) AS n FROM k GROUP BY grp) k2 ON k2.grp = m.id ORDER BY m.id;
-- no GROUP BY: one group over a join, outer rows below and above the index-probe limit
SELECT count(*), sum(k.id), max(m.label) FROM m JOIN k ON k.id = m.k_id WHERE m.id <= 30;
SELECT count(*), sum(k.id), max(m.label) FROM m JOIN k ON k.id = m.k_id WHERE m.id <= 90;
SELECT count(*), count(k.id) FROM m LEFT JOIN k ON k.id = m.k_id AND k.sub = 1 WHERE m.id <= 64;
SELECT count(*), count(k.id) FROM m LEFT JOIN k ON k.id = m.k_id AND k.sub = 1;
-- a join's rows kept by a sort and by DISTINCT above an aggregate-free join
SELECT m.id, k.note FROM m JOIN k ON k.id = m.k_id WHERE m.id % 97 = 0 ORDER BY m.id, k.note;
SELECT DISTINCT k.note FROM m JOIN k ON k.id = m.k_id ORDER BY 1;
SELECT array_agg(m.id ORDER BY m.id) FROM m JOIN k ON k.id = m.k_id WHERE k.note = 'dup';

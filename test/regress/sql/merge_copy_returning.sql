-- COPY (INSERT / UPDATE / DELETE / MERGE ... RETURNING) TO, and system columns in MERGE WHEN conditions.
CREATE TABLE mcr_t (id int PRIMARY KEY, v int);
CREATE TABLE mcr_s (id int, d int);
INSERT INTO mcr_t VALUES (1, 10), (2, 20);
INSERT INTO mcr_s VALUES (1, 1), (3, 3);
COPY (MERGE INTO mcr_t t USING mcr_s s ON t.id = s.id
      WHEN MATCHED THEN UPDATE SET v = v + d
      WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.d)
      RETURNING merge_action(), old.*, new.*) TO stdout;
COPY (MERGE INTO mcr_t t USING mcr_s s ON t.id = s.id WHEN MATCHED THEN DELETE) TO stdout;
COPY (INSERT INTO mcr_t VALUES (5, 5) RETURNING *) TO stdout WITH (FORMAT csv, HEADER);
COPY (UPDATE mcr_t SET v = 0 WHERE id = 5 RETURNING id, v) TO stdout;
COPY (DELETE FROM mcr_t WHERE id = 5 RETURNING *) TO stdout;
COPY (INSERT INTO mcr_t VALUES (6, 6)) TO stdout;
COPY (DELETE FROM mcr_t) TO stdout;
SELECT * FROM mcr_t ORDER BY id;
-- a failing statement inside COPY changes nothing
COPY (INSERT INTO mcr_t VALUES (1, 1) RETURNING *) TO stdout;
SELECT count(*) FROM mcr_t;
-- system columns: only tableoid in a WHEN condition
MERGE INTO mcr_t t USING mcr_s s ON t.id = s.id WHEN MATCHED AND t.xmin = t.xmax THEN DELETE;
MERGE INTO mcr_t t USING mcr_s s ON t.id = s.id WHEN NOT MATCHED AND s.ctid IS NULL THEN DO NOTHING;
MERGE INTO mcr_t t USING mcr_s s ON t.id = s.id WHEN MATCHED AND t.tableoid > 0 THEN UPDATE SET v = 1;
SELECT * FROM mcr_t ORDER BY id;
DROP TABLE mcr_t, mcr_s;

-- Declarative partitioning: RANGE / LIST / HASH, routing, errors, SELECT over the parent.
CREATE TABLE measurements (
  id int NOT NULL,
  logdate date NOT NULL,
  city text,
  peak int DEFAULT 0 CHECK (peak >= 0)
) PARTITION BY RANGE (logdate);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO measurements (id, logdate, city, peak) VALUES (1, '2024-03-01', 'Oslo', 10), (2, '2025-06-30', 'Rome', 31), (3, '2024-12-31', 'Lima', 22);
INSERT INTO measurements (id, logdate, city) VALUES (4, '2025-01-01', 'Kyiv');
SELECT * FROM measurements ORDER BY id;
SELECT tableoid::regclass AS part, id FROM measurements ORDER BY id;
SELECT * FROM measurements_2024 ORDER BY id;
SELECT count(*) FROM measurements WHERE logdate >= '2025-01-01';
SELECT count(*) FROM ONLY measurements;
INSERT INTO measurements VALUES (5, '2023-05-05', 'Nice', 1);
INSERT INTO measurements VALUES (6, '2024-05-05', 'Nice', -1);
INSERT INTO measurements VALUES (7, NULL, 'Nice', 1);
INSERT INTO measurements_2024 VALUES (8, '2025-05-05', 'Nice', 1);
CREATE TABLE measurements_2024b PARTITION OF measurements FOR VALUES FROM ('2024-06-01') TO ('2024-07-01');
CREATE TABLE measurements_bad PARTITION OF measurements FOR VALUES FROM ('2027-01-01') TO ('2026-01-01');
CREATE TABLE measurements_empty PARTITION OF measurements FOR VALUES FROM ('2027-01-01') TO ('2027-01-01');
CREATE TABLE measurements_old PARTITION OF measurements FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
INSERT INTO measurements VALUES (5, '2023-05-05', 'Nice', 1);
CREATE TABLE measurements_default PARTITION OF measurements DEFAULT;
INSERT INTO measurements VALUES (9, '2030-01-01', 'Oslo', 3);
SELECT tableoid::regclass AS part, id, logdate FROM measurements ORDER BY id;
UPDATE measurements SET peak = peak + 1 WHERE city = 'Oslo';
UPDATE measurements SET logdate = '2025-02-02' WHERE id = 1;
SELECT tableoid::regclass AS part, id, logdate, peak FROM measurements ORDER BY id;
UPDATE measurements_2025 SET logdate = '2024-02-02' WHERE id = 1;
DELETE FROM measurements WHERE id = 9 RETURNING id, tableoid::regclass;
SELECT count(*) FROM measurements_default;
-- LIST
CREATE TABLE orders (id int, region text NOT NULL, total numeric) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('de', 'fr', 'it');
CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');
CREATE TABLE orders_more PARTITION OF orders FOR VALUES IN ('ca', 'fr');
INSERT INTO orders VALUES (1, 'de', 10), (2, 'us', 20.5), (3, 'fr', 7);
INSERT INTO orders VALUES (4, 'jp', 1);
SELECT tableoid::regclass, * FROM orders ORDER BY id;
CREATE TABLE orders_null PARTITION OF orders FOR VALUES IN (NULL);
SELECT region, sum(total) FROM orders GROUP BY region ORDER BY region;
-- HASH
CREATE TABLE events (id bigint, payload text) PARTITION BY HASH (id);
CREATE TABLE events_0 PARTITION OF events FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE events_1 PARTITION OF events FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE events_2 PARTITION OF events FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE events_3 PARTITION OF events FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO events SELECT g, 'e' || g FROM generate_series(1, 20) g;
SELECT tableoid::regclass AS part, count(*) FROM events GROUP BY 1 ORDER BY 1;
SELECT tableoid::regclass AS part, id FROM events WHERE id <= 8 ORDER BY id;
CREATE TABLE events_4 PARTITION OF events FOR VALUES WITH (MODULUS 4, REMAINDER 4);
CREATE TABLE events_5 PARTITION OF events FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE events_6 PARTITION OF events DEFAULT;
CREATE TABLE events_7 PARTITION OF events FOR VALUES IN (1);
-- multi-column range, MAXVALUE
CREATE TABLE readings (sensor int, ts int, val float8) PARTITION BY RANGE (sensor, ts);
CREATE TABLE readings_a PARTITION OF readings FOR VALUES FROM (0, 0) TO (10, 100);
CREATE TABLE readings_b PARTITION OF readings FOR VALUES FROM (10, 100) TO (10, MAXVALUE);
CREATE TABLE readings_c PARTITION OF readings FOR VALUES FROM (10, MAXVALUE) TO (MAXVALUE, MAXVALUE);
INSERT INTO readings VALUES (5, 500, 1), (10, 50, 2), (10, 150, 3), (11, 0, 4), (-1, 0, 5);
INSERT INTO readings VALUES (5, 500, 1), (10, 50, 2), (10, 150, 3), (11, 0, 4);
SELECT tableoid::regclass, * FROM readings ORDER BY sensor, ts;
CREATE TABLE readings_d PARTITION OF readings FOR VALUES FROM (MAXVALUE, 0) TO (MAXVALUE, 1);
-- sub-partitioning
CREATE TABLE logs (tenant int, at date, msg text) PARTITION BY LIST (tenant);
CREATE TABLE logs_t1 PARTITION OF logs FOR VALUES IN (1) PARTITION BY RANGE (at);
CREATE TABLE logs_t1_2024 PARTITION OF logs_t1 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE logs_t2 PARTITION OF logs FOR VALUES IN (2);
INSERT INTO logs VALUES (1, '2024-02-02', 'a'), (2, '2020-01-01', 'b');
INSERT INTO logs VALUES (1, '2020-01-01', 'c');
SELECT tableoid::regclass, * FROM logs ORDER BY tenant, at;
SELECT * FROM logs_t1;
-- errors in definitions
CREATE TABLE bad1 (a int) PARTITION BY RANGE (b);
CREATE TABLE bad2 (a int, b int) PARTITION BY HASH (a, b);
CREATE TABLE bad2b (a int) PARTITION BY LIST (a, a);
CREATE TABLE bad3 PARTITION OF orders_eu FOR VALUES IN ('x');
CREATE TABLE bad4 PARTITION OF orders FOR VALUES FROM ('a') TO ('b');
CREATE TABLE bad5 PARTITION OF measurements FOR VALUES IN ('2024-01-01');
CREATE TABLE bad6 PARTITION OF measurements FOR VALUES FROM ('2040-01-01') TO ('nope');
CREATE TABLE bad7 PARTITION OF readings FOR VALUES FROM (1) TO (2);
CREATE TABLE bad8 PARTITION OF nosuch FOR VALUES IN (1);
CREATE TABLE bad9 (a int, b int) PARTITION BY LIST (a);
CREATE TABLE bad9_1 PARTITION OF bad9 FOR VALUES IN (1, 'x');
CREATE TABLE bad9_2 PARTITION OF bad9 FOR VALUES IN (MAXVALUE);
CREATE TABLE bad9_3 PARTITION OF bad9 DEFAULT;
CREATE TABLE bad9_4 PARTITION OF bad9 DEFAULT;
CREATE TABLE bad10 (a int) PARTITION BY RANGE ((a + 1));
CREATE TABLE bad10_1 PARTITION OF bad10 FOR VALUES FROM (0) TO (10);
INSERT INTO bad10 VALUES (5), (9);
INSERT INTO bad10 VALUES (10);
SELECT * FROM bad10 ORDER BY a;
TRUNCATE measurements;
SELECT count(*) FROM measurements;
DROP TABLE measurements_2025;
DROP TABLE measurements;
SELECT count(*) FROM pg_class WHERE relname LIKE 'measurements%';
-- ONLY on a partitioned table, dropped columns
CREATE TABLE items (a int, junk text, b text NOT NULL, c int) PARTITION BY LIST (a);
CREATE TABLE items_1 PARTITION OF items FOR VALUES IN (1);
ALTER TABLE items DROP COLUMN junk;
CREATE TABLE items_2 PARTITION OF items FOR VALUES IN (2);
INSERT INTO items VALUES (1, 'x', 10), (2, 'y', 20);
SELECT tableoid::regclass, * FROM items ORDER BY a;
UPDATE ONLY items SET c = 0;
DELETE FROM ONLY items;
SELECT * FROM ONLY items;
UPDATE items SET a = 2, c = c + 1 WHERE a = 1 RETURNING tableoid::regclass, *;
SELECT attrelid::regclass, string_agg(attname, ',' ORDER BY attnum) AS cols FROM pg_attribute WHERE attrelid::regclass::text LIKE 'items%' AND attnum > 0 AND NOT attisdropped GROUP BY 1 ORDER BY 1::regclass::text;
SELECT conrelid::regclass, count(*) FROM pg_constraint WHERE conrelid::regclass::text LIKE 'items%' GROUP BY 1 ORDER BY 1::regclass::text;

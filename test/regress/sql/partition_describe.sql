-- psql's describe queries on partitioned tables and partitions (the queries of describe.c,
-- with the OID literals written as the relation's name cast to regclass).
CREATE TABLE metrics (
  device_id int NOT NULL,
  recorded_on date NOT NULL,
  reading numeric(8,2) DEFAULT 0 CHECK (reading >= 0),
  label text,
  PRIMARY KEY (device_id, recorded_on)
) PARTITION BY RANGE (recorded_on);
CREATE TABLE metrics_2024 PARTITION OF metrics FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE metrics_old PARTITION OF metrics FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
CREATE INDEX metrics_label_idx ON metrics (label);
CREATE TABLE regions (code text, name text) PARTITION BY LIST (code);
CREATE TABLE regions_eu PARTITION OF regions FOR VALUES IN ('de', 'fr');
CREATE TABLE regions_us PARTITION OF regions FOR VALUES IN ('us');
CREATE TABLE regions_null PARTITION OF regions FOR VALUES IN (NULL, 'xx');
CREATE TABLE regions_big PARTITION OF regions FOR VALUES IN ('cn') PARTITION BY LIST (name);
CREATE TABLE regions_big_a PARTITION OF regions_big FOR VALUES IN ('a');

-- \d
SELECT n.nspname as "Schema",
  c.relname as "Name",
  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as "Type",
  pg_catalog.pg_get_userbyid(c.relowner) as "Owner"
FROM pg_catalog.pg_class c
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
WHERE c.relkind IN ('r','p','v','m','S','f','')
      AND n.nspname <> 'pg_catalog'
      AND n.nspname !~ '^pg_toast'
      AND n.nspname <> 'information_schema'
  AND pg_catalog.pg_table_is_visible(c.oid)
ORDER BY 1,2;

-- \di
SELECT n.nspname as "Schema",
  c.relname as "Name",
  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as "Type",
  pg_catalog.pg_get_userbyid(c.relowner) as "Owner",
 c2.relname as "Table"
FROM pg_catalog.pg_class c
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid
     LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid
WHERE c.relkind IN ('i','I','')
      AND n.nspname <> 'pg_catalog'
      AND n.nspname !~ '^pg_toast'
      AND n.nspname <> 'information_schema'
  AND pg_catalog.pg_table_is_visible(c.oid)
ORDER BY 1,2;

-- \d+ metrics
SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity, c.relforcerowsecurity, false AS relhasoids, c.relispartition, pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from pg_catalog.unnest(tc.reloptions) x), ', ')
, c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, c.relpersistence, c.relreplident, am.amname
FROM pg_catalog.pg_class c
 LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)
LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)
WHERE c.oid = 'public.metrics'::pg_catalog.regclass;

-- \d+ metrics
SELECT pg_catalog.pg_get_partkeydef('public.metrics'::pg_catalog.regclass::pg_catalog.oid);

-- \d+ metrics
SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
  pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident, c2.reltablespace
FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i
  LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x'))
WHERE c.oid = 'public.metrics'::pg_catalog.regclass AND c.oid = i.indrelid AND i.indexrelid = c2.oid
ORDER BY i.indisprimary DESC, c2.relname;

-- \d+ metrics
SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true)
FROM pg_catalog.pg_constraint r
WHERE r.conrelid = 'public.metrics'::pg_catalog.regclass AND r.contype = 'c'
ORDER BY 1;

-- \d+ metrics
SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
WHERE c.oid = i.inhrelid AND i.inhparent = 'public.metrics'::pg_catalog.regclass
ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.oid::pg_catalog.regclass::pg_catalog.text;

-- \d+ metrics_2024
SELECT inhparent::pg_catalog.regclass,
  pg_catalog.pg_get_expr(c.relpartbound, c.oid),
  inhdetachpending,
  pg_catalog.pg_get_partition_constraintdef(c.oid)
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON c.oid = inhrelid
WHERE c.oid = 'public.metrics_2024'::pg_catalog.regclass;

-- \d+ metrics_old
SELECT inhparent::pg_catalog.regclass,
  pg_catalog.pg_get_expr(c.relpartbound, c.oid),
  inhdetachpending,
  pg_catalog.pg_get_partition_constraintdef(c.oid)
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON c.oid = inhrelid
WHERE c.oid = 'public.metrics_old'::pg_catalog.regclass;

-- \d metrics_2024
SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
  pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident, c2.reltablespace
FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i
  LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x'))
WHERE c.oid = 'public.metrics_2024'::pg_catalog.regclass AND c.oid = i.indrelid AND i.indexrelid = c2.oid
ORDER BY i.indisprimary DESC, c2.relname;

-- \d metrics_2024
SELECT a.attname,
  pg_catalog.format_type(a.atttypid, a.atttypmod),
  (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)
   FROM pg_catalog.pg_attrdef d
   WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),
  a.attnotnull
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = 'public.metrics_2024'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum;

-- \d+ regions
SELECT pg_catalog.pg_get_partkeydef('public.regions'::pg_catalog.regclass::pg_catalog.oid);

-- \d+ regions
SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
WHERE c.oid = i.inhrelid AND i.inhparent = 'public.regions'::pg_catalog.regclass
ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.oid::pg_catalog.regclass::pg_catalog.text;

SELECT c.relname, pg_catalog.pg_get_partition_constraintdef(c.oid)
FROM pg_catalog.pg_class c WHERE c.relname LIKE 'regions_%' ORDER BY 1;

-- \d (confrelid via pg_partition_ancestors)
SELECT conname, conrelid::pg_catalog.regclass AS ontable,
       pg_catalog.pg_get_constraintdef(oid, true) AS condef
  FROM pg_catalog.pg_constraint c
 WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors('public.metrics_2024'::pg_catalog.regclass)
                     UNION ALL VALUES ('public.metrics_2024'::pg_catalog.regclass))
       AND contype = 'f' AND conparentid = 0
ORDER BY conname;
SELECT pg_catalog.pg_partition_ancestors('regions_big_a');
SELECT pg_partition_root('regions_big_a'), pg_partition_root('regions_big_a_pkey');
SELECT relid, parentrelid, isleaf, level FROM pg_partition_tree('regions') ORDER BY level, relid::text;
SELECT relid, parentrelid, isleaf, level FROM pg_partition_tree('metrics_pkey') ORDER BY level, relid::text;
SELECT pg_get_partkeydef('metrics_2024'::regclass), pg_get_partkeydef('regions_big'::regclass);
-- default partitions' constraints
CREATE TABLE r (d date, k int) PARTITION BY RANGE (d);
CREATE TABLE rd PARTITION OF r DEFAULT;
SELECT pg_get_partition_constraintdef('rd'::regclass);
CREATE TABLE r1 PARTITION OF r FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
SELECT pg_get_partition_constraintdef('rd'::regclass);
CREATE TABLE r2 PARTITION OF r FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE r0 PARTITION OF r FOR VALUES FROM (MINVALUE) TO ('2023-01-01');
SELECT pg_get_partition_constraintdef('rd'::regclass);
CREATE TABLE l (c text) PARTITION BY LIST (c);
CREATE TABLE l2 PARTITION OF l FOR VALUES IN ('c');
CREATE TABLE ld PARTITION OF l DEFAULT;
SELECT pg_get_partition_constraintdef('ld'::regclass);
CREATE TABLE l1 PARTITION OF l FOR VALUES IN ('b', 'a');
SELECT pg_get_partition_constraintdef('ld'::regclass);
CREATE TABLE l3 PARTITION OF l FOR VALUES IN (NULL);
SELECT pg_get_partition_constraintdef('ld'::regclass);
CREATE TABLE s (k int, d date) PARTITION BY LIST (k);
CREATE TABLE s1 PARTITION OF s FOR VALUES IN (1) PARTITION BY RANGE (d);
CREATE TABLE s1a PARTITION OF s1 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE s1d PARTITION OF s1 DEFAULT;
SELECT pg_get_partition_constraintdef('s1d'::regclass);

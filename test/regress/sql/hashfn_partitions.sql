-- Hash partitioning routes rows exactly as Postgres does, for every hashable key type.
CREATE TABLE hp_int8 (k bigint) PARTITION BY HASH (k);
CREATE TABLE hp_int8_0 PARTITION OF hp_int8 FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE hp_int8_1 PARTITION OF hp_int8 FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE hp_int8_2 PARTITION OF hp_int8 FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO hp_int8 SELECT g * 7919 - 50000 FROM generate_series(1, 30) g;
SELECT tableoid::regclass, count(*), min(k), max(k) FROM hp_int8 GROUP BY 1 ORDER BY 1;
CREATE TABLE hp_num (k numeric) PARTITION BY HASH (k);
CREATE TABLE hp_num_0 PARTITION OF hp_num FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hp_num_1 PARTITION OF hp_num FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hp_num VALUES (0), (1), (1.0), (1.5), (-2.25), (100000), (0.0001), (123456789.123), ('NaN');
SELECT tableoid::regclass, array_agg(k ORDER BY k) FROM hp_num GROUP BY 1 ORDER BY 1;
CREATE TABLE hp_misc (f float8, d date, ts timestamptz, iv interval, u uuid, m macaddr, j jsonb, a int[], e inet, l pg_lsn, b bool)
  PARTITION BY HASH (f);
CREATE TABLE hp_misc_0 PARTITION OF hp_misc FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hp_misc_1 PARTITION OF hp_misc FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hp_misc (f) VALUES (0), (-0.0), (1.5), (2.5), (1e10), ('NaN'), ('Infinity'), (NULL);
SELECT tableoid::regclass, array_agg(f ORDER BY f) FROM hp_misc GROUP BY 1 ORDER BY 1;
CREATE TABLE hp_multi (region text, day date, id uuid, mac macaddr, doc jsonb, tags text[], addr inet, pos pg_lsn, flag bool, span interval)
  PARTITION BY HASH (region, day, id, mac, doc, tags, addr, pos, flag, span);
CREATE TABLE hp_multi_0 PARTITION OF hp_multi FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE hp_multi_1 PARTITION OF hp_multi FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE hp_multi_2 PARTITION OF hp_multi FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE hp_multi_3 PARTITION OF hp_multi FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO hp_multi
  SELECT 'region-' || (g % 3), date '2024-01-01' + g, ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid,
         ('08:00:2b:01:02:' || lpad(to_hex(g), 2, '0'))::macaddr, jsonb_build_object('g', g, 'odd', g % 2 = 1),
         ARRAY['t' || g, NULL], ('10.0.0.' || g)::inet, ('0/' || to_hex(g * 4096))::pg_lsn, g % 2 = 0, g * interval '1 hour'
  FROM generate_series(1, 24) g;
INSERT INTO hp_multi (region) VALUES ('only-region'), (NULL);
SELECT tableoid::regclass, count(*), string_agg(coalesce(split_part(region, '-', 2), 'null') || ':' || coalesce(extract(day from day)::text, '-'), ' ' ORDER BY day NULLS FIRST, region) FROM hp_multi GROUP BY 1 ORDER BY 1;
-- satisfies_hash_partition agrees with the routing
SELECT count(*) FILTER (WHERE satisfies_hash_partition('hp_int8'::regclass, 3, 0, k)) AS r0,
       count(*) FILTER (WHERE satisfies_hash_partition('hp_int8'::regclass, 3, 1, k)) AS r1,
       count(*) FILTER (WHERE satisfies_hash_partition('hp_int8'::regclass, 3, 2, k)) AS r2 FROM hp_int8;
SELECT bool_and(satisfies_hash_partition('hp_int8'::regclass, 3, 0, k)) FROM hp_int8_0;
SELECT satisfies_hash_partition('hp_num'::regclass, 2, 0, 1.5), satisfies_hash_partition('hp_num'::regclass, 2, 1, 1.5);
SELECT satisfies_hash_partition('hp_int8'::regclass, 3, 0, NULL::bigint), satisfies_hash_partition(NULL, 3, 0, 1::bigint), satisfies_hash_partition('hp_int8'::regclass, NULL, 0, 1::bigint);
SELECT satisfies_hash_partition('hp_int8'::regclass, 0, 0, 1::bigint);
SELECT satisfies_hash_partition('hp_int8'::regclass, 2, -1, 1::bigint);
SELECT satisfies_hash_partition('hp_int8'::regclass, 2, 2, 1::bigint);
SELECT satisfies_hash_partition('hp_int8'::regclass, 2, 0, 1::bigint, 2::bigint);
SELECT satisfies_hash_partition('hp_int8'::regclass, 2, 0, 1);
SELECT satisfies_hash_partition('hp_int8_0'::regclass, 2, 0, 1::bigint);
CREATE TABLE plain (a int);
SELECT satisfies_hash_partition('plain'::regclass, 2, 0, 1);
-- operator classes and unhashable keys
CREATE TABLE hp_opc (a int, b text) PARTITION BY HASH (a int4_ops, b text_ops);
SELECT pg_get_partkeydef('hp_opc'::regclass);
CREATE TABLE hp_opc_0 PARTITION OF hp_opc FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hp_opc_1 PARTITION OF hp_opc FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO hp_opc SELECT g, 'v' || g FROM generate_series(1, 10) g;
SELECT tableoid::regclass, array_agg(a ORDER BY a) FROM hp_opc GROUP BY 1 ORDER BY 1;
CREATE TABLE hp_bad1 (a int) PARTITION BY HASH (a text_ops);
CREATE TABLE hp_bad2 (a int) PARTITION BY HASH (a no_such_ops);
CREATE TABLE hp_bad3 (a point) PARTITION BY HASH (a);
CREATE TABLE hp_bad4 (a varbit) PARTITION BY HASH (a);
CREATE TABLE lp_opc (a int) PARTITION BY LIST (a int4_ops);
CREATE TABLE rp_opc (a int) PARTITION BY RANGE (a int4_ops);
-- pruning: only with = or IS NULL on every key column
CREATE TABLE hx (a numeric, b text) PARTITION BY HASH (a, b);
CREATE TABLE hx0 PARTITION OF hx FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE hx1 PARTITION OF hx FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE hx2 PARTITION OF hx FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO hx SELECT g, 'v' || g FROM generate_series(1, 20) g;
INSERT INTO hx VALUES (NULL, 'v3'), (4, NULL), (NULL, NULL);
EXPLAIN (COSTS OFF) SELECT * FROM hx WHERE a = 5 AND b = 'v5';
EXPLAIN (COSTS OFF) SELECT * FROM hx WHERE a = 5;
EXPLAIN (COSTS OFF) SELECT * FROM hx WHERE a IS NULL AND b = 'v3';
EXPLAIN (COSTS OFF) SELECT * FROM hx WHERE a IS NULL AND b IS NULL;
EXPLAIN (COSTS OFF) SELECT * FROM hx WHERE a = 5 AND b = 'v5' OR a = 6;
SELECT tableoid::regclass, a, b FROM hx WHERE (a IS NULL OR b IS NULL) ORDER BY 1, 2, 3;
SELECT tableoid::regclass, a, b FROM hx WHERE a = 7 AND b = 'v7';
EXPLAIN (COSTS OFF) SELECT * FROM hp_multi WHERE region IS NULL AND day IS NULL AND id IS NULL AND mac IS NULL AND doc IS NULL AND tags IS NULL AND addr IS NULL AND pos IS NULL AND flag IS NULL AND span IS NULL;
-- key types hashed through another type's class (int2vector: array_ops; regclass: oid_ops), and money (no hash class)
create table hv (a int2vector) partition by hash (a);
create table hv0 partition of hv for values with (modulus 4, remainder 0);
create table hv1 partition of hv for values with (modulus 4, remainder 1);
create table hv2 partition of hv for values with (modulus 4, remainder 2);
create table hv3 partition of hv for values with (modulus 4, remainder 3);
insert into hv select (g || ' ' || g*3)::int2vector from generate_series(1,12) g;
select tableoid::regclass, string_agg(a::text, ';' order by a::text) from hv group by 1 order by 1;
create table hm (a money) partition by hash (a);
create table hr (a regclass, b xid, c tid, d oidvector) partition by hash (a, b, c, d);
create table hr0 partition of hr for values with (modulus 3, remainder 0);
create table hr1 partition of hr for values with (modulus 3, remainder 1);
create table hr2 partition of hr for values with (modulus 3, remainder 2);
insert into hr select g, g::text::xid, ('(' || g || ',' || g || ')')::tid, (g || ' 7')::oidvector from generate_series(1, 12) g;
select tableoid::regclass, string_agg(b::text, ' ' order by b::text) from hr group by 1 order by 1;

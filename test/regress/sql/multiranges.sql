-- Multirange types as applications use them: a room's free and booked time windows, merged
-- opening hours, price bands with gaps, an employee's on-call schedule, IP-free numbering plans.

-- Literals: sorting, merging of overlapping and adjacent ranges, empty ranges dropped.
SELECT '{}'::int4multirange, '{[1,3), [5,7)}'::int4multirange, '{[5,7), [1,3)}'::int4multirange, '{[1,3), [3,7)}'::int4multirange, '{[1,5), [2,3)}'::int4multirange;
SELECT '{[1,2], [3,4]}'::int4multirange, '{(1,3), [3,4]}'::int4multirange, '{empty}'::int4multirange, '{empty, [1,2), EMPTY}'::int4multirange, '{[3,3)}'::int4multirange;
SELECT '  { [1,3) , [10,20) }  '::int4multirange, '{(,5), [3,)}'::int4multirange, '{(,5), [10,)}'::int4multirange, '{(,)}'::int4multirange;
SELECT '{[1.5,2.5), [2.5,3.0]}'::nummultirange, '{["1.5","2"), (3,4]}'::nummultirange, '{[1,2], (2,3)}'::nummultirange, '{[1,2), (2,3)}'::nummultirange;
SELECT '{[2024-01-01,2024-01-05], [2024-01-06,2024-01-10)}'::datemultirange, '{[2024-03-01,infinity)}'::datemultirange, '{[10000000000,20000000000)}'::int8multirange;
SELECT '{["2024-05-01 09:00","2024-05-01 12:00"), ["2024-05-01 13:00","2024-05-01 17:00")}'::tsmultirange;
SELECT '{["2024-05-01 09:00+02","2024-05-01 12:00+02")}'::tstzmultirange, '{[2024-05-01,2024-05-02)}'::tstzmultirange;
SELECT '{[1,3)}'::int4multirange::text, '{[1,3), [4,5)}'::text::int4multirange, array['{[1,2)}'::int4multirange, '{}'];

-- Input errors.
SELECT '[1,3)'::int4multirange;
SELECT '{[1,3)'::int4multirange;
SELECT '{[1,3) [4,5)}'::int4multirange;
SELECT '{[1,3),}'::int4multirange;
SELECT '{,[1,3)}'::int4multirange;
SELECT '{[1,3)} x'::int4multirange;
SELECT '{[1,3}'::int4multirange;
SELECT '{[a,3)}'::int4multirange;
SELECT '{[5,1)}'::int4multirange;
SELECT '{emptyx}'::int4multirange;
SELECT '{[1,2147483647]}'::int4multirange;
SELECT '{"[1,3)"}'::int4multirange;
SELECT ''::int4multirange;
SELECT '{[2024-02-30,2024-03-01)}'::datemultirange;

-- Constructors, casts, multirange(range).
SELECT int4multirange(), int4multirange(int4range(1, 3)), int4multirange(int4range(5, 7), int4range(1, 3), int4range(2, 4)), nummultirange(numrange(1, 2), numrange(3, 4, '[]'));
SELECT int4multirange(VARIADIC ARRAY[int4range(1, 2), int4range(2, 3)]), int4multirange(VARIADIC '{}'::int4range[]), int4multirange('empty'::int4range), multirange(int4range(1, 5));
SELECT int4range(1, 5)::int4multirange, daterange('2024-01-01', '2024-02-01')::datemultirange, CAST(numrange(1, 2) AS nummultirange), multirange('empty'::daterange);
SELECT int4multirange(int4range(1, 2), NULL);
SELECT int4multirange(VARIADIC ARRAY[[int4range(1, 2)], [int4range(3, 4)]]);
SELECT int4multirange(NULL::int4range), multirange(NULL::int4range) IS NULL;
SELECT int4range(1, 5)::nummultirange;
SELECT '{[1,2)}'::int4multirange::int4range;
SELECT pg_typeof(int4multirange()), pg_typeof(multirange(tstzrange(NULL, NULL))), pg_typeof(range_merge('{[1,2)}'::int8multirange)), pg_typeof(lower('{[1,2)}'::nummultirange));

-- Accessors.
SELECT lower('{[1,3), [5,7)}'::int4multirange), upper('{[1,3), [5,7)}'::int4multirange), lower('{}'::int4multirange), upper('{(,3), [5,)}'::int4multirange);
SELECT isempty('{}'::int4multirange), isempty('{[1,2)}'::int4multirange), lower_inc('{[1,3), [5,7)}'::nummultirange), upper_inc('{[1,3), [5,7]}'::nummultirange), lower_inc('{}'::int4multirange);
SELECT lower_inf('{(,3), [5,7)}'::int4multirange), upper_inf('{(,3), [5,7)}'::int4multirange), lower_inf('{}'::int4multirange), upper_inf('{[1,)}'::int4multirange);
SELECT range_merge('{[1,3), [5,7)}'::int4multirange), range_merge('{}'::int4multirange), range_merge('{(,3), [5,7]}'::nummultirange), range_merge('{[1,2)}'::int4multirange);

-- Comparisons and ordering.
SELECT '{[1,3)}'::int4multirange = '{[1,2), [2,3)}', '{[1,3)}'::int4multirange <> '{[1,3), [4,5)}', '{}'::int4multirange < '{[1,2)}', '{[1,3)}'::int4multirange < '{[1,3), [4,5)}', '{[1,4)}'::int4multirange > '{[1,3), [5,6)}';
SELECT '{[1,3), [5,6)}'::int4multirange <= '{[1,3), [5,6)}', '{[2,3)}'::int4multirange >= '{[1,10)}', '{(,3)}'::int4multirange < '{[1,3)}', '{[1,)}'::int4multirange > '{[1,10)}';
SELECT m FROM unnest(ARRAY['{[5,6)}', '{}', '{[1,3), [5,6)}', '{[1,3)}', '{(,0)}', '{[1,2), [3,4)}']::int4multirange[]) AS m ORDER BY m;
SELECT m FROM unnest(ARRAY['{[5,6)}', '{}', '{[1,3), [5,6)}', '{[1,3)}', '{(,0)}']::int4multirange[]) AS m ORDER BY m DESC;

-- Containment with elements, ranges and multiranges.
SELECT '{[1,3), [5,7)}'::int4multirange @> 2, '{[1,3), [5,7)}'::int4multirange @> 3, '{[1,3), [5,7)}'::int4multirange @> 6, 4 <@ '{[1,3), [5,7)}'::int4multirange, '{}'::int4multirange @> 1;
SELECT '{[1,3), [5,7)}'::nummultirange @> 2.5, '{(,3)}'::int4multirange @> -1000, '{[2024-01-01,2024-02-01)}'::datemultirange @> '2024-01-15'::date, '{[1,2)}'::int4multirange @> NULL::int4;
SELECT '{[1,3), [5,9)}'::int4multirange @> int4range(6, 8), '{[1,3), [5,9)}'::int4multirange @> int4range(2, 6), '{}'::int4multirange @> 'empty'::int4range, '{[1,3)}'::int4multirange @> 'empty'::int4range;
SELECT int4range(6, 8) <@ '{[1,3), [5,9)}'::int4multirange, int4range(1, 10) @> '{[1,3), [5,9)}'::int4multirange, '{[1,3), [5,9)}'::int4multirange <@ int4range(2, 10), 'empty'::int4range @> '{}'::int4multirange, 'empty'::int4range @> '{[1,2)}'::int4multirange;
SELECT '{[1,5), [10,20)}'::int4multirange @> '{[2,3), [12,15)}'::int4multirange, '{[1,5), [10,20)}'::int4multirange @> '{[2,3), [4,12)}'::int4multirange, '{[1,5)}'::int4multirange @> '{}'::int4multirange, '{}'::int4multirange @> '{[1,2)}'::int4multirange;
SELECT '{[2,3), [12,15)}'::int4multirange <@ '{[1,5), [10,20)}'::int4multirange, '{[0,3)}'::int4multirange <@ '{[1,5), [10,20)}'::int4multirange, '{}'::int4multirange <@ '{}'::int4multirange;

-- Overlap, position, adjacency.
SELECT '{[1,3), [5,7)}'::int4multirange && int4range(3, 5), '{[1,3), [5,7)}'::int4multirange && int4range(2, 6), int4range(6, 9) && '{[1,3), [5,7)}'::int4multirange, '{[1,3)}'::int4multirange && 'empty'::int4range, '{}'::int4multirange && '{}'::int4multirange;
SELECT '{[1,3), [5,7)}'::int4multirange && '{[3,5), [7,9)}'::int4multirange, '{[1,3), [5,7)}'::int4multirange && '{[3,5), [6,9)}'::int4multirange, '{[1,2), [10,11)}'::int4multirange && '{[4,5), [10,20)}'::int4multirange;
SELECT '{[1,3)}'::int4multirange << '{[3,5)}'::int4multirange, '{[1,3)}'::int4multirange << int4range(2, 5), int4range(1, 3) << '{[5,6)}'::int4multirange, '{[5,7)}'::int4multirange >> '{[1,3), [4,5)}'::int4multirange, '{[5,7)}'::int4multirange >> int4range(1, 6), int4range(8, 9) >> '{[5,7)}'::int4multirange;
SELECT '{[1,3)}'::int4multirange &< '{[2,4)}'::int4multirange, '{[1,5)}'::int4multirange &< int4range(2, 4), int4range(1, 3) &< '{[5,6)}'::int4multirange, '{[3,7)}'::int4multirange &> '{[1,3), [4,5)}'::int4multirange, '{[3,7)}'::int4multirange &> int4range(4, 6), int4range(8, 9) &> '{[5,7)}'::int4multirange;
SELECT '{[1,3)}'::int4multirange -|- '{[3,5)}'::int4multirange, '{[1,3), [7,8)}'::int4multirange -|- '{[8,9)}'::int4multirange, '{[1,3)}'::int4multirange -|- int4range(4, 5), int4range(0, 1) -|- '{[1,3), [5,6)}'::int4multirange, '{[1,2]}'::nummultirange -|- '{(2,3)}'::nummultirange;
SELECT '{}'::int4multirange << '{[1,2)}'::int4multirange, '{}'::int4multirange &< int4range(1, 2), 'empty'::int4range >> '{[1,2)}'::int4multirange, '{}'::int4multirange -|- '{[1,2)}'::int4multirange;

-- Union, difference, intersection.
SELECT '{[1,3)}'::int4multirange + '{[3,5), [8,9)}'::int4multirange, '{}'::int4multirange + '{[1,2)}', '{[1,10)}'::int4multirange - '{[3,4), [6,7)}', '{[1,10)}'::int4multirange - '{[0,20)}', '{[1,3), [5,8)}'::int4multirange - '{[2,6)}';
SELECT '{[1,10), [20,30)}'::int4multirange - '{[5,25)}'::int4multirange, '{[1,3)}'::int4multirange - '{}', '{}'::int4multirange - '{[1,3)}', '{(,)}'::int4multirange - '{[0,10)}'::int4multirange;
SELECT '{[1,10), [20,30)}'::int4multirange * '{[5,25)}'::int4multirange, '{[1,3), [5,7), [9,11)}'::int4multirange * '{[2,10)}', '{[1,3)}'::int4multirange * '{[3,5)}', '{}'::int4multirange * '{[1,3)}', '{(,)}'::nummultirange * '{[1.5,2.5], (3,4)}';
SELECT '{[1,3)}'::int4multirange + int4range(3, 5);
SELECT '{[1,3)}'::int4multirange @> '{[1,2)}'::nummultirange;
SELECT '{[1,3)}'::int4multirange @> 1.5;

-- Support functions under their own names.
SELECT multirange_contains_elem('{[1,3)}'::int4multirange, 2), range_overlaps_multirange(int4range(1, 2), '{[1,3)}'::int4multirange), multirange_union('{[1,2)}'::int4multirange, '{[4,5)}'::int4multirange), multirange_minus('{[1,5)}'::int4multirange, '{[2,3)}'::int4multirange), multirange_intersect('{[1,5)}'::int4multirange, '{[2,3)}'::int4multirange);
SELECT int4range_subdiff(10, 3), int8range_subdiff(10, 3), numrange_subdiff(5.5, 2), daterange_subdiff('2024-03-01', '2024-02-01'), tsrange_subdiff('2024-01-01 00:00:01.5', '2024-01-01'), int4range_canonical('(1,5]'::int4range);

-- unnest.
SELECT unnest('{[1,3), [5,7), [9,)}'::int4multirange);
SELECT r, lower(r), upper(r) FROM unnest('{[2024-01-01,2024-01-03), [2024-02-01,2024-02-05)}'::datemultirange) AS u(r) ORDER BY r;
SELECT count(*) FROM unnest('{}'::nummultirange);

-- Room bookings: a room's booked time, the free windows of a day, overlaps with a request.
CREATE TABLE rooms (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE bookings (id integer PRIMARY KEY, room_id integer NOT NULL REFERENCES rooms, during tsrange NOT NULL);
INSERT INTO rooms VALUES (1, 'Ada'), (2, 'Babbage'), (3, 'Curie');
INSERT INTO bookings VALUES
  (1, 1, '[2024-05-01 09:00, 2024-05-01 10:00)'), (2, 1, '[2024-05-01 10:00, 2024-05-01 11:30)'),
  (3, 1, '[2024-05-01 14:00, 2024-05-01 15:00)'), (4, 2, '[2024-05-01 09:30, 2024-05-01 12:00)'),
  (5, 2, '[2024-05-01 11:00, 2024-05-01 13:00)'), (6, 2, '[2024-05-01 16:00, 2024-05-01 17:00)');
SELECT r.name, range_agg(b.during ORDER BY b.id) AS booked FROM rooms r LEFT JOIN bookings b ON b.room_id = r.id GROUP BY r.name ORDER BY r.name;
SELECT r.name, tsmultirange(tsrange('2024-05-01 08:00', '2024-05-01 18:00')) - coalesce(range_agg(b.during), '{}') AS free
  FROM rooms r LEFT JOIN bookings b ON b.room_id = r.id GROUP BY r.name ORDER BY r.name;
SELECT r.name FROM rooms r JOIN bookings b ON b.room_id = r.id GROUP BY r.name
  HAVING NOT range_agg(b.during) && tsrange('2024-05-01 12:00', '2024-05-01 13:30') ORDER BY r.name;
SELECT room_id, lower(range_agg(during)) AS first_start, upper(range_agg(during)) AS last_end, range_merge(range_agg(during)) AS span FROM bookings GROUP BY room_id ORDER BY room_id;
SELECT room_id, u.slot FROM (SELECT room_id, range_agg(during) AS booked FROM bookings GROUP BY room_id) s, unnest(s.booked) AS u(slot) ORDER BY room_id, u.slot;
SELECT range_agg(during) FILTER (WHERE room_id = 99) IS NULL AS none, range_agg(NULL::tsrange) IS NULL AS all_null, range_agg('empty'::tsrange) AS only_empty FROM bookings;

-- Opening hours per weekday, stored as multiranges; an employee's availability intersected with them.
CREATE TABLE opening_hours (shop text, weekday integer, hours int4multirange NOT NULL, PRIMARY KEY (shop, weekday));
INSERT INTO opening_hours VALUES ('north', 1, '{[540,720), [780,1080)}'), ('north', 2, '{[540,1080)}'), ('south', 1, '{[600,840)}'), ('south', 2, '{}'), ('east', 1, '{[540,720), [780,1080)}');
SELECT shop, range_agg(hours) AS any_day, range_intersect_agg(hours) AS every_day FROM opening_hours GROUP BY shop ORDER BY shop;
SELECT weekday, range_agg(hours) AS some_shop_open, range_intersect_agg(hours) AS all_open FROM opening_hours GROUP BY weekday ORDER BY weekday;
SELECT shop, weekday, hours * '{[600,700), [1000,1200)}'::int4multirange AS overlap_with_shift FROM opening_hours ORDER BY shop, weekday;
SELECT shop, weekday FROM opening_hours WHERE hours @> 800 ORDER BY shop, weekday;
SELECT shop, weekday FROM opening_hours WHERE hours @> int4range(600, 700) AND NOT isempty(hours) ORDER BY 1, 2;
SELECT hours, count(*), array_agg(shop || '/' || weekday ORDER BY shop, weekday) FROM opening_hours GROUP BY hours ORDER BY hours;
SELECT DISTINCT hours FROM opening_hours ORDER BY hours DESC;
SELECT count(DISTINCT hours) FROM opening_hours;
SELECT a.shop, b.shop FROM opening_hours a JOIN opening_hours b ON a.hours = b.hours AND a.shop < b.shop AND a.weekday = b.weekday ORDER BY 1, 2;
SELECT range_agg(hours) FROM opening_hours WHERE shop = 'south';
SELECT range_intersect_agg(hours) FROM opening_hours WHERE shop = 'nowhere';
UPDATE opening_hours SET hours = hours + '{[1080,1140)}' WHERE shop = 'north' RETURNING shop, weekday, hours;
UPDATE opening_hours SET hours = hours - int4multirange(int4range(700, 800)) WHERE weekday = 1 RETURNING shop, weekday, hours;

-- A b-tree index on a multirange column, a unique constraint, ORDER BY through it.
CREATE TABLE price_bands (id integer PRIMARY KEY, product text NOT NULL, qty int4multirange NOT NULL, price numeric(8,2) NOT NULL, UNIQUE (product, qty));
CREATE INDEX price_bands_qty_idx ON price_bands (qty);
INSERT INTO price_bands VALUES (1, 'widget', '{[1,10)}', 5.00), (2, 'widget', '{[10,100), [500,)}', 4.50), (3, 'widget', '{[100,500)}', 4.00), (4, 'gadget', '{[1,)}', 12.00);
INSERT INTO price_bands VALUES (5, 'widget', '{[1,5), [5,10)}', 5.50);
SELECT id, qty FROM price_bands WHERE qty = '{[1,10)}' ORDER BY id;
SELECT id, qty FROM price_bands ORDER BY qty, id;
SELECT product, price FROM price_bands WHERE qty @> 750 ORDER BY product;
SELECT product, range_agg(qty) AS covered, int4multirange(int4range(1, NULL)) - range_agg(qty) AS gaps FROM price_bands GROUP BY product ORDER BY product;

-- Exclusion constraint over multiranges: an on-call rota where schedules must not overlap.
CREATE TABLE on_call (id integer PRIMARY KEY, person text NOT NULL, shifts datemultirange NOT NULL, EXCLUDE USING gist (shifts WITH &&));
INSERT INTO on_call VALUES (1, 'kim', '{[2024-06-01,2024-06-08), [2024-06-15,2024-06-22)}'), (2, 'lee', '{[2024-06-08,2024-06-15), [2024-06-22,2024-06-29)}');
INSERT INTO on_call VALUES (3, 'max', '{[2024-06-20,2024-06-21)}');
INSERT INTO on_call VALUES (4, 'max', '{[2024-06-29,2024-07-06)}');
SELECT range_agg(shifts) AS covered FROM on_call;
CREATE TABLE bad_excl (m int4multirange, EXCLUDE USING gist (m WITH @>));
CREATE TABLE bad_excl (m int4multirange, EXCLUDE USING gist (m WITH +));
CREATE INDEX on_call_shifts_gist ON on_call USING gist (shifts);

-- Catalogs.
SELECT oid, typname, typtype, typcategory, typarray::regtype, typinput, typoutput, typalign FROM pg_type WHERE typtype = 'm' ORDER BY oid;
SELECT rngtypid::regtype, rngsubtype::regtype, rngmultitypid::regtype, rngsubopc, rngcanonical, rngsubdiff FROM pg_range ORDER BY rngtypid;
SELECT format_type('int4multirange'::regtype, -1), format_type('_tstzmultirange'::regtype, -1), 'nummultirange[]'::regtype, 'datemultirange'::regtype::oid;
SELECT table_name, column_name, data_type, udt_name FROM information_schema.columns WHERE table_name IN ('opening_hours', 'price_bands', 'on_call') ORDER BY table_name, ordinal_position;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'on_call'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT proname, pg_get_function_arguments(oid), prorettype::regtype FROM pg_proc WHERE proname IN ('int4multirange', 'range_agg', 'range_intersect_agg', 'multirange') ORDER BY proname, oid;
SELECT opcname, amname, opcintype::regtype FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod WHERE opcname = 'multirange_ops' ORDER BY amname;
SELECT i.relname, am.amname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam WHERE x.indrelid IN ('price_bands'::regclass, 'on_call'::regclass) ORDER BY i.relname;

-- What psql's \dT sends for a name pattern (captured with psql -E).
SELECT n.nspname as "Schema",
  pg_catalog.format_type(t.oid, NULL) AS "Name",
  pg_catalog.obj_description(t.oid, 'pg_type') as "Description"
FROM pg_catalog.pg_type t
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE (t.typrelid = 0 OR (SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid))
  AND NOT EXISTS(SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid)
  AND pg_catalog.format_type(t.oid, NULL) OPERATOR(pg_catalog.~) '^(.*multirange)$' COLLATE pg_catalog.default
ORDER BY 1, 2;
SELECT t.typname, t.typlen, t.typbyval, t.typstorage, t.typalign, t.typreceive::oid, t.typsend::oid, t.typanalyze::oid, t.typelem, e.typname AS array_of
  FROM pg_type t LEFT JOIN pg_type e ON e.oid = t.typelem WHERE t.typname LIKE '%multirange' ORDER BY t.oid;
SELECT proname, proargtypes::regtype[], prorettype::regtype, proretset, provariadic::regtype FROM pg_proc WHERE proname IN ('unnest', 'range_merge', 'lower') AND (proargtypes[0] = 'anymultirange'::regtype) ORDER BY proname;

-- Values through PL/pgSQL and SQL functions.
CREATE FUNCTION free_time(booked tsmultirange, day date) RETURNS tsmultirange LANGUAGE sql
  RETURN tsmultirange(tsrange(day + time '08:00', day + time '18:00')) - booked;
SELECT free_time('{["2024-05-01 09:00","2024-05-01 12:00")}', '2024-05-01');
CREATE FUNCTION total_minutes(m int4multirange) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE r int4range; total integer := 0;
BEGIN
  FOR r IN SELECT unnest(m) LOOP total := total + upper(r) - lower(r); END LOOP;
  RETURN total;
END $$;
SELECT shop, weekday, total_minutes(hours) FROM opening_hours ORDER BY shop, weekday;

-- Running aggregates over a timeline; a column converted from ranges to multiranges.
CREATE TABLE shifts (id integer PRIMARY KEY, worker text NOT NULL, slot int4range, covered int4multirange);
INSERT INTO shifts VALUES (1, 'ana', '[8,12)', '{[8,12)}'), (2, 'ben', '[11,15)', '{[11,13), [14,15)}'), (3, 'ana', NULL, NULL), (4, 'cy', 'empty', '{}'), (5, 'ben', '[20,22)', '{[20,22)}');
SELECT id, range_agg(slot) OVER (ORDER BY id) AS so_far, range_agg(covered) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS pair,
  range_intersect_agg(covered) OVER (PARTITION BY worker ORDER BY id) AS common FROM shifts ORDER BY id;
INSERT INTO shifts (id, worker, covered) VALUES (6, 'dee', int4range(1, 2));
ALTER TABLE shifts ALTER COLUMN slot TYPE int4multirange USING slot::int4multirange;
ALTER TABLE shifts ALTER COLUMN covered TYPE nummultirange;
ALTER TABLE shifts ALTER COLUMN covered TYPE nummultirange USING covered::text::nummultirange;
SELECT id, slot, covered + slot::text::nummultirange AS merged FROM shifts ORDER BY id;
COPY shifts TO STDOUT;
SELECT worker, array_agg(slot ORDER BY id) AS slots, range_agg(slot) AS merged FROM shifts GROUP BY worker ORDER BY worker;
SELECT slot FROM shifts UNION SELECT '{[8,12)}'::int4multirange ORDER BY 1;
SELECT slot FROM shifts EXCEPT SELECT '{[8,12)}'::int4multirange ORDER BY 1;
SELECT row_to_json(s), to_jsonb(s.slot) FROM shifts s WHERE id = 2;

-- A hash index, and a domain over a multirange.
CREATE INDEX shifts_slot_hash ON shifts USING hash (slot);
SELECT id FROM shifts WHERE slot = '{[11,15)}' ORDER BY id;
CREATE DOMAIN working_hours AS int4multirange CHECK (upper(VALUE) <= 24 AND lower(VALUE) >= 0);
SELECT '{[9,17)}'::working_hours @> 12, '{[9,17)}'::working_hours * '{[12,20)}';
SELECT '{[9,25)}'::working_hours;
CREATE TABLE rota (worker text PRIMARY KEY, hours working_hours NOT NULL);
INSERT INTO rota VALUES ('ana', '{[8,12), [13,17)}'), ('ben', '{}');
INSERT INTO rota VALUES ('cy', '{(,5)}');
SELECT worker, hours, hours @> 9 AS at_nine FROM rota ORDER BY worker;

-- Element arguments take no implicit cast (anyelement must be the subtype); unknown literals do.
SELECT '{[1,2)}'::nummultirange @> 1;
SELECT 1 <@ '{[1,2)}'::int8multirange;
SELECT '{[2024-01-01,2024-02-01)}'::tsmultirange @> '2024-01-05'::date;
SELECT multirange_contains_elem('{[1,2)}'::nummultirange, 1);
SELECT numrange(1, 2) @> 1;
SELECT '{[1,2)}'::nummultirange @> 1.5, '{[1,2)}'::int4multirange @> '1'::int4, '{[1,2)}'::int4multirange @> '{}', int4multirange(int4range(1, 2), '[3,4)');
SELECT '{[1,2)}'::nummultirange @> '1';
CREATE DOMAIN small_int AS int4;
SELECT '{[1,2)}'::int4multirange @> 1::small_int;
DROP DOMAIN small_int;

-- Built-in types cannot be dropped.
DROP TYPE int4multirange;
DROP TYPE IF EXISTS _datemultirange;
DROP DOMAIN nummultirange;

DROP TABLE bookings, rooms, opening_hours, price_bands, on_call, shifts, rota;
DROP DOMAIN working_hours;
DROP FUNCTION free_time(tsmultirange, date);
DROP FUNCTION total_minutes(int4multirange);

-- CREATE TYPE ... AS RANGE: user range types, their multiranges, constructors, operators, catalogs
CREATE TYPE textrange AS RANGE (subtype = text, collation = "C");
CREATE TYPE float8range AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE timerange AS RANGE (subtype = time);
CREATE TYPE slot AS RANGE (subtype = timestamptz, multirange_type_name = slot_set);

-- input, output and errors
SELECT '[a,z)'::textrange, '(,m]'::textrange, 'empty'::textrange, ' ( " a " , "z" ) '::textrange;
SELECT '[a,z'::textrange;
SELECT '[z,a]'::textrange;
SELECT '[B,a)'::textrange;
SELECT '(,,a)'::textrange;
SELECT '[1,2,3]'::int4range;
SELECT '[1.5, 2.5]'::float8range, '(,3)'::float8range, '[3,3)'::float8range;
SELECT '[09:00,17:30)'::timerange;
SELECT '[2024-01-01 10:00+00, 2024-01-01 11:00+00)'::slot;

-- constructors
SELECT textrange('b', 'g'), textrange('b', 'g', '[]'), textrange(NULL, 'g'), textrange('b', NULL, '()');
SELECT textrange('b', 'g', 'xx');
SELECT textrange('b', 'g', NULL);
SELECT float8range(1, 2.5), timerange('09:00', '12:00', '[]');
SELECT textmultirange(), textmultirange(textrange('a', 'c')), textmultirange(textrange('a', 'c'), textrange('b', 'd'), textrange('x', 'y'));
SELECT slot_set(slot('2024-01-01', '2024-01-02'), slot('2024-01-03', '2024-01-04'));
SELECT pg_typeof(textrange('a', 'b')), pg_typeof(textmultirange()), pg_typeof(slot_set());

-- operators and functions (generic over range types)
SELECT textrange('a', 'm') @> 'f'::text, 'z'::text <@ textrange('a', 'm'), textrange('a', 'm') @> textrange('b', 'c');
SELECT textrange('a', 'm') && textrange('l', 'z'), textrange('a', 'm') << textrange('n', 'z'), textrange('a', 'm') -|- textrange('m', 'z');
SELECT textrange('a', 'm') + textrange('m', 'z'), textrange('a', 'm') * textrange('f', 'z'), textrange('a', 'm') - textrange('f', 'z');
SELECT textrange('a', 'm') + textrange('x', 'z');
SELECT lower(textrange('b', 'g')), upper(textrange('b', 'g')), isempty(textrange('b', 'b')), lower_inc(textrange('b', 'g')), upper_inf(textrange('b', NULL));
SELECT range_merge(textrange('a', 'b'), textrange('x', 'y')), range_contains(textrange('a', 'z'), textrange('b', 'c'));
SELECT float8range(1, 5) @> 2.5::float8, float8range(1, 5) @> 7, float8range(1, 5) && float8range(4.5, 9);
SELECT timerange('09:00', '17:00') @> '12:00'::time, timerange('09:00', '17:00') * timerange('16:00', '18:00');
SELECT textrange('a', 'b') = textrange('a', 'b'), textrange('a', 'b') < textrange('a', 'c'), textrange('a', 'b') <> 'empty';

-- collation: "C" orders capitals first
SELECT textrange('B', 'a') @> 'Z'::text, textrange('B', 'a') @> 'b'::text;

-- tables, ordering, indexes, constraints
CREATE TABLE booking (id int PRIMARY KEY, room text, during slot, hours timerange);
INSERT INTO booking VALUES
  (1, 'a', '[2024-01-01 09:00+00, 2024-01-01 10:00+00)', '[09:00,10:00)'),
  (2, 'a', '[2024-01-01 11:00+00, 2024-01-01 12:00+00)', '[11:00,12:00)'),
  (3, 'b', '[2024-01-01 09:30+00, 2024-01-01 11:30+00)', '[09:30,11:30)'),
  (4, 'b', 'empty', 'empty'),
  (5, 'c', NULL, '(,08:00)');
SELECT id, during, hours FROM booking ORDER BY hours, id;
SELECT id FROM booking WHERE during && '[2024-01-01 09:45+00, 2024-01-01 11:15+00)' ORDER BY id;
SELECT id FROM booking WHERE hours @> '11:15'::time ORDER BY id;
SELECT room, count(*) FROM booking GROUP BY hours, room ORDER BY room, 2;
SELECT DISTINCT isempty(hours) FROM booking ORDER BY 1;
CREATE INDEX booking_hours ON booking (hours);
SELECT id FROM booking WHERE hours = '[09:00,10:00)';
CREATE TABLE only_one (r textrange, EXCLUDE USING gist (r WITH &&));
INSERT INTO only_one VALUES ('[a,f)'), ('[f,k)');
INSERT INTO only_one VALUES ('[e,g)');
CREATE TABLE tr_arr (rs textrange[], m textmultirange);
INSERT INTO tr_arr VALUES (ARRAY[textrange('a','b'), 'empty'], '{[a,b), [c,d)}');
SELECT rs, m, m @> 'c'::text, m && textmultirange(textrange('b', 'c')) FROM tr_arr;

-- CREATE TYPE errors
CREATE TYPE r_bad AS RANGE (subtype = int4, subtype = int8);
CREATE TYPE r_bad AS RANGE (foo = int4);
CREATE TYPE r_bad AS RANGE (collation = "C");
CREATE TYPE r_bad AS RANGE (subtype = anyelement);
CREATE TYPE r_bad AS RANGE (subtype = int4, collation = "C");
CREATE TYPE r_bad AS RANGE (subtype = int4, canonical = foo);
CREATE TYPE r_bad AS RANGE (subtype = int4, subtype_diff = float8mi);
CREATE TYPE r_bad AS RANGE (subtype = int4, subtype_opclass = text_ops);
CREATE TYPE r_bad AS RANGE (subtype = nosuch);
CREATE TYPE r_bad AS RANGE (subtype = point);
CREATE TYPE textrange AS RANGE (subtype = text);
CREATE TYPE xrange AS RANGE (subtype = int4, multirange_type_name = textmultirange);
CREATE TYPE rangex AS RANGE (subtype = int4);
CREATE TYPE r_ok AS RANGE (subtype = int4, subtype_opclass = int4_ops);

-- catalogs
SELECT typname, typtype, typcategory, typarray::regtype, typalign, typinput, typoutput
  FROM pg_type WHERE typname IN ('textrange', '_textrange', 'textmultirange', '_textmultirange', 'float8range', 'float8multirange', 'slot', 'slot_set', 'rangex', 'multirangex', 'r_ok', 'r_ok_multirange')
  ORDER BY typname;
SELECT rngtypid::regtype, rngsubtype::regtype, rngmultitypid::regtype, (SELECT collname FROM pg_collation WHERE oid = rngcollation) AS coll, rngsubopc, rngcanonical, rngsubdiff
  FROM pg_range WHERE rngtypid::regtype::text IN ('textrange', 'float8range', 'timerange', 'slot', 'rangex', 'r_ok') ORDER BY 1::text;
SELECT proname, pg_get_function_arguments(oid), prorettype::regtype, prosrc, prolang, proisstrict, provolatile, provariadic::regtype
  FROM pg_proc WHERE proname IN ('textrange', 'textmultirange') ORDER BY 1, 2;
SELECT format_type('textrange'::regtype, -1), 'slot_set'::regtype::oid = (SELECT rngmultitypid FROM pg_range WHERE rngtypid = 'slot'::regtype);

-- DROP
DROP TYPE textmultirange;
DROP TYPE _textrange;
DROP FUNCTION textrange(text, text);
DROP TYPE textrange;
CREATE FUNCTION tr_len(textrange) RETURNS int LANGUAGE sql AS 'SELECT length(upper($1))';
DROP TABLE only_one, tr_arr;
DROP TYPE textrange;
DROP TYPE textrange CASCADE;
SELECT count(*) FROM pg_type WHERE typname IN ('textrange', '_textrange', 'textmultirange', '_textmultirange');
SELECT count(*) FROM pg_proc WHERE proname IN ('textrange', 'textmultirange', 'tr_len');
DROP TYPE slot;
DROP TABLE booking;
DROP TYPE slot, timerange;
SELECT count(*) FROM pg_range WHERE rngtypid > 16384 AND rngtypid::regtype::text IN ('slot', 'timerange');

-- multirange operators, aggregates and functions over a user range type
CREATE TYPE numr AS RANGE (subtype = numeric);
CREATE TABLE shifts (who text, span numr);
INSERT INTO shifts VALUES ('ann', '[1,3)'), ('ann', '[2,5)'), ('ann', '[7,8)'), ('bob', '[4,6)'), ('bob', NULL), ('cy', 'empty');
SELECT who, range_agg(span), range_intersect_agg(span) FROM shifts GROUP BY who ORDER BY who;
SELECT range_agg(span) @> 2.5, range_agg(span) @> numr(5.5, 6), range_agg(span) && numr(6, 7) FROM shifts;
SELECT numr_multirange(numr(1, 3), numr(5, 7)) - numr_multirange(numr(2, 6)), numr_multirange(numr(1, 3)) + numr_multirange(numr(3, 4)), numr_multirange(numr(1, 5)) * numr_multirange(numr(4, 9));
SELECT lower(numr_multirange(numr(1, 3), numr(5, 7))), upper(numr_multirange(numr(1, 3), numr(5, 7))), isempty(numr_multirange()), range_merge(numr_multirange(numr(1, 3), numr(5, 7)));
SELECT unnest(numr_multirange(numr(1, 3), numr(5, 7)));
SELECT multirange(numr(1, 2)), numr_multirange(numr(1, 2)) = numr_multirange(numr(1, 2)), numr_multirange(numr(1, 2)) < numr_multirange(numr(1, 3));
SELECT '{[1,2), [3,4)}'::numr_multirange << numr(5, 6), numr(0, 1) <<'{[1,2), [3,4)}'::numr_multirange, '{[1,2)}'::numr_multirange -|- numr(2, 3);
SELECT numr_multirange(VARIADIC ARRAY[numr(1, 2), numr(2, 3)]), numr_multirange(VARIADIC ARRAY[numr(1, 2), NULL]);

-- the explicit cast to the multirange; ranges over domains and composite types
SELECT numr(1, 2)::numr_multirange, 'empty'::numr::numr_multirange, numr(NULL, NULL)::numr_multirange;
SELECT numr(1, 2)::numr_multirange::text;
CREATE DOMAIN posint AS int CHECK (VALUE > 0);
CREATE TYPE posrange AS RANGE (subtype = posint);
SELECT posrange(1, 5), posrange(1, 5) @> 3;
SELECT posrange(0, 5);
DROP DOMAIN posint;
DROP DOMAIN posint CASCADE;
CREATE TYPE pair AS (a int, b int);
CREATE TYPE pair_range AS RANGE (subtype = pair);
SELECT pair_range(row(1, 2), row(3, 4)), upper(pair_range(row(1, 2), row(3, 4))), pair_range(row(1, 2), row(3, 4)) @> row(2, 0)::pair;
DROP TYPE pair CASCADE;

-- Range types, exclusion constraints, btree_gist, inet/cidr and money as applications use them:
-- room bookings that must not overlap, seasonal price bands, an IP allow-list, invoices.

-- Range literals: canonical forms, empty, infinite and quoted bounds.
SELECT '[1,5]'::int4range, '(1,5]'::int4range, '(1,5)'::int4range, '[3,3)'::int4range, '(,)'::int4range, '[,10]'::int4range;
SELECT 'empty'::int4range, ' EMPTY '::numrange, '[1.50, 2.0)'::numrange, '["1.5",)'::numrange, '(0,1]'::numrange;
SELECT '[2024-01-01,2024-01-31]'::daterange, '(2024-01-01,2024-02-01)'::daterange, '[-infinity,infinity]'::daterange, '[2024-01-01,)'::daterange;
SELECT '[2024-05-01 10:00, 2024-05-01 11:30)'::tsrange, '["2024-05-01 10:00+02","2024-05-01 11:00+02")'::tstzrange;
SELECT '[10000000000,20000000000]'::int8range, int8range(1, 10, '(]'), '[1,2147483646]'::int4range;
SELECT int4range(1, 10), int4range(1, 10, '[]'), int4range(NULL, 5), int4range(5, NULL, '()'), numrange(1.5, 2.5, '[]'), daterange('2024-03-01', '2024-03-10', '(]');
SELECT tstzrange('2024-05-01 10:00+00', '2024-05-01 12:00+00'), tsrange('2024-05-01', NULL), int4range(3, 3), int4range(3, 3, '[]');

-- Input errors.
SELECT '[1, 2'::int4range;
SELECT 'x'::int4range;
SELECT '[1 2]'::int4range;
SELECT '[1,2]x'::int4range;
SELECT '(1,2'::numrange;
SELECT '[5,1)'::int4range;
SELECT '[a,5)'::int4range;
SELECT '[1,2147483647]'::int4range;
SELECT int4range(5, 1);
SELECT int4range(1, 5, 'xx');
SELECT int4range(1, 5, NULL);
SELECT '[2024-02-30,2024-03-01)'::daterange;

-- Accessors.
SELECT lower('[1,5)'::int4range), upper('[1,5)'::int4range), lower('empty'::int4range), upper('(,5)'::int4range);
SELECT isempty('empty'::int4range), isempty('[1,2)'::int4range), lower_inc('[1,5)'::int4range), upper_inc('[1,5]'::numrange), lower_inf('(,5)'::int4range), upper_inf('[1,)'::int4range), lower_inf('empty'::int4range);
SELECT pg_typeof(lower('[1,5)'::int4range)), pg_typeof(upper('[1,2)'::numrange)), pg_typeof(lower('[2024-01-01,2024-01-02)'::daterange)), pg_typeof(lower(tstzrange(NULL, NULL)));

-- Operators.
SELECT int4range(1, 10) @> 5, int4range(1, 10) @> 10, 5 <@ int4range(1, 10), numrange(1, 2) @> 1.5, '[2024-01-01,2024-02-01)'::daterange @> '2024-01-15'::date;
SELECT int4range(1, 10) @> int4range(2, 3), int4range(2, 3) <@ int4range(1, 10), int4range(1, 10) @> 'empty'::int4range, 'empty'::int4range @> int4range(1, 2);
SELECT int4range(1, 5) && int4range(4, 8), int4range(1, 5) && int4range(5, 8), numrange(1, 5, '[]') && numrange(5, 8), 'empty'::int4range && int4range(1, 2);
SELECT int4range(1, 5) << int4range(5, 8), int4range(1, 5) >> int4range(5, 8), int4range(6, 8) >> int4range(1, 5), int4range(1, 5) &< int4range(3, 8), int4range(4, 8) &> int4range(3, 5);
SELECT int4range(1, 5) -|- int4range(5, 8), numrange(1, 2) -|- numrange(2, 3), numrange(1, 2, '[]') -|- numrange(2, 3), int4range(1, 5, '[]') -|- int4range(6, 7);
SELECT int4range(1, 5) + int4range(5, 8), int4range(1, 5) + int4range(3, 8), numrange(1, 3) * numrange(2, 5), int4range(1, 3) * int4range(5, 7), int4range(1, 10) - int4range(5, 20), int4range(1, 10) - int4range(-5, 3);
SELECT range_merge(int4range(1, 2), int4range(5, 6)), range_merge('empty'::int4range, int4range(1, 2)), int4range(1, 10) - int4range(20, 30), int4range(3, 4) - int4range(1, 10);
SELECT int4range(1, 3) + int4range(5, 8);
SELECT int4range(1, 10) - int4range(4, 6);
SELECT int4range(1, 5) = int4range(1, 5, '[)'), int4range(1, 5) = '[1,4]'::int4range, int4range(1, 5) < int4range(1, 6), int4range(1, 5) < int4range(2, 3), 'empty'::int4range < int4range(1, 2), int4range(NULL, 5) < int4range(1, 5);
SELECT numrange(1.0, 2.0) = numrange(1, 2), numrange(1, 2) <> numrange(1, 3), numrange(1, 2) >= numrange(1, 2, '[]');

-- Casts and arrays.
SELECT int4range(1, 5)::text, '[1,5)'::text::int4range, '[2024-01-01,2024-01-05)'::daterange::text;
SELECT ARRAY[int4range(1, 3), 'empty', int4range(NULL, 2)], '{"[1,3)",empty}'::int4range[], ('{"[1,3)","[4,9]"}'::int4range[])[2];
SELECT pg_typeof(ARRAY[daterange('2024-01-01', '2024-01-02')]);

-- tstzrange output follows the session TimeZone.
SET TimeZone = 'America/New_York';
SELECT tstzrange('2024-07-01 12:00+00', '2024-07-01 14:00+00'), '[2024-01-01 00:00, 2024-01-02 00:00)'::tstzrange;
RESET TimeZone;
SELECT tstzrange('2024-07-01 12:00+00', '2024-07-01 14:00+00');

-- Bookings: no two reservations of a room may overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE rooms (id integer PRIMARY KEY, name text NOT NULL UNIQUE, capacity integer NOT NULL);
INSERT INTO rooms VALUES (1, 'studio', 4), (2, 'loft', 10), (3, 'garden', 30);
CREATE TABLE reservations (
  id integer PRIMARY KEY,
  room_id integer NOT NULL REFERENCES rooms,
  guest text NOT NULL,
  during tstzrange NOT NULL,
  EXCLUDE USING gist (room_id WITH =, during WITH &&)
);
INSERT INTO reservations VALUES
  (1, 1, 'ada', '[2024-05-01 10:00+00, 2024-05-01 12:00+00)'),
  (2, 1, 'grace', '[2024-05-01 12:00+00, 2024-05-01 13:00+00)'),
  (3, 2, 'alan', '[2024-05-01 10:00+00, 2024-05-01 18:00+00)');
INSERT INTO reservations VALUES (4, 1, 'edsger', '[2024-05-01 11:00+00, 2024-05-01 11:30+00)');
INSERT INTO reservations VALUES (5, 2, 'barbara', '[2024-05-01 17:59+00, 2024-05-01 19:00+00)');
INSERT INTO reservations VALUES (6, 3, 'edsger', '[2024-05-01 11:00+00, 2024-05-01 11:30+00)');
INSERT INTO reservations VALUES (7, 1, 'linus', '[2024-05-01 09:00+00, 2024-05-01 10:00+00)');
UPDATE reservations SET during = '[2024-05-01 09:30+00, 2024-05-01 10:30+00)' WHERE id = 7;
UPDATE reservations SET during = during + '[2024-05-01 13:00+00, 2024-05-01 14:00+00)' WHERE id = 2;
UPDATE reservations SET during = tstzrange(lower(during), upper(during) + interval '30 minutes') WHERE id = 1;
SELECT id, room_id, guest, during FROM reservations ORDER BY room_id, during;
INSERT INTO reservations VALUES (8, 1, 'ken', '[2024-05-01 10:00+00, 2024-05-01 11:00+00)') ON CONFLICT DO NOTHING;
INSERT INTO reservations VALUES (8, 1, 'ken', '[2024-05-01 10:00+00, 2024-05-01 11:00+00)') ON CONFLICT ON CONSTRAINT reservations_room_id_during_excl DO NOTHING;
INSERT INTO reservations VALUES (8, 1, 'ken', '[2024-05-02 10:00+00, 2024-05-02 11:00+00)') ON CONFLICT DO NOTHING;
INSERT INTO reservations VALUES (9, 1, 'ken', '[2024-05-02 10:00+00, 2024-05-02 11:00+00)') ON CONFLICT ON CONSTRAINT reservations_room_id_during_excl DO UPDATE SET guest = 'x';
INSERT INTO reservations VALUES (9, 1, 'ken', '[2024-05-02 10:00+00, 2024-05-02 11:00+00)') ON CONFLICT (room_id, during) DO NOTHING;
SELECT r.name, count(*), min(lower(v.during)), max(upper(v.during)) FROM reservations v JOIN rooms r ON r.id = v.room_id GROUP BY r.name ORDER BY r.name;
SELECT guest FROM reservations WHERE during @> '2024-05-01 10:15+00'::timestamptz ORDER BY guest;
SELECT guest FROM reservations WHERE during && tstzrange('2024-05-01 12:30+00', '2024-05-01 17:00+00') ORDER BY guest;
SELECT DISTINCT room_id, during FROM reservations WHERE room_id = 1 ORDER BY during DESC;
BEGIN;
DELETE FROM reservations WHERE id = 4;
INSERT INTO reservations VALUES (10, 1, 'margaret', '[2024-05-01 11:00+00, 2024-05-01 11:30+00)');
ROLLBACK;
SELECT count(*) FROM reservations;
SELECT conname, contype, conexclop::text, conkey, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'reservations'::regclass ORDER BY conname;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'reservations' ORDER BY indexname;
SELECT i.indexrelid::regclass, i.indisexclusion, i.indisunique, am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam WHERE i.indrelid = 'reservations'::regclass ORDER BY 1;

-- Exclusion constraints without btree_gist, with INCLUDE / WHERE, deferred, added later.
CREATE TABLE maintenance (room_id integer NOT NULL, period daterange NOT NULL, cancelled boolean NOT NULL DEFAULT false,
  CONSTRAINT no_double_maintenance EXCLUDE USING gist (period WITH &&) INCLUDE (room_id) WHERE (NOT cancelled));
INSERT INTO maintenance VALUES (1, '[2024-06-01,2024-06-05)'), (2, '[2024-06-05,2024-06-07)');
INSERT INTO maintenance VALUES (3, '[2024-06-04,2024-06-06)');
INSERT INTO maintenance VALUES (3, '[2024-06-04,2024-06-06)', true);
UPDATE maintenance SET cancelled = false WHERE room_id = 3;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'no_double_maintenance';
CREATE TABLE shifts (worker text NOT NULL, hours int4range NOT NULL, EXCLUDE USING gist (worker WITH =, hours WITH &&) DEFERRABLE INITIALLY DEFERRED);
BEGIN;
INSERT INTO shifts VALUES ('ada', '[8,12)'), ('ada', '[10,14)');
SELECT count(*) FROM shifts;
COMMIT;
BEGIN;
INSERT INTO shifts VALUES ('ada', '[8,12)'), ('ada', '[10,14)');
DELETE FROM shifts WHERE hours = '[10,14)';
COMMIT;
SELECT worker, hours FROM shifts ORDER BY hours;
SELECT conname, condeferrable, condeferred, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'shifts'::regclass ORDER BY conname;
CREATE TABLE desks (id integer, zone text, EXCLUDE (zone WITH =));
INSERT INTO desks VALUES (1, 'north'), (2, 'south'), (3, NULL), (4, NULL);
INSERT INTO desks VALUES (5, 'north');
CREATE TABLE parking (spot integer, during tsrange);
INSERT INTO parking VALUES (1, '[2024-01-01 08:00, 2024-01-01 10:00)'), (1, '[2024-01-01 09:00, 2024-01-01 11:00)');
ALTER TABLE parking ADD EXCLUDE USING gist (spot WITH =, during WITH &&);
DELETE FROM parking WHERE during = '[2024-01-01 09:00, 2024-01-01 11:00)';
ALTER TABLE parking ADD EXCLUDE USING gist (spot WITH =, during WITH &&);
INSERT INTO parking VALUES (1, '[2024-01-01 09:30, 2024-01-01 10:30)');
INSERT INTO parking VALUES (2, '[2024-01-01 09:30, 2024-01-01 10:30)');
SELECT conname FROM pg_constraint WHERE conrelid = 'parking'::regclass;

-- Errors of exclusion constraint definitions and gist indexes.
CREATE TABLE bad1 (r int4range, EXCLUDE USING gist (r WITH @>));
CREATE TABLE bad2 (r int4range, EXCLUDE USING gist (r WITH +));
CREATE TABLE bad3 (n integer, EXCLUDE (n WITH <));
CREATE TABLE bad4 (r int4range, EXCLUDE USING btree (r WITH &&));
CREATE TABLE bad5 (r int4range, EXCLUDE USING gist (missing WITH &&));
CREATE TABLE plain_numbers (n integer, label text);
CREATE INDEX ON plain_numbers USING gist (label);
CREATE INDEX plain_numbers_n_gist ON plain_numbers USING gist (n);
CREATE INDEX ON reservations USING gist (during);
CREATE INDEX ON reservations USING spgist (during);
SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('plain_numbers', 'reservations') ORDER BY indexname;

-- Seasonal price bands with numrange and daterange.
CREATE TABLE seasons (name text PRIMARY KEY, span daterange NOT NULL, EXCLUDE USING gist (span WITH &&));
INSERT INTO seasons VALUES ('winter', '[2024-01-01,2024-03-01)'), ('spring', '[2024-03-01,2024-06-01)'), ('summer', '[2024-06-01,2024-09-01)');
INSERT INTO seasons VALUES ('late summer', '[2024-08-15,2024-09-15)');
CREATE TABLE price_bands (id serial PRIMARY KEY, season text NOT NULL REFERENCES seasons, guests int4range NOT NULL, nightly numeric(8,2) NOT NULL,
  EXCLUDE USING gist (season WITH =, guests WITH &&));
INSERT INTO price_bands (season, guests, nightly) VALUES
  ('winter', '[1,2]', 80), ('winter', '[3,6]', 120), ('summer', '[1,2]', 140), ('summer', '[3,)', 210.5);
INSERT INTO price_bands (season, guests, nightly) VALUES ('summer', '[5,8]', 300);
SELECT s.name, b.guests, b.nightly FROM price_bands b JOIN seasons s ON s.name = b.season
  WHERE s.span @> '2024-07-14'::date AND b.guests @> 4 ORDER BY b.guests;
SELECT name, span, upper(span) - lower(span) AS days FROM seasons ORDER BY span;
SELECT guests, count(*) FROM price_bands GROUP BY guests ORDER BY guests;
SELECT numrange(80, 150) @> nightly AS affordable, count(*) FROM price_bands GROUP BY 1 ORDER BY 1;
SELECT season, guests FROM price_bands WHERE guests && int4range(2, 4) ORDER BY season, guests;
SELECT name FROM seasons WHERE span -|- '[2024-09-01,2024-10-01)'::daterange;

-- IP allow-list with inet and cidr.
SELECT '10.1.2.3'::inet, '10.1.2.3/24'::inet, '::1'::inet, '2001:DB8::1/64'::inet, '::ffff:1.2.3.4'::inet, '2001:db8:0:0:1:0:0:1'::inet;
SELECT '10'::cidr, '10.1'::cidr, '192.168.1'::cidr, '128'::cidr, '10.1.2.3'::cidr, '2001:db8::/32'::cidr, '::/0'::cidr;
SELECT '10.1.2.3/24'::cidr;
SELECT '300.1.2.3'::inet;
SELECT '10.1.2'::inet;
SELECT 'host.example'::cidr;
SELECT '10.1.2.3/33'::inet;
SELECT host('10.1.2.3/24'::inet), masklen('10.1.2.3/24'::inet), network('10.1.2.3/24'::inet), broadcast('10.1.2.3/24'::inet), netmask('10.1.2.3/24'::inet), hostmask('10.1.2.3/24'::inet);
SELECT family('::1'::inet), family('1.2.3.4'::inet), set_masklen('10.1.2.3/24'::inet, 16), set_masklen('10.1.0.0/16'::cidr, 8), abbrev('10.1.2.3/24'::inet), abbrev('10.1.0.0/16'::cidr), text('10.1.2.3'::inet);
SELECT set_masklen('10.1.2.3'::inet, 33);
SELECT '10.1.2.3'::inet::text, '10.1.2.3/24'::inet::cidr, '10.0.0.0/8'::cidr::inet, '10.1.2.3'::text::inet, '10.0.0.0/8'::cidr::text;
SELECT '10.1.2.3'::inet << '10.0.0.0/8'::cidr, '10.0.0.0/8'::inet <<= '10.0.0.0/8', '10.0.0.0/8'::cidr >> '10.1.2.3'::inet, '10.0.0.0/8'::cidr >>= '10.0.0.0/8'::cidr, '10.0.0.0/8'::inet && '10.1.0.0/16', '10.0.0.0/8'::inet && '11.0.0.0/8';
CREATE TABLE allow_list (id integer PRIMARY KEY, network cidr NOT NULL UNIQUE, note text);
INSERT INTO allow_list VALUES (1, '10.0.0.0/8', 'office'), (2, '192.168.1.0/24', 'lab'), (3, '2001:db8::/32', 'v6'), (4, '203.0.113.7/32', 'partner');
INSERT INTO allow_list VALUES (5, '192.168.1.0/24', 'dup');
INSERT INTO allow_list VALUES (6, '192.168.1.1/24', 'bad');
CREATE TABLE logins (id integer PRIMARY KEY, addr inet NOT NULL);
INSERT INTO logins VALUES (1, '10.20.30.40'), (2, '192.168.1.77'), (3, '198.51.100.1'), (4, '2001:db8::abcd'), (5, '203.0.113.7');
SELECT l.id, l.addr, a.note FROM logins l LEFT JOIN allow_list a ON l.addr <<= a.network ORDER BY l.id;
SELECT id, addr FROM logins WHERE NOT EXISTS (SELECT 1 FROM allow_list a WHERE logins.addr <<= a.network) ORDER BY addr;
SELECT network, masklen(network), family(network) FROM allow_list ORDER BY network;
SELECT addr FROM logins ORDER BY addr DESC;
SELECT min(addr), max(addr) FROM logins WHERE family(addr) = 4;
SELECT '10.1.2.3/24'::inet + 300, 300 + '10.1.2.3'::inet, '10.1.2.3'::inet - 4, '10.1.2.3'::inet - '10.1.1.250'::inet, '::1'::inet + 65536, ~'10.1.2.3'::inet, '10.1.2.3'::inet & '255.255.0.0'::inet, '10.1.2.3'::inet | '0.0.0.255'::inet;
SELECT inet_same_family('1.2.3.4', '::1'), inet_merge('10.1.2.3/24', '10.1.9.0/24');
SELECT '255.255.255.255'::inet + 1;
SELECT '::1'::inet - '1.2.3.4'::inet;

-- Invoices with money.
SELECT '1000'::money, '-1000.5'::money, '$1,234.567'::money, '(12.34)'::money, '$-5'::money, '1.005'::money, '12,34.5'::money, '$'::money;
SELECT 'abc'::money;
SELECT '92233720368547758.08'::money;
SELECT 10::money, 10.555::money, 5000000000::money, '12.34'::money::numeric, '12.34'::money * 2, 2 * '12.34'::money, '12.34'::money * 1.5, '12.34'::money / 3, '10'::money / '3'::money, '1'::money + '2', '1'::money - '2';
SELECT '0.01'::money * 0.5, '0.03'::money * 0.5, '-7'::money / 2, '12.34'::money / 1.5::float8, pg_typeof('1'::money / '2'::money);
SELECT '1'::money / 0;
SELECT 1.5::float8::money;
CREATE TABLE invoices (id integer PRIMARY KEY, customer text NOT NULL, total money NOT NULL CHECK (total >= '0'::money), issued date NOT NULL);
INSERT INTO invoices VALUES (1, 'acme', '1,250.00', '2024-01-15'), (2, 'acme', 99.99, '2024-02-01'), (3, 'globex', '$15000', '2024-02-03'), (4, 'initech', 0, '2024-03-01');
INSERT INTO invoices VALUES (5, 'acme', '-1', '2024-03-02');
SELECT customer, sum(total), min(total), max(total), count(*) FROM invoices GROUP BY customer ORDER BY customer;
SELECT id, total, total * 1.2 AS with_tax, total::numeric AS amount FROM invoices ORDER BY total DESC;
SELECT sum(total) / count(*) AS average_int, sum(total) FILTER (WHERE issued >= '2024-02-01') AS since_feb FROM invoices;
SELECT id FROM invoices WHERE total BETWEEN '$50' AND '$2,000' ORDER BY id;
UPDATE invoices SET total = total + '0.01' WHERE customer = 'acme' RETURNING id, total;

-- Types in the catalogs.
SELECT typname, typtype, typcategory, typarray::regtype FROM pg_type WHERE typname IN ('int4range', 'int8range', 'numrange', 'daterange', 'tsrange', 'tstzrange', 'inet', 'cidr', 'money') ORDER BY oid;
SELECT format_type('tstzrange'::regtype, -1), format_type('_daterange'::regtype, -1), 'inet'::regtype, 'money[]'::regtype;
SELECT table_name, column_name, data_type, udt_name FROM information_schema.columns WHERE table_name IN ('reservations', 'invoices', 'logins') ORDER BY table_name, ordinal_position;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'price_bands'::regclass AND a.attnum > 0 ORDER BY a.attnum;
SELECT range_intersect_agg(during) FROM reservations WHERE room_id = 1 AND id IN (1, 7);

-- What psql's \d sends for a table with an exclusion constraint (captured with psql -E).
SELECT a.attname,
  pg_catalog.format_type(a.atttypid, a.atttypmod),
  (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)
   FROM pg_catalog.pg_attrdef d
   WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),
  a.attnotnull,
  (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t
   WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation,
  a.attidentity,
  a.attgenerated
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = 'public.maintenance'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum;
SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
  pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident, c2.reltablespace
FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i
  LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x'))
WHERE c.oid IN ('public.reservations'::pg_catalog.regclass, 'public.maintenance'::pg_catalog.regclass, 'public.shifts'::pg_catalog.regclass) AND c.oid = i.indrelid AND i.indexrelid = c2.oid
ORDER BY i.indisprimary DESC, c2.relname;

-- Dropping constraints and the extension; expression keys; partial constraints and TRUNCATE.
SELECT constraint_name, constraint_type FROM information_schema.table_constraints WHERE table_name = 'reservations' ORDER BY 1;
DROP EXTENSION btree_gist;
ALTER TABLE reservations DROP CONSTRAINT reservations_room_id_during_excl;
SELECT indexname FROM pg_indexes WHERE tablename = 'reservations' ORDER BY 1;
INSERT INTO reservations VALUES (11, 1, 'ada', '[2024-05-01 10:00+00, 2024-05-01 12:00+00)');
DROP TABLE shifts, price_bands, desks, parking;
DROP INDEX plain_numbers_label_idx;
DROP EXTENSION btree_gist;
CREATE TABLE clipped (n integer, r int4range, EXCLUDE USING gist ((r * int4range(0, 100)) WITH &&));
INSERT INTO clipped VALUES (1, '[1,5)'), (2, '[4,9)');
INSERT INTO clipped VALUES (3, '[200,300)'), (4, '[100,300)');
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'clipped'::regclass;
CREATE TABLE partial_bookings (n integer, r int4range, EXCLUDE USING gist (r WITH &&) WHERE (n > 0));
INSERT INTO partial_bookings VALUES (1, '[1,5)'), (0, '[4,9)'), (2, '[5,9)');
INSERT INTO partial_bookings VALUES (3, '[4,6)');
TRUNCATE partial_bookings;
INSERT INTO partial_bookings VALUES (3, '[4,6)');
CREATE TABLE adjacent_slots (r int4range, EXCLUDE USING gist (r WITH -|-));
INSERT INTO adjacent_slots VALUES ('[1,5)'), ('[6,9)');
INSERT INTO adjacent_slots VALUES ('[9,12)');

CREATE TABLE slots_copy (LIKE adjacent_slots INCLUDING ALL);
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'slots_copy'::regclass;
INSERT INTO slots_copy VALUES ('[1,5)'), ('[5,9)');

CREATE INDEX ON partial_bookings USING spgist (r, n);
CREATE INDEX ON partial_bookings USING gist (r DESC);
CREATE UNIQUE INDEX ON partial_bookings USING gist (r);
CREATE INDEX ON partial_bookings USING hash (n);
CREATE INDEX ON partial_bookings USING gist (r) INCLUDE (n);
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'partial_bookings' ORDER BY indexname;

CREATE TABLE deferred_slots (r int4range, EXCLUDE USING gist (r WITH &&) DEFERRABLE);
INSERT INTO deferred_slots VALUES ('[1,3)') ON CONFLICT DO NOTHING;
INSERT INTO slots_copy VALUES ('[1,3)'), ('[2,4)'), ('[20,30)') ON CONFLICT DO NOTHING;
SELECT r FROM slots_copy ORDER BY r;

-- In JSON and text functions.
SELECT to_json(int4range(1, 5)), to_jsonb('1.5'::money), to_json('10.0.0.1'::inet), row_to_json(row(int4range(1, 2), '1'::money, '::1'::inet)), jsonb_build_object('r', numrange(1, 2));
SELECT array_to_json(ARRAY[int4range(1, 2)]), format('%s %L', int4range(1, 2), '1'::money), concat(int4range(1, 2), '10.0.0.0/8'::cidr);
SELECT count(DISTINCT r), count(DISTINCT m), count(DISTINCT i) FROM (VALUES (int4range(1, 2), '1'::money, '1.2.3.4'::inet), ('[1,1]', '1.00', '1.2.3.4/32')) v(r, m, i);

-- Multiranges are not emulated (0A000).
SELECT range_agg(during) FROM reservations WHERE room_id = 1;
CREATE TABLE multi (r int4multirange);

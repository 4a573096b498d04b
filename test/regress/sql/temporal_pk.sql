-- PG 18 temporal primary keys and unique constraints: PRIMARY KEY / UNIQUE (..., col WITHOUT OVERLAPS).

-- A room's price over time: one price per room at any moment.
CREATE TABLE room_prices (
  room_id int4range,
  valid_at daterange,
  price numeric NOT NULL,
  CONSTRAINT room_prices_pk PRIMARY KEY (room_id, valid_at WITHOUT OVERLAPS)
);
INSERT INTO room_prices VALUES
  ('[1,2)', '[2024-01-01,2024-07-01)', 100),
  ('[1,2)', '[2024-07-01,2025-01-01)', 120),
  ('[2,3)', '[2024-01-01,2025-01-01)', 90);
-- Overlapping periods for the same room conflict; adjacent ones and other rooms do not.
INSERT INTO room_prices VALUES ('[1,2)', '[2024-06-15,2024-08-01)', 110);
INSERT INTO room_prices VALUES ('[2,3)', '[2025-01-01,2026-01-01)', 95), ('[3,4)', '[2024-03-01,2024-04-01)', 70);
UPDATE room_prices SET valid_at = '[2024-01-01,2024-08-01)' WHERE room_id = '[1,2)' AND price = 100;
-- Empty periods and NULLs.
INSERT INTO room_prices VALUES ('[4,5)', 'empty', 80);
INSERT INTO room_prices VALUES ('[4,5)', NULL, 80);
INSERT INTO room_prices VALUES (NULL, '[2024-01-01,2024-02-01)', 80);
SELECT room_id, valid_at, price FROM room_prices ORDER BY room_id, valid_at;

-- The catalogs: a p constraint with conperiod, its index a unique gist exclusion index.
SELECT conname, contype, conperiod, conkey, conexclop, pg_get_constraintdef(oid)
  FROM pg_constraint WHERE conrelid = 'room_prices'::regclass ORDER BY conname;
SELECT pg_get_indexdef(conindid, 0, true) FROM pg_constraint WHERE conname = 'room_prices_pk';
SELECT indisunique, indisprimary, indisexclusion, indnatts FROM pg_index WHERE indexrelid = 'room_prices_pk'::regclass;
SELECT a.attname, a.attnotnull FROM pg_attribute a WHERE a.attrelid = 'room_prices'::regclass AND a.attnum > 0 ORDER BY a.attnum;

-- UNIQUE with WITHOUT OVERLAPS on a multirange; NULLs do not conflict, no NOT NULL implied.
CREATE TABLE staff_desks (
  desk_id int4range,
  occupied datemultirange,
  employee text,
  UNIQUE (desk_id, occupied WITHOUT OVERLAPS)
);
INSERT INTO staff_desks VALUES
  ('[1,2)', '{[2024-01-01,2024-02-01), [2024-03-01,2024-04-01)}', 'ada'),
  ('[1,2)', '{[2024-02-01,2024-03-01)}', 'grace'),
  ('[1,2)', NULL, 'alan'),
  (NULL, '{[2024-01-01,2024-02-01)}', 'edsger');
INSERT INTO staff_desks VALUES ('[1,2)', '{[2024-03-15,2024-03-20)}', 'barbara');
INSERT INTO staff_desks VALUES ('[1,2)', '{}', 'ken');
SELECT conname, contype, conperiod, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'staff_desks'::regclass ORDER BY conname;
SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'staff_desks'::regclass;

-- With btree_gist, plain scalar columns can take part.
CREATE EXTENSION btree_gist;
CREATE TABLE contracts (
  customer_id integer,
  plan text,
  valid_at tstzrange,
  PRIMARY KEY (customer_id, plan, valid_at WITHOUT OVERLAPS)
);
INSERT INTO contracts VALUES (1, 'basic', '[2024-01-01 00:00+00,2024-06-01 00:00+00)'), (1, 'pro', '[2024-03-01 00:00+00,)');
INSERT INTO contracts VALUES (1, 'basic', '[2024-05-01 00:00+00,2024-07-01 00:00+00)');
SELECT pg_get_constraintdef(oid), pg_get_indexdef(conindid) FROM pg_constraint WHERE conrelid = 'contracts'::regclass AND contype = 'p';

-- Definition errors.
CREATE TABLE bad_pk1 (valid_at daterange, PRIMARY KEY (valid_at WITHOUT OVERLAPS));
CREATE TABLE bad_pk2 (id int4range, valid_at text, PRIMARY KEY (id, valid_at WITHOUT OVERLAPS));
CREATE TABLE bad_pk3 (id int4range, PRIMARY KEY (id, valid_at WITHOUT OVERLAPS));
CREATE TABLE bad_pk4 (id int4range, valid_at daterange, UNIQUE (id, id WITHOUT OVERLAPS));
CREATE TABLE bad_pk5 (id uuid, valid_at daterange, PRIMARY KEY (id, valid_at WITHOUT OVERLAPS));
CREATE TABLE bad_pk6 (id int4range, valid_at text, UNIQUE (valid_at WITHOUT OVERLAPS));

-- ALTER TABLE ADD CONSTRAINT checks the existing rows.
CREATE TABLE shifts (worker int4range, hours tsrange);
INSERT INTO shifts VALUES ('[1,2)', '[2024-01-01 08:00,2024-01-01 12:00)'), ('[1,2)', '[2024-01-01 11:00,2024-01-01 15:00)');
ALTER TABLE shifts ADD CONSTRAINT shifts_pk PRIMARY KEY (worker, hours WITHOUT OVERLAPS);
UPDATE shifts SET hours = '[2024-01-01 12:00,2024-01-01 15:00)' WHERE hours = '[2024-01-01 11:00,2024-01-01 15:00)';
INSERT INTO shifts VALUES ('[2,3)', 'empty');
ALTER TABLE shifts ADD CONSTRAINT shifts_pk PRIMARY KEY (worker, hours WITHOUT OVERLAPS);
DELETE FROM shifts WHERE hours = 'empty';
ALTER TABLE shifts ADD CONSTRAINT shifts_pk PRIMARY KEY (worker, hours WITHOUT OVERLAPS);
ALTER TABLE shifts ADD CONSTRAINT shifts_bad UNIQUE (worker, worker WITHOUT OVERLAPS);
ALTER TABLE shifts ADD CONSTRAINT shifts_bad2 UNIQUE (hours, worker WITHOUT OVERLAPS);
INSERT INTO shifts VALUES (NULL, '[2024-01-02 08:00,2024-01-02 12:00)');
SELECT conname, contype, conperiod, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'shifts'::regclass ORDER BY conname;
ALTER TABLE shifts DROP CONSTRAINT shifts_pk;
INSERT INTO shifts VALUES ('[1,2)', '[2024-01-01 08:00,2024-01-01 12:00)');
SELECT count(*) FROM shifts;

-- ON CONFLICT: DO NOTHING works with the key, DO UPDATE does not.
CREATE TABLE bookings (room int4range, during daterange, guest text, CONSTRAINT bookings_pk PRIMARY KEY (room, during WITHOUT OVERLAPS));
INSERT INTO bookings VALUES ('[1,2)', '[2024-05-01,2024-05-05)', 'ada');
INSERT INTO bookings VALUES ('[1,2)', '[2024-05-03,2024-05-08)', 'grace') ON CONFLICT DO NOTHING;
INSERT INTO bookings VALUES ('[1,2)', '[2024-05-03,2024-05-08)', 'grace') ON CONFLICT ON CONSTRAINT bookings_pk DO NOTHING;
INSERT INTO bookings VALUES ('[1,2)', '[2024-05-03,2024-05-08)', 'grace') ON CONFLICT (room, during) DO NOTHING;
INSERT INTO bookings VALUES ('[1,2)', '[2024-05-03,2024-05-08)', 'grace') ON CONFLICT ON CONSTRAINT bookings_pk DO UPDATE SET guest = 'grace';
SELECT * FROM bookings;

-- Deferrable temporal keys are checked at commit.
CREATE TABLE rosters (team int4range, season daterange, CONSTRAINT rosters_pk PRIMARY KEY (team, season WITHOUT OVERLAPS) DEFERRABLE INITIALLY DEFERRED);
BEGIN;
INSERT INTO rosters VALUES ('[1,2)', '[2024-01-01,2024-06-01)'), ('[1,2)', '[2024-03-01,2024-09-01)');
UPDATE rosters SET season = '[2024-06-01,2024-09-01)' WHERE season = '[2024-03-01,2024-09-01)';
COMMIT;
BEGIN;
INSERT INTO rosters VALUES ('[1,2)', '[2024-08-01,2024-10-01)');
COMMIT;
BEGIN;
INSERT INTO rosters VALUES ('[1,2)', 'empty');
ROLLBACK;
SELECT * FROM rosters ORDER BY season;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'rosters_pk';

-- Partitioned tables: the key is cloned into each partition; the partition key may not be the period.
CREATE TABLE part_prices (item int4range, valid_at daterange, price int, PRIMARY KEY (item, valid_at WITHOUT OVERLAPS)) PARTITION BY LIST (item);
CREATE TABLE part_prices_1 PARTITION OF part_prices FOR VALUES IN ('[1,2)', '[2,3)');
CREATE TABLE part_prices_2 PARTITION OF part_prices FOR VALUES IN ('[3,4)');
INSERT INTO part_prices VALUES ('[1,2)', '[2024-01-01,2024-02-01)', 1), ('[3,4)', '[2024-01-01,2024-02-01)', 2);
INSERT INTO part_prices VALUES ('[1,2)', '[2024-01-15,2024-03-01)', 3);
INSERT INTO part_prices VALUES ('[3,4)', '[2024-02-01,2024-03-01)', 3);
SELECT c.relname, k.conname, k.contype, k.conperiod, pg_get_constraintdef(k.oid)
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
  WHERE c.relname LIKE 'part_prices%' AND k.contype = 'p' ORDER BY 1;
CREATE TABLE part_by_period (item int4range, valid_at daterange, UNIQUE (item, valid_at WITHOUT OVERLAPS)) PARTITION BY RANGE (valid_at);
CREATE TABLE part_by_period2 (item int4range, valid_at daterange) PARTITION BY RANGE (valid_at);
ALTER TABLE part_by_period2 ADD UNIQUE (item, valid_at WITHOUT OVERLAPS);

-- NULLS NOT DISTINCT: a NULL part conflicts with another NULL.
CREATE TABLE seats (seat int4range, held daterange, UNIQUE NULLS NOT DISTINCT (seat, held WITHOUT OVERLAPS));
INSERT INTO seats VALUES (NULL, '[2024-01-01,2024-02-01)'), ('[1,2)', NULL);
INSERT INTO seats VALUES (NULL, '[2024-01-15,2024-03-01)');
INSERT INTO seats VALUES ('[1,2)', NULL);
INSERT INTO seats VALUES (NULL, '[2024-02-01,2024-03-01)'), ('[2,3)', NULL);
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'seats'::regclass;

-- ALTER COLUMN TYPE re-creates the key for the new type.
CREATE TABLE rates (id int4range, valid_at daterange, rate int, PRIMARY KEY (id, valid_at WITHOUT OVERLAPS));
INSERT INTO rates VALUES ('[1,2)', '[2024-01-01,2024-02-01)', 1);
ALTER TABLE rates ALTER COLUMN valid_at TYPE tsrange USING tsrange(lower(valid_at), upper(valid_at));
INSERT INTO rates VALUES ('[1,2)', '[2024-01-31 12:00,2024-03-01)', 2);
ALTER TABLE rates ALTER COLUMN valid_at TYPE tsmultirange USING tsmultirange(valid_at);
SELECT conexclop, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'rates'::regclass AND contype = 'p';
INSERT INTO rates VALUES ('[1,2)', '{[2024-01-31 12:00,2024-03-01)}', 2);
ALTER TABLE rates ALTER COLUMN valid_at TYPE text;
ALTER TABLE rates ALTER COLUMN id TYPE integer USING lower(id);
ALTER TABLE rates DROP COLUMN valid_at;
SELECT conname FROM pg_constraint WHERE conrelid = 'rates'::regclass ORDER BY 1;

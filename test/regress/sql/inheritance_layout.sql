-- Inheritance children whose columns sit at other positions than their parents': several
-- parents, ALTER TABLE ... INHERIT of a table with its own column order, columns added later.

CREATE TABLE contact (email text NOT NULL, full_name text);
CREATE TABLE billing (vat_id text, credit_limit numeric(12,2) DEFAULT 0 CHECK (credit_limit >= 0));
CREATE TABLE customer (id int PRIMARY KEY, email text) INHERITS (contact, billing);
SELECT attname, attnum, attislocal, attinhcount FROM pg_attribute
WHERE attrelid = 'customer'::regclass AND attnum > 0 ORDER BY attnum;
INSERT INTO contact VALUES ('ops@example.com', 'Ops');
INSERT INTO billing VALUES ('DE123', 500);
INSERT INTO customer (id, email, full_name, vat_id) VALUES (1, 'ann@example.com', 'Ann', 'FR9'), (2, 'bo@example.com', NULL, NULL);
SELECT * FROM customer ORDER BY id;
SELECT tableoid::regclass, * FROM billing ORDER BY vat_id NULLS LAST;
SELECT tableoid::regclass, * FROM contact ORDER BY email;
UPDATE billing SET credit_limit = credit_limit + 100 WHERE vat_id IS NOT NULL RETURNING tableoid::regclass, *;
UPDATE billing SET credit_limit = -1 WHERE vat_id = 'FR9';
UPDATE contact SET full_name = upper(coalesce(full_name, email)) RETURNING *;
SELECT id, email, full_name, vat_id, credit_limit FROM customer ORDER BY id;
DELETE FROM billing WHERE credit_limit > 550 RETURNING *;
SELECT count(*) FROM customer;

-- a table with its own column order joins a hierarchy
CREATE TABLE archived_contact (archived_on date, full_name text, email text NOT NULL);
INSERT INTO archived_contact VALUES ('2023-12-31', 'Old Timer', 'old@example.com');
ALTER TABLE archived_contact INHERIT contact;
SELECT tableoid::regclass, email, full_name FROM contact ORDER BY email;
SELECT email, full_name FROM contact WHERE full_name LIKE 'O%' ORDER BY 1;
UPDATE contact SET full_name = 'Retired' WHERE email = 'old@example.com' RETURNING *;
SELECT * FROM archived_contact;
BEGIN;
SELECT email FROM contact WHERE email LIKE 'old%' FOR UPDATE;
DELETE FROM contact WHERE email LIKE 'old%';
SELECT count(*) FROM archived_contact;
ROLLBACK;

-- a column added to the parent goes to the end of each child
ALTER TABLE contact ADD COLUMN phone text DEFAULT 'n/a';
SELECT attrelid::regclass::text, attnum FROM pg_attribute WHERE attname = 'phone' ORDER BY 1;
UPDATE contact SET phone = '555-0100' WHERE email = 'ann@example.com';
SELECT tableoid::regclass, email, phone FROM contact ORDER BY email;
SELECT * FROM customer ORDER BY id;
INSERT INTO archived_contact (email) VALUES ('new@example.com') RETURNING *;
ALTER TABLE contact ADD CONSTRAINT phone_format CHECK (phone ~ '^[0-9n/a-]+$');
UPDATE contact SET phone = 'call me' WHERE email = 'old@example.com';
ALTER TABLE contact RENAME CONSTRAINT phone_format TO phone_ok;
ALTER TABLE customer RENAME CONSTRAINT phone_ok TO phone_bad;
SELECT conrelid::regclass::text, conname, conislocal, coninhcount FROM pg_constraint WHERE conname LIKE 'phone%' ORDER BY 1;
ALTER TABLE contact ADD CONSTRAINT contact_only CHECK (email <> '') NO INHERIT;
SELECT conrelid::regclass::text, conname, connoinherit FROM pg_constraint WHERE conname = 'contact_only';

-- a dropped parent column and aggregates over the tree
ALTER TABLE contact DROP COLUMN full_name;
SELECT attrelid::regclass::text, attislocal, attinhcount FROM pg_attribute
WHERE attname = 'full_name' AND NOT attisdropped ORDER BY 1;
SELECT * FROM contact ORDER BY email;
SELECT tableoid::regclass, count(*), min(email) FROM contact GROUP BY 1 ORDER BY 1;
SELECT c.email, b.vat_id FROM contact c JOIN billing b ON b.tableoid = c.tableoid AND b.tableoid = 'customer'::regclass ORDER BY 1;
ALTER TABLE archived_contact NO INHERIT contact;
SELECT count(*) FROM contact;
DROP TABLE contact, billing CASCADE;
DROP TABLE archived_contact;

-- views over a parent, MERGE
CREATE TABLE device (serial text, model text);
CREATE TABLE phone_device (imei text, model text, serial text) INHERITS (device);
INSERT INTO device VALUES ('D1', 'router');
INSERT INTO phone_device VALUES ('P1', 'pixel', '3550');
CREATE VIEW all_devices AS SELECT * FROM device;
CREATE VIEW base_devices AS SELECT * FROM ONLY device;
UPDATE base_devices SET model = model || '!' RETURNING *;
UPDATE all_devices SET model = upper(model) RETURNING *;
SELECT tableoid::regclass, * FROM device ORDER BY serial;
DELETE FROM all_devices WHERE serial = 'P1';
SELECT count(*) FROM phone_device;
MERGE INTO ONLY device d USING (VALUES ('D1')) s(serial) ON d.serial = s.serial
  WHEN MATCHED THEN UPDATE SET model = 'merged';
SELECT * FROM device;
DROP TABLE device CASCADE;

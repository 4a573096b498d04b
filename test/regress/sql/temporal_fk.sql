-- PG 18 temporal foreign keys: FOREIGN KEY (..., PERIOD col) REFERENCES t (..., PERIOD col).

CREATE TABLE departments (
  id int4range,
  valid_at daterange,
  name text,
  CONSTRAINT departments_pk PRIMARY KEY (id, valid_at WITHOUT OVERLAPS)
);
INSERT INTO departments VALUES
  ('[1,2)', '[2020-01-01,2021-01-01)', 'sales'),
  ('[1,2)', '[2021-01-01,2022-01-01)', 'sales & marketing'),
  ('[2,3)', '[2020-01-01,2020-06-01)', 'research'),
  ('[2,3)', '[2020-07-01,2021-01-01)', 'research');

CREATE TABLE employees (
  id int4range,
  valid_at daterange,
  dept_id int4range,
  CONSTRAINT employees_pk PRIMARY KEY (id, valid_at WITHOUT OVERLAPS),
  CONSTRAINT employees_dept_fk FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments (id, PERIOD valid_at)
);
SELECT conname, contype, conperiod, conkey, confkey, conpfeqop, conppeqop, conffeqop, pg_get_constraintdef(oid)
  FROM pg_constraint WHERE conname = 'employees_dept_fk';

-- The referenced periods together must cover the referencing one.
INSERT INTO employees VALUES ('[10,11)', '[2020-03-01,2021-06-01)', '[1,2)');
INSERT INTO employees VALUES ('[11,12)', '[2020-03-01,2020-05-01)', '[2,3)');
INSERT INTO employees VALUES ('[12,13)', '[2020-03-01,2020-09-01)', '[2,3)');
INSERT INTO employees VALUES ('[13,14)', '[2021-06-01,2022-06-01)', '[1,2)');
INSERT INTO employees VALUES ('[14,15)', '[2020-03-01,2020-04-01)', '[9,10)');
INSERT INTO employees VALUES ('[15,16)', '[2020-03-01,2020-04-01)', NULL);
UPDATE employees SET valid_at = '[2019-06-01,2020-05-01)' WHERE id = '[11,12)';
UPDATE employees SET dept_id = '[1,2)' WHERE id = '[11,12)';
SELECT id, valid_at, dept_id FROM employees ORDER BY id;

-- NO ACTION on the referenced side: a change is fine while the referencing periods stay covered.
DELETE FROM departments WHERE id = '[1,2)' AND valid_at = '[2021-01-01,2022-01-01)';
UPDATE departments SET valid_at = '[2021-01-01,2021-12-01)' WHERE id = '[1,2)' AND valid_at = '[2021-01-01,2022-01-01)';
UPDATE departments SET valid_at = '[2021-01-01,2021-05-01)' WHERE id = '[1,2)' AND valid_at = '[2021-01-01,2021-12-01)';
UPDATE departments SET id = '[3,4)' WHERE id = '[1,2)' AND valid_at = '[2020-01-01,2021-01-01)';
UPDATE departments SET name = 'sales 2020' WHERE id = '[1,2)' AND valid_at = '[2020-01-01,2021-01-01)';
DELETE FROM departments WHERE id = '[2,3)' AND valid_at = '[2020-07-01,2021-01-01)';
DELETE FROM departments WHERE id = '[2,3)' AND valid_at = '[2020-01-01,2020-06-01)';
-- A row whose new period still covers what referenced it may change.
UPDATE departments SET valid_at = daterange('2019-06-01', '2021-01-01') WHERE id = '[1,2)' AND valid_at = '[2020-01-01,2021-01-01)';
UPDATE departments SET valid_at = daterange('2020-02-01', '2021-01-01') WHERE id = '[1,2)' AND valid_at = '[2019-06-01,2021-01-01)';
SELECT id, valid_at, name FROM departments ORDER BY id, valid_at;

-- Definition errors, and the actions Postgres 18 does not support with PERIOD.
CREATE TABLE bad_fk1 (id int4range, valid_at daterange, dept_id int4range, FOREIGN KEY (dept_id, valid_at) REFERENCES departments);
CREATE TABLE bad_fk2 (id int4range, valid_at daterange, dept_id int4range, FOREIGN KEY (dept_id, valid_at) REFERENCES departments (id, valid_at));
CREATE TABLE bad_fk3 (id int4range, valid_at daterange, dept_id int4range, FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments (id, valid_at));
CREATE TABLE bad_fk4 (id int4range, valid_at daterange, dept_id int4range, FOREIGN KEY (dept_id, valid_at) REFERENCES departments (id, PERIOD valid_at));
CREATE TABLE bad_fk5 (id int4range, valid_at daterange, dept_id int4range, FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments (id, PERIOD id));
CREATE TABLE bad_fk6 (id int4range, valid_at tsrange, dept_id int4range, FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments (id, PERIOD valid_at));
CREATE TABLE bad_fk7 (id int4range, valid_at datemultirange, dept_id int4range, FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments (id, PERIOD valid_at));
CREATE TABLE bad_fk8 (id int4range, valid_at daterange, dept_id int4range, FOREIGN KEY (valid_at, PERIOD dept_id) REFERENCES departments (valid_at, PERIOD id));
CREATE TABLE bad_fk9 (id int4range, valid_at daterange, dept_id int4range, FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments (id, PERIOD valid_at) ON DELETE CASCADE);
CREATE TABLE bad_fk10 (id int4range, valid_at daterange, dept_id int4range, FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments (id, PERIOD valid_at) ON UPDATE SET NULL);
CREATE TABLE bad_fk11 (id int4range, valid_at daterange, dept_id int4range, FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments (id, PERIOD valid_at) ON DELETE RESTRICT);
CREATE TABLE bad_fk12 (id int4range, valid_at daterange, dept_id int4range, FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments (id, PERIOD valid_at) ON DELETE SET DEFAULT);
CREATE TABLE ok_fk (id int4range, valid_at daterange, dept_id int4range, FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments ON UPDATE NO ACTION ON DELETE NO ACTION);
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ok_fk'::regclass AND contype = 'f';

-- Multirange periods, and ALTER TABLE ADD FOREIGN KEY validating existing rows.
CREATE TABLE plans (id int4range, active datemultirange, CONSTRAINT plans_pk PRIMARY KEY (id, active WITHOUT OVERLAPS));
INSERT INTO plans VALUES ('[1,2)', '{[2024-01-01,2024-02-01), [2024-03-01,2024-04-01)}'), ('[1,2)', '{[2024-02-01,2024-03-01)}');
CREATE TABLE subscriptions (id int, plan_id int4range, active datemultirange);
INSERT INTO subscriptions VALUES (1, '[1,2)', '{[2024-01-15,2024-03-15)}'), (2, '[1,2)', '{[2024-03-15,2024-05-01)}');
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_plan_fk FOREIGN KEY (plan_id, PERIOD active) REFERENCES plans (id, PERIOD active);
UPDATE subscriptions SET active = '{[2024-03-15,2024-03-20), [2024-01-01,2024-01-05)}' WHERE id = 2;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_plan_fk FOREIGN KEY (plan_id, PERIOD active) REFERENCES plans (id, PERIOD active);
INSERT INTO subscriptions VALUES (3, '[1,2)', '{[2023-12-01,2024-01-02)}');
INSERT INTO subscriptions VALUES (4, '[1,2)', '{}');
DELETE FROM plans WHERE active = '{[2024-02-01,2024-03-01)}';
UPDATE plans SET active = '{[2024-02-01,2024-02-10)}' WHERE active = '{[2024-02-01,2024-03-01)}';
SELECT conname, conperiod, conpfeqop, pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'subscriptions_plan_fk';

-- NOT VALID and a later VALIDATE; a deferred temporal key.
CREATE TABLE tickets (id int, dept_id int4range, valid_at daterange);
INSERT INTO tickets VALUES (1, '[1,2)', '[2030-01-01,2030-02-01)');
ALTER TABLE tickets ADD CONSTRAINT tickets_dept_fk FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments (id, PERIOD valid_at) NOT VALID;
ALTER TABLE tickets VALIDATE CONSTRAINT tickets_dept_fk;
SELECT convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'tickets_dept_fk';
DELETE FROM tickets;
ALTER TABLE tickets VALIDATE CONSTRAINT tickets_dept_fk;
CREATE TABLE visits (id int, dept_id int4range, valid_at daterange,
  CONSTRAINT visits_dept_fk FOREIGN KEY (dept_id, PERIOD valid_at) REFERENCES departments (id, PERIOD valid_at) DEFERRABLE INITIALLY DEFERRED);
BEGIN;
INSERT INTO visits VALUES (1, '[5,6)', '[2020-02-01,2020-03-01)');
INSERT INTO departments VALUES ('[5,6)', '[2020-01-01,2021-01-01)', 'support');
COMMIT;
BEGIN;
INSERT INTO visits VALUES (2, '[6,7)', '[2020-02-01,2020-03-01)');
COMMIT;
SELECT id, dept_id, valid_at FROM visits;

-- A temporal foreign key referencing a temporal UNIQUE constraint, with btree_gist scalars.
CREATE EXTENSION btree_gist;
CREATE TABLE products (sku text, valid_at tsrange, price int, CONSTRAINT products_sku_uq UNIQUE (sku, valid_at WITHOUT OVERLAPS));
INSERT INTO products VALUES ('A-1', '[2024-01-01,2024-06-01)', 10), ('A-1', '[2024-06-01,)', 12);
CREATE TABLE order_lines (id int, sku text, valid_at tsrange, FOREIGN KEY (sku, PERIOD valid_at) REFERENCES products (sku, PERIOD valid_at));
INSERT INTO order_lines VALUES (1, 'A-1', '[2024-05-01,2025-01-01)');
INSERT INTO order_lines VALUES (2, 'B-2', '[2024-05-01,2025-01-01)');
INSERT INTO order_lines VALUES (3, 'A-1', '[2023-05-01,2024-02-01)');
DELETE FROM products WHERE valid_at = '[2024-06-01,)';
SELECT conname, conperiod, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'order_lines'::regclass AND contype = 'f';

-- Dropping a referenced column names the dependent key.
ALTER TABLE departments DROP COLUMN valid_at;
ALTER TABLE departments DROP COLUMN id;

-- A deferrable key cannot be referenced.
CREATE TABLE rooms (id int4range, open_during daterange, CONSTRAINT rooms_uq UNIQUE (id, open_during WITHOUT OVERLAPS) DEFERRABLE);
CREATE TABLE meetings (room_id int4range, during daterange, FOREIGN KEY (room_id, PERIOD during) REFERENCES rooms (id, PERIOD open_during));
CREATE TABLE halls (id int PRIMARY KEY DEFERRABLE, code int UNIQUE DEFERRABLE);
CREATE TABLE events (hall_id int REFERENCES halls);
CREATE TABLE events2 (hall_code int REFERENCES halls (code));

-- A deferred temporal key: the referenced side may be rearranged inside the transaction.
CREATE TABLE venues (id int4range, open_during daterange, PRIMARY KEY (id, open_during WITHOUT OVERLAPS));
CREATE TABLE concerts (id int, venue_id int4range, during daterange,
  CONSTRAINT concerts_venue_fk FOREIGN KEY (venue_id, PERIOD during) REFERENCES venues (id, PERIOD open_during) DEFERRABLE INITIALLY DEFERRED);
INSERT INTO venues VALUES ('[1,2)', '[2020-01-01,2020-03-01)');
INSERT INTO concerts VALUES (1, '[1,2)', '[2020-01-05,2020-02-01)');
BEGIN;
DELETE FROM venues;
INSERT INTO venues VALUES ('[1,2)', '[2020-01-01,2020-01-20)'), ('[1,2)', '[2020-01-20,2020-02-10)');
COMMIT;
BEGIN;
DELETE FROM venues WHERE open_during = '[2020-01-20,2020-02-10)';
COMMIT;
BEGIN;
SET CONSTRAINTS concerts_venue_fk IMMEDIATE;
DELETE FROM venues WHERE open_during = '[2020-01-20,2020-02-10)';
ROLLBACK;
SELECT id, open_during FROM venues ORDER BY open_during;

-- A partitioned referenced table, one partition with its own column layout.
CREATE TABLE stores (id int4range, open_during daterange, PRIMARY KEY (id, open_during WITHOUT OVERLAPS)) PARTITION BY LIST (id);
CREATE TABLE stores_1 PARTITION OF stores FOR VALUES IN ('[1,2)');
CREATE TABLE stores_2 (old_code int, id int4range NOT NULL, open_during daterange NOT NULL);
ALTER TABLE stores_2 DROP COLUMN old_code;
ALTER TABLE stores ATTACH PARTITION stores_2 FOR VALUES IN ('[2,3)');
INSERT INTO stores VALUES ('[2,3)', '[2020-01-01,2020-02-01)'), ('[2,3)', '[2020-02-01,2020-03-01)'), ('[1,2)', '[2020-01-01,2020-02-01)');
CREATE TABLE sales (store_id int4range, during daterange, FOREIGN KEY (store_id, PERIOD during) REFERENCES stores (id, PERIOD open_during));
INSERT INTO sales VALUES ('[2,3)', '[2020-01-10,2020-02-20)'), ('[1,2)', '[2020-01-10,2020-01-20)');
INSERT INTO sales VALUES ('[2,3)', '[2020-01-10,2020-03-20)');
UPDATE stores SET open_during = '[2020-02-01,2020-02-25)' WHERE open_during = '[2020-02-01,2020-03-01)';
UPDATE stores SET open_during = '[2020-02-01,2020-02-15)' WHERE open_during = '[2020-02-01,2020-02-25)';
DELETE FROM stores WHERE id = '[1,2)';

-- An UPDATE that only shrinks the referencing period is not re-checked (a NOT VALID key shows it).
CREATE TABLE leases (id int4range, valid_at daterange, PRIMARY KEY (id, valid_at WITHOUT OVERLAPS));
INSERT INTO leases VALUES ('[1,2)', '[2020-01-01,2020-02-01)');
CREATE TABLE tenants (tid int, lease_id int4range, valid_at daterange);
INSERT INTO tenants VALUES (1, '[1,2)', '[2020-01-01,2020-03-05)'), (2, NULL, '[2020-01-01,2020-03-05)');
ALTER TABLE tenants ADD CONSTRAINT tenants_lease_fk FOREIGN KEY (lease_id, PERIOD valid_at) REFERENCES leases (id, PERIOD valid_at) NOT VALID;
UPDATE tenants SET valid_at = '[2020-01-01,2020-03-01)' WHERE tid = 1;
UPDATE tenants SET valid_at = '[2020-01-01,2020-03-02)' WHERE tid = 1;
UPDATE tenants SET lease_id = '[1,2)' WHERE tid = 2;
UPDATE tenants SET valid_at = '[2020-01-01,2020-01-02)', lease_id = '[1,2)' WHERE tid = 2;
SELECT tid, lease_id, valid_at FROM tenants ORDER BY tid;

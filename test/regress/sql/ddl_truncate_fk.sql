-- TRUNCATE with foreign keys between plain and partitioned tables (a multi-tenant app's reset
-- of its fixtures), RESTART IDENTITY inside transactions.
CREATE TABLE tenants (id serial PRIMARY KEY, name text);
CREATE TABLE users (id serial PRIMARY KEY, tenant_id int REFERENCES tenants);
CREATE TABLE audit (id serial PRIMARY KEY, user_id int REFERENCES users, tenant_id int REFERENCES tenants);
CREATE TABLE events (tenant_id int REFERENCES tenants, at date, what text) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (tenant_id);
CREATE TABLE events_2025_1 PARTITION OF events_2025 FOR VALUES IN (1);
CREATE TABLE events_2025_d PARTITION OF events_2025 DEFAULT;
INSERT INTO tenants (name) VALUES ('acme'), ('globex');
INSERT INTO users (tenant_id) VALUES (1), (2);
INSERT INTO audit (user_id, tenant_id) VALUES (1, 1), (2, 2);
INSERT INTO events VALUES (1, '2024-05-01', 'a'), (1, '2025-05-01', 'b'), (2, '2025-06-01', 'c');

-- which referencing table the error names: the first listed table with one, in OID order
TRUNCATE tenants;
TRUNCATE users, tenants;
TRUNCATE tenants, users, audit;
BEGIN;
TRUNCATE audit, users;
ROLLBACK;
BEGIN;
TRUNCATE tenants, users, audit, events;
ROLLBACK;

-- CASCADE: round by round, in OID order, partitions of a partitioned referencer included
BEGIN;
TRUNCATE tenants CASCADE;
SELECT (SELECT count(*) FROM tenants) AS t, (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM audit) AS a, (SELECT count(*) FROM events) AS e;
ROLLBACK;
SELECT tableoid::regclass, count(*) FROM events GROUP BY 1 ORDER BY 1;

-- referencing a partitioned table: truncating one partition reaches the referencing tables
CREATE TABLE regions (code int PRIMARY KEY) PARTITION BY RANGE (code);
CREATE TABLE regions_low PARTITION OF regions FOR VALUES FROM (0) TO (100);
CREATE TABLE regions_high PARTITION OF regions FOR VALUES FROM (100) TO (200);
CREATE TABLE stores (id int PRIMARY KEY, region int REFERENCES regions);
INSERT INTO regions VALUES (1), (150);
INSERT INTO stores VALUES (1, 1), (2, 150);
TRUNCATE regions_high;
BEGIN;
TRUNCATE regions_high CASCADE;
SELECT count(*) FROM stores;
SELECT count(*) FROM regions;
ROLLBACK;

-- RESTART IDENTITY is undone by a rollback
SELECT max(id) FROM audit;
BEGIN;
TRUNCATE audit RESTART IDENTITY;
INSERT INTO audit (user_id, tenant_id) VALUES (1, 1) RETURNING id;
ROLLBACK;
INSERT INTO audit (user_id, tenant_id) VALUES (1, 1) RETURNING id;
TRUNCATE audit RESTART IDENTITY;
INSERT INTO audit (user_id, tenant_id) VALUES (1, 1) RETURNING id;

-- so is ALTER SEQUENCE ... RESTART (and any option but OWNED BY)
CREATE SEQUENCE ticket_no;
SELECT nextval('ticket_no');
BEGIN;
ALTER SEQUENCE ticket_no RESTART 500;
SELECT nextval('ticket_no');
ROLLBACK;
SELECT nextval('ticket_no');
BEGIN;
SAVEPOINT s;
ALTER SEQUENCE ticket_no INCREMENT 10;
SELECT nextval('ticket_no');
ROLLBACK TO s;
SELECT nextval('ticket_no');
COMMIT;

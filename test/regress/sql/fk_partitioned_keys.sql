-- Foreign keys and partitioned tables: referenced partitions with their own column layout,
-- cross-partition updates of referenced rows, DETACH / DROP of referenced partitions, keys of
-- partitions merged into the parent's, ALTER / VALIDATE CONSTRAINT on partitioned tables.

CREATE TABLE pk_regions (id int PRIMARY KEY, name text) PARTITION BY RANGE (id);
CREATE TABLE pk_regions_lo PARTITION OF pk_regions FOR VALUES FROM (0) TO (100);
CREATE TABLE pk_regions_hi (junk int, name text, id int NOT NULL);
ALTER TABLE pk_regions_hi DROP COLUMN junk;
ALTER TABLE pk_regions ATTACH PARTITION pk_regions_hi FOR VALUES FROM (100) TO (200);
INSERT INTO pk_regions VALUES (1, 'north'), (150, 'south'), (160, 'east');
CREATE TABLE pk_shops (id int, region_id int REFERENCES pk_regions ON UPDATE CASCADE);
INSERT INTO pk_shops VALUES (1, 1), (2, 150);
INSERT INTO pk_shops VALUES (3, 170);

-- a referenced row in the partition with another layout is protected too
DELETE FROM pk_regions WHERE id = 150;
DELETE FROM pk_regions WHERE id = 160;
UPDATE pk_regions SET id = 151 WHERE id = 150;
SELECT * FROM pk_shops ORDER BY id;

-- moving a referenced row to another partition is an UPDATE for the key: it cascades
UPDATE pk_regions SET id = 50 WHERE id = 151;
SELECT * FROM pk_shops ORDER BY id;
SELECT tableoid::regclass, * FROM pk_regions ORDER BY id;

-- a referenced partition cannot be detached or dropped while referenced
ALTER TABLE pk_regions DETACH PARTITION pk_regions_lo;
DROP TABLE pk_regions_lo;
DELETE FROM pk_shops;
DROP TABLE pk_regions_lo;
ALTER TABLE pk_regions DETACH PARTITION pk_regions_lo;
DROP TABLE pk_regions_lo;
INSERT INTO pk_shops VALUES (4, 1);
DROP TABLE pk_shops, pk_regions;

-- a partitioned referencing table: partitions' own matching keys merge into the parent's
CREATE TABLE pk_users (id int PRIMARY KEY);
INSERT INTO pk_users VALUES (1), (2);
CREATE TABLE pk_events (uid int, kind text DEFAULT 'x', at int DEFAULT 1) PARTITION BY LIST (kind);
CREATE TABLE pk_events_x PARTITION OF pk_events FOR VALUES IN ('x');
CREATE TABLE pk_events_y (at int, kind text, uid int, CONSTRAINT own_fk FOREIGN KEY (uid) REFERENCES pk_users);
ALTER TABLE ONLY pk_events ADD FOREIGN KEY (uid) REFERENCES pk_users;
ALTER TABLE pk_events ADD CONSTRAINT pk_events_uid_fkey FOREIGN KEY (uid) REFERENCES pk_users;
ALTER TABLE pk_events ATTACH PARTITION pk_events_y FOR VALUES IN ('y');
SELECT conname, conislocal, coninhcount, conparentid <> 0 AS has_parent FROM pg_constraint
 WHERE conrelid = 'pk_events_y'::regclass AND contype = 'f';
ALTER TABLE pk_events_y DROP CONSTRAINT own_fk;
ALTER TABLE pk_events_x DROP CONSTRAINT pk_events_uid_fkey;
ALTER TABLE pk_events_y ALTER CONSTRAINT own_fk DEFERRABLE;
INSERT INTO pk_events VALUES (3, 'y', 1);
INSERT INTO pk_events VALUES (1, 'y', 1), (2, 'x', 2);

-- ALTER CONSTRAINT on the partitioned table covers its partitions
ALTER TABLE ONLY pk_events ALTER CONSTRAINT pk_events_uid_fkey DEFERRABLE;
ALTER TABLE pk_events ALTER CONSTRAINT pk_events_uid_fkey DEFERRABLE INITIALLY DEFERRED;
BEGIN;
INSERT INTO pk_events VALUES (9, 'x', 1);
INSERT INTO pk_users VALUES (9);
COMMIT;
ALTER TABLE pk_events ALTER CONSTRAINT pk_events_uid_fkey NOT ENFORCED;
INSERT INTO pk_events VALUES (8, 'x', 1);
ALTER TABLE pk_events VALIDATE CONSTRAINT pk_events_uid_fkey;
ALTER TABLE pk_events ALTER CONSTRAINT pk_events_uid_fkey ENFORCED;
DELETE FROM pk_events WHERE uid = 8;
ALTER TABLE pk_events ALTER CONSTRAINT pk_events_uid_fkey ENFORCED;
SELECT c.conrelid::regclass, conname, condeferrable, conenforced, convalidated FROM pg_constraint c
 WHERE conrelid IN ('pk_events'::regclass, 'pk_events_y'::regclass) AND contype = 'f' ORDER BY 1, 2;

-- DETACH: the merged key is local again
ALTER TABLE pk_events DETACH PARTITION pk_events_y;
SELECT conname, conislocal, coninhcount FROM pg_constraint WHERE conrelid = 'pk_events_y'::regclass AND contype = 'f';
ALTER TABLE pk_events_y DROP CONSTRAINT own_fk;

-- NOT VALID on a partitioned table, then VALIDATE checks every partition
INSERT INTO pk_events_x VALUES (77, 'x', 1);
ALTER TABLE pk_events DROP CONSTRAINT pk_events_uid_fkey;
INSERT INTO pk_events VALUES (77, 'x', 1);
ALTER TABLE pk_events ADD CONSTRAINT ev_fk FOREIGN KEY (uid) REFERENCES pk_users ON DELETE SET DEFAULT NOT VALID;
ALTER TABLE pk_events VALIDATE CONSTRAINT ev_fk;
DELETE FROM pk_events WHERE uid = 77;
ALTER TABLE pk_events VALIDATE CONSTRAINT ev_fk;
SELECT convalidated FROM pg_constraint WHERE conname = 'ev_fk' AND conrelid = 'pk_events'::regclass;

-- attaching a table the partitioned table references is refused
CREATE TABLE pk_refd (uid int PRIMARY KEY, kind text, at int);
ALTER TABLE pk_events ADD FOREIGN KEY (uid) REFERENCES pk_refd NOT ENFORCED;
ALTER TABLE pk_events ATTACH PARTITION pk_refd FOR VALUES IN ('z');

-- dropping the partitioned table and what it references together needs no CASCADE
DROP TABLE pk_events, pk_users, pk_refd;
DROP TABLE pk_events_y;

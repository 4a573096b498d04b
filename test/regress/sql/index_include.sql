-- INCLUDE columns: CREATE [UNIQUE] INDEX ... INCLUDE, PRIMARY KEY / UNIQUE (...) INCLUDE (...)
-- in CREATE TABLE and ALTER TABLE; uniqueness on the key columns only; the catalogs and errors.

CREATE TABLE accounts (
  id int,
  email text,
  name text,
  plan text DEFAULT 'free',
  created date,
  CONSTRAINT accounts_pkey PRIMARY KEY (id) INCLUDE (name, plan),
  UNIQUE (email) INCLUDE (created)
);
INSERT INTO accounts VALUES (1, 'a@x.io', 'Ann', 'pro', '2024-01-01'), (2, 'b@x.io', 'Bob', NULL, NULL);
-- included columns need not be unique nor non-null; keys must be
INSERT INTO accounts VALUES (3, 'c@x.io', 'Ann', 'pro', '2024-01-01');
INSERT INTO accounts VALUES (1, 'd@x.io', 'Dan', 'free', NULL);
INSERT INTO accounts VALUES (4, 'a@x.io', 'Eve', 'free', NULL);
INSERT INTO accounts VALUES (NULL, 'e@x.io', 'Eve', 'free', NULL);
INSERT INTO accounts VALUES (5, 'e@x.io', NULL, NULL, NULL) ON CONFLICT (id) DO NOTHING;
INSERT INTO accounts VALUES (5, 'f@x.io', 'Fay', 'pro', NULL) ON CONFLICT (id) DO UPDATE SET name = excluded.name;
INSERT INTO accounts VALUES (6, 'f@x.io', 'Fay', 'team', NULL) ON CONFLICT (email) DO UPDATE SET plan = excluded.plan;
SELECT * FROM accounts ORDER BY id;
SELECT id, name, plan FROM accounts WHERE id = 5;

SELECT conname, contype, conkey, pg_get_constraintdef(oid) FROM pg_constraint
 WHERE conrelid = 'accounts'::regclass ORDER BY conname;
SELECT c.relname, i.indnatts, i.indnkeyatts, i.indkey, i.indisunique, i.indisprimary, i.indclass, i.indcollation, i.indoption,
       pg_get_indexdef(i.indexrelid), pg_get_indexdef(i.indexrelid, 0, true)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'accounts'::regclass ORDER BY c.relname;
SELECT c.relname, c.relnatts, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attcollation
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE a.attrelid IN ('accounts_pkey'::regclass, 'accounts_email_created_key'::regclass) ORDER BY c.relname, a.attnum;
SELECT pg_get_indexdef('accounts_pkey'::regclass, 1, true), pg_get_indexdef('accounts_pkey'::regclass, 2, true),
       pg_get_indexdef('accounts_pkey'::regclass, 3, false), pg_get_indexdef('accounts_pkey'::regclass, 4, false);
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'accounts'::regclass AND attnum > 0 ORDER BY attnum;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'accounts' ORDER BY indexname;
SELECT constraint_name, constraint_type FROM information_schema.table_constraints
 WHERE table_name = 'accounts' AND constraint_type IN ('PRIMARY KEY', 'UNIQUE') ORDER BY constraint_name;
SELECT constraint_name, column_name, ordinal_position FROM information_schema.key_column_usage
 WHERE table_name = 'accounts' ORDER BY constraint_name, ordinal_position;
SELECT constraint_name, column_name FROM information_schema.constraint_column_usage
 WHERE table_name = 'accounts' ORDER BY constraint_name, column_name;

-- a foreign key references the key columns of a constraint with INCLUDE
CREATE TABLE sessions (token text PRIMARY KEY, account_id int REFERENCES accounts, email text REFERENCES accounts (email));
INSERT INTO sessions VALUES ('t1', 1, 'a@x.io');
INSERT INTO sessions VALUES ('t2', 9, 'a@x.io');
CREATE TABLE bad_ref (x text REFERENCES accounts (name));
CREATE TABLE bad_ref (x int, y text, FOREIGN KEY (x, y) REFERENCES accounts (id, name));

-- CREATE INDEX ... INCLUDE
CREATE TABLE events (id int, kind text, at timestamp, payload jsonb, tags text[]);
INSERT INTO events VALUES (1, 'click', '2024-05-01 10:00', '{"x": 1}', '{a}'), (2, 'view', '2024-05-01 11:00', NULL, NULL), (3, 'click', '2024-05-02 09:00', '{}', '{b,c}');
CREATE INDEX ON events (kind) INCLUDE (at, id);
CREATE INDEX events_kind_desc ON events (kind DESC NULLS LAST, at) INCLUDE (payload) WHERE id > 0;
CREATE UNIQUE INDEX events_id_uniq ON events (id) INCLUDE (kind, tags);
CREATE UNIQUE INDEX events_id_nnd ON events (id) INCLUDE (kind) NULLS NOT DISTINCT;
CREATE INDEX events_lower_kind ON events (lower(kind)) INCLUDE (id);
CREATE INDEX events_same ON events (kind) INCLUDE (kind);
CREATE INDEX events_twice ON events (id) INCLUDE (at, at);
INSERT INTO events VALUES (1, 'dup', NULL, NULL, NULL);
INSERT INTO events VALUES (NULL, 'n1', NULL, NULL, NULL), (NULL, 'n2', NULL, NULL, NULL);
SELECT c.relname, i.indnatts, i.indnkeyatts, i.indkey, i.indoption, i.indnullsnotdistinct, pg_get_indexdef(i.indexrelid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'events'::regclass ORDER BY c.relname;
SELECT kind, at, id FROM events WHERE kind = 'click' ORDER BY at;
SELECT id, kind FROM events WHERE id = 3;

-- errors
CREATE INDEX ON events (kind) INCLUDE (at DESC);
CREATE INDEX ON events (kind) INCLUDE (at NULLS FIRST);
CREATE INDEX ON events (kind) INCLUDE (kind COLLATE "C");
CREATE INDEX ON events (kind) INCLUDE (kind text_pattern_ops);
CREATE INDEX ON events (kind) INCLUDE ((id + 1));
CREATE INDEX ON events (kind) INCLUDE (lower(kind));
CREATE INDEX ON events (kind) INCLUDE (nope);
CREATE INDEX ON events (kind) INCLUDE (ctid);
CREATE INDEX ON events USING hash (kind) INCLUDE (id);
CREATE INDEX ON events USING gin (tags) INCLUDE (id);
CREATE TABLE bad_inc (a int, b text, UNIQUE (a) INCLUDE (zz));
CREATE TABLE bad_inc (a int, b text, PRIMARY KEY (a) INCLUDE (b, zz));
CREATE TABLE bad_inc (a int, b text, UNIQUE (a) INCLUDE (ctid));
CREATE TABLE bad_inc (a int, b text, UNIQUE (a, a) INCLUDE (b));

-- odd but accepted: a key column also included, an included column twice, a PK and a UNIQUE alike
CREATE TABLE odd (a int, b text, c int, PRIMARY KEY (a) INCLUDE (b), UNIQUE (a) INCLUDE (b), UNIQUE (c) INCLUDE (c, b, b));
SELECT conname, conkey, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'odd'::regclass ORDER BY conname;
SELECT c.relname, i.indnatts, i.indnkeyatts, i.indkey FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'odd'::regclass ORDER BY c.relname;

-- column constraints cannot have INCLUDE; the table-level form names the index after all its columns
CREATE TABLE named (a int, b int, c int, UNIQUE (a, b) INCLUDE (c), UNIQUE (b) INCLUDE (a, c));
SELECT conname FROM pg_constraint WHERE conrelid = 'named'::regclass ORDER BY conname;

-- ALTER TABLE ... ADD CONSTRAINT ... INCLUDE on a populated table
CREATE TABLE members (org int, usr int, role text, since date);
INSERT INTO members VALUES (1, 1, 'owner', '2024-01-01'), (1, 2, 'member', NULL), (2, 1, NULL, NULL);
ALTER TABLE members ADD CONSTRAINT members_pkey PRIMARY KEY (org, usr) INCLUDE (role);
ALTER TABLE members ADD UNIQUE (usr) INCLUDE (org);
ALTER TABLE members ADD UNIQUE (usr, org) INCLUDE (since, role);
ALTER TABLE members ADD UNIQUE (usr) INCLUDE (nope);
ALTER TABLE members ADD UNIQUE (usr) INCLUDE (role DESC);
SELECT conname, conkey, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'members'::regclass ORDER BY conname;
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'members'::regclass AND attnum > 0 ORDER BY attnum;
INSERT INTO members VALUES (1, 1, 'dup', NULL);
UPDATE members SET role = 'admin' WHERE org = 1 AND usr = 2;
SELECT * FROM members ORDER BY org, usr;

-- dropping an included column drops the index; ALTER COLUMN TYPE of an included column keeps it
ALTER TABLE members ALTER COLUMN role TYPE varchar(20);
SELECT pg_get_indexdef('members_pkey'::regclass);
ALTER TABLE events DROP COLUMN payload;
SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'events'::regclass ORDER BY c.relname;
ALTER TABLE members DROP COLUMN role;
SELECT conname FROM pg_constraint WHERE conrelid = 'members'::regclass ORDER BY conname;

-- psql's \d of an index with included columns
SELECT a.attname,
  pg_catalog.format_type(a.atttypid, a.atttypmod),
  CASE WHEN a.attnum <= (SELECT i.indnkeyatts FROM pg_catalog.pg_index i WHERE i.indexrelid = 'accounts_pkey'::pg_catalog.regclass) THEN 'yes' ELSE 'no' END AS is_key,
  pg_catalog.pg_get_indexdef(a.attrelid, a.attnum, TRUE) AS indexdef
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = 'accounts_pkey'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum;
SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
  pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident, c2.reltablespace
FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i
  LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x'))
WHERE c.oid = 'accounts'::regclass AND c.oid = i.indrelid AND i.indexrelid = c2.oid
ORDER BY i.indisprimary DESC, c2.relname;

-- LIKE ... INCLUDING INDEXES copies INCLUDE
CREATE TABLE accounts_copy (LIKE accounts INCLUDING INDEXES);
SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'accounts_copy'::regclass ORDER BY c.relname;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'accounts_copy'::regclass ORDER BY conname;

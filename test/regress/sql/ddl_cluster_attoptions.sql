-- ALTER TABLE ... CLUSTER ON / SET WITHOUT CLUSTER and ALTER COLUMN SET / RESET (attribute
-- options) as pg_dump output and tuning migrations write them: recorded in the catalogs.
CREATE TABLE events (id bigint PRIMARY KEY, kind text, at timestamptz, payload jsonb);
CREATE INDEX events_at_idx ON events (at);
CREATE INDEX events_recent_idx ON events (at) WHERE at > '2024-01-01';
CREATE INDEX events_kind_hash ON events USING hash (kind);
CREATE TABLE other (id int PRIMARY KEY);

ALTER TABLE events CLUSTER ON events_at_idx;
SELECT indexrelid::regclass, indisclustered FROM pg_index WHERE indrelid = 'events'::regclass ORDER BY 1;
ALTER TABLE events CLUSTER ON events_pkey;
SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'events'::regclass AND indisclustered;
ALTER TABLE events CLUSTER ON no_such_index;
ALTER TABLE events CLUSTER ON events_recent_idx;
ALTER TABLE events CLUSTER ON events_kind_hash;
ALTER TABLE events CLUSTER ON other_pkey;
ALTER TABLE events SET WITHOUT CLUSTER;
SELECT count(*) FROM pg_index WHERE indrelid = 'events'::regclass AND indisclustered;
ALTER TABLE events SET WITHOUT CLUSTER;
CREATE TABLE events_by_month (at date, n int) PARTITION BY RANGE (at);
CREATE INDEX events_by_month_at ON events_by_month (at);
ALTER TABLE events_by_month CLUSTER ON events_by_month_at;
BEGIN;
ALTER TABLE events CLUSTER ON events_at_idx;
ROLLBACK;
SELECT count(*) FROM pg_index WHERE indrelid = 'events'::regclass AND indisclustered;

-- attribute options
ALTER TABLE events ALTER COLUMN kind SET (n_distinct = 12);
ALTER TABLE events ALTER COLUMN payload SET (n_distinct = -0.5, n_distinct_inherited = -1);
SELECT attname, attoptions FROM pg_attribute WHERE attrelid = 'events'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE events ALTER COLUMN kind SET (n_distinct = 20);
ALTER TABLE events ALTER COLUMN payload RESET (n_distinct);
SELECT attname, attoptions FROM pg_attribute WHERE attrelid = 'events'::regclass AND attnum > 0 ORDER BY attnum;
ALTER TABLE events ALTER COLUMN kind SET (n_distinct = -2);
ALTER TABLE events ALTER COLUMN kind SET (n_distinct = 'many');
ALTER TABLE events ALTER COLUMN kind SET (fillfactor = 50);
ALTER TABLE events ALTER COLUMN kind RESET (n_distinct = 1);
ALTER TABLE events ALTER COLUMN nope SET (n_distinct = 1);
ALTER TABLE events ALTER COLUMN ctid SET (n_distinct = 1);
ALTER TABLE events ALTER COLUMN kind RESET (n_distinct), ALTER COLUMN payload RESET (n_distinct_inherited);
SELECT count(*) FROM pg_attribute WHERE attrelid = 'events'::regclass AND attoptions IS NOT NULL;

-- The system catalogs and information_schema views, read the way clients read them. OIDs differ
-- between servers, so queries join on them and print names (or regclass/regtype values) instead.

CREATE EXTENSION IF NOT EXISTS citext;
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN app.percent AS numeric(5,2) CHECK (VALUE >= 0 AND VALUE <= 100);
CREATE DOMAIN app.nonempty AS text NOT NULL CHECK (length(VALUE) > 0);
CREATE TABLE app.accounts (
  id bigserial PRIMARY KEY,
  email citext NOT NULL UNIQUE,
  handle varchar(30) NOT NULL,
  display_name app.nonempty,
  mood app.mood DEFAULT 'ok',
  score app.percent,
  balance numeric(12,2) NOT NULL DEFAULT 0,
  rating real,
  weight double precision,
  tags text[] NOT NULL DEFAULT '{}',
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  birthday date,
  wake_at time(0),
  code char(4),
  flags boolean[],
  avatar bytea,
  external_id uuid DEFAULT gen_random_uuid(),
  CONSTRAINT handle_format CHECK (handle ~ '^[a-z0-9_]+$' AND length(handle) >= 3)
);
CREATE TABLE app.posts (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES app.accounts(id) ON DELETE CASCADE,
  title text NOT NULL COLLATE "C",
  body text,
  word_count integer GENERATED ALWAYS AS (length(body) / 5) STORED,
  published_at timestamp(3),
  UNIQUE (account_id, title)
);
CREATE TABLE app.follows (
  follower_id bigint NOT NULL REFERENCES app.accounts(id),
  followee_id bigint NOT NULL REFERENCES app.accounts(id) ON UPDATE CASCADE ON DELETE SET NULL,
  since timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (follower_id, followee_id)
);
CREATE INDEX posts_account_published_idx ON app.posts (account_id, published_at DESC NULLS LAST);
CREATE INDEX posts_title_lower_idx ON app.posts (lower(title)) WHERE body IS NOT NULL;
CREATE UNIQUE INDEX accounts_handle_key ON app.accounts (handle);
CREATE SEQUENCE app.ticket_seq AS integer START WITH 100 INCREMENT BY 5 MAXVALUE 1000 CYCLE;
CREATE VIEW app.published_posts AS SELECT p.id, p.title, a.handle FROM app.posts p JOIN app.accounts a ON a.id = p.account_id WHERE p.published_at IS NOT NULL;
COMMENT ON TABLE app.accounts IS 'People with a login';
COMMENT ON COLUMN app.accounts.handle IS 'Public name';
COMMENT ON SCHEMA app IS 'The application';
COMMENT ON TYPE app.mood IS 'How someone feels';
ALTER TABLE app.accounts DROP COLUMN weight;

-- pg_namespace, pg_class, pg_attribute
SELECT nspname, pg_get_userbyid(nspowner) AS owner, nspacl, obj_description(oid, 'pg_namespace') AS comment FROM pg_namespace ORDER BY nspname;
SELECT c.relname, c.relkind, c.relpersistence, c.relnatts, c.relchecks, c.relhasindex, c.relhastriggers, c.relhasrules,
       c.relreplident, c.relrowsecurity, c.relispartition, am.amname, c.reltype <> 0 AS has_type, c.reloftype, c.relpages, c.reltuples
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am am ON am.oid = c.relam
 WHERE n.nspname = 'app' ORDER BY c.relname;
SELECT c.relname, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attlen, a.attbyval, a.attalign, a.attstorage,
       a.attndims, a.attnotnull, a.atthasdef, a.attidentity, a.attgenerated, a.attisdropped, a.attcollation <> 0 AS collatable
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = 'app'::regnamespace AND c.relkind IN ('r', 'v', 'i')
 ORDER BY c.relname, a.attnum;
SELECT attname, atttypid::regtype, attnum FROM pg_attribute WHERE attrelid = 'app.accounts'::regclass AND attisdropped;
SELECT a.attname, co.collname FROM pg_attribute a JOIN pg_collation co ON co.oid = a.attcollation
 WHERE a.attrelid = 'app.posts'::regclass AND a.attnum > 0 ORDER BY a.attnum;

-- pg_type, pg_enum
SELECT t.typname, t.typtype, t.typcategory, t.typlen, t.typbyval, t.typalign, t.typstorage, t.typnotnull, t.typdelim,
       t.typbasetype::regtype, t.typtypmod, t.typelem::regtype, t.typarray::regtype, t.typrelid::regclass, t.typcollation <> 0 AS collatable,
       t.typdefault, pg_get_userbyid(t.typowner) AS owner
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'app' ORDER BY t.typname;
SELECT oid::regtype, typname, typlen, typbyval, typtype, typcategory, typispreferred, typalign, typstorage, typelem::regtype, typarray::regtype,
       typinput::regproc::text, typoutput::regproc::text, typcollation
  FROM pg_type WHERE oid IN (16, 20, 21, 23, 25, 1043, 1042, 1700, 701, 700, 1184, 1114, 1082, 3802, 2950, 1007, 1009, 17, 19, 18, 22, 30) ORDER BY oid;
SELECT e.enumlabel, e.enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'mood' ORDER BY e.enumsortorder;
SELECT obj_description('app.mood'::regtype, 'pg_type'), obj_description('int4'::regtype, 'pg_type'), obj_description('uuid'::regtype);

-- pg_constraint, pg_index, pg_attrdef
SELECT conname, contype, conrelid::regclass, contypid::regtype, confrelid::regclass, conkey, confkey, condeferrable, condeferred,
       convalidated, confupdtype, confdeltype, confmatchtype, conislocal, connoinherit, conindid <> 0 AS has_index,
       pg_get_constraintdef(oid) AS def, pg_get_constraintdef(oid, true) AS pretty
  FROM pg_constraint WHERE connamespace = 'app'::regnamespace ORDER BY conname;
SELECT i.indexrelid::regclass, i.indrelid::regclass, i.indnatts, i.indnkeyatts, i.indisunique, i.indisprimary, i.indimmediate,
       i.indkey, i.indoption, i.indisvalid, i.indnullsnotdistinct, pg_get_expr(i.indexprs, i.indrelid) AS exprs,
       pg_get_expr(i.indpred, i.indrelid) AS pred, pg_get_expr(i.indpred, i.indrelid, true) AS pred_pretty
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 'app'::regnamespace ORDER BY 1::text;
SELECT indexrelid::regclass, array_length(indclass, 1) AS nclass, (SELECT array_agg(opcname ORDER BY opcname) FROM pg_opclass o WHERE o.oid = ANY (i.indclass)) AS opclasses,
       (SELECT array_agg(collname) FROM pg_collation co WHERE co.oid = ANY (i.indcollation)) AS collations
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 'app'::regnamespace AND c.relname <> 'accounts_email_key' ORDER BY 1::text;
SELECT indexrelid::regclass, pg_get_indexdef(indexrelid), pg_get_indexdef(indexrelid, 0, true), pg_get_indexdef(indexrelid, 1, true), pg_get_indexdef(indexrelid, 2, false)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 'app'::regnamespace ORDER BY 1::text;
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) AS plain, pg_get_expr(d.adbin, d.adrelid, true) AS pretty
  FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
 WHERE d.adrelid IN ('app.accounts'::regclass, 'app.posts'::regclass, 'app.follows'::regclass) ORDER BY d.adrelid::regclass::text, a.attnum;

-- pg_tables, pg_views, pg_indexes, pg_sequences, pg_sequence, pg_matviews
SELECT schemaname, tablename, tableowner, tablespace, hasindexes, hasrules, hastriggers, rowsecurity FROM pg_tables WHERE schemaname = 'app' ORDER BY tablename;
SELECT schemaname, viewname, viewowner, definition FROM pg_views WHERE schemaname = 'app';
SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'app' ORDER BY indexname;
SELECT schemaname, sequencename, data_type, start_value, min_value, max_value, increment_by, cycle, cache_size, last_value FROM pg_sequences WHERE schemaname = 'app' ORDER BY sequencename;
SELECT nextval('app.ticket_seq'), nextval('app.ticket_seq');
SELECT sequencename, last_value FROM pg_sequences WHERE sequencename = 'ticket_seq';
SELECT seqrelid::regclass, seqtypid::regtype, seqstart, seqincrement, seqmax, seqmin, seqcache, seqcycle FROM pg_sequence WHERE seqrelid::regclass::text LIKE 'app.%' ORDER BY 1::text;
SELECT count(*) FROM pg_matviews;
SELECT count(*) FROM pg_inherits;

-- pg_description, comments
SELECT c.relname, d.objsubid, d.description FROM pg_description d JOIN pg_class c ON c.oid = d.objoid
 WHERE d.classoid = 'pg_class'::regclass AND c.relnamespace = 'app'::regnamespace ORDER BY 1, 2;
SELECT obj_description('app.accounts'::regclass, 'pg_class'), col_description('app.accounts'::regclass, 3), col_description('app.accounts'::regclass, 2),
       obj_description('app'::regnamespace, 'pg_namespace'), obj_description('app.accounts'::regclass);

-- roles, databases, extensions, settings
SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit, rolpassword, rolvaliduntil
  FROM pg_roles ORDER BY rolname;
SELECT usename, usesuper, usecreatedb, userepl, usebypassrls, passwd FROM pg_user;
SELECT rolname FROM pg_authid WHERE rolsuper;
SELECT r.rolname, m.rolname AS member FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member ORDER BY 1;
SELECT datname, pg_get_userbyid(datdba), pg_encoding_to_char(encoding), datlocprovider, datistemplate, datallowconn, datconnlimit, datlocale
  FROM pg_database WHERE datname IN ('template0', 'template1', 'postgres') ORDER BY datname;
SELECT count(*), bool_and(NOT datistemplate), min(datlocale) FROM pg_database WHERE datname = current_database();
SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'template1';
SELECT e.extname, e.extname = 'plpgsql' AND e.extversion = '1.0' AS builtin, n.nspname, e.extrelocatable, d.description
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace LEFT JOIN pg_description d ON d.objoid = e.oid AND d.classoid = 'pg_extension'::regclass
 ORDER BY 1;
SELECT name, default_version, installed_version IS NOT NULL AS installed FROM pg_available_extensions WHERE name IN ('citext', 'plpgsql', 'pgcrypto') ORDER BY 1;
SELECT lanname, lanispl, lanpltrusted FROM pg_language ORDER BY oid;
SELECT amname, amtype FROM pg_am ORDER BY oid;
SELECT collname, collprovider, collisdeterministic FROM pg_collation WHERE collname IN ('default', 'C', 'POSIX', 'ucs_basic') ORDER BY collname;
SELECT name, setting, unit, vartype, context, category FROM pg_settings WHERE name IN ('search_path', 'TimeZone', 'DateStyle', 'work_mem', 'statement_timeout', 'standard_conforming_strings', 'max_identifier_length') ORDER BY name;
SET work_mem = '64MB';
SET search_path = app, public;
SELECT name, setting, unit FROM pg_settings WHERE name IN ('work_mem', 'search_path') ORDER BY name;
RESET work_mem;
SELECT spcname FROM pg_tablespace ORDER BY 1;

-- functions on catalog objects
SELECT 'accounts'::regclass, 'app.accounts'::regclass::oid = (SELECT oid FROM pg_class WHERE relname = 'accounts'), 'mood'::regtype, 'app'::regnamespace::text, 'postgres'::regrole::text;
SELECT pg_table_is_visible('accounts'::regclass), pg_type_is_visible('mood'::regtype), pg_table_is_visible('pg_class'::regclass);
RESET search_path;
SELECT 'app.accounts'::regclass, 'app.mood'::regtype, pg_table_is_visible('app.accounts'::regclass), pg_type_is_visible('app.mood'::regtype), format_type('app.mood'::regtype, NULL);
SELECT to_regclass('app.accounts'), to_regclass('app.nope'), to_regclass('nope.nope'), to_regtype('app.mood'), to_regtype('nope'), to_regnamespace('app')::text, to_regnamespace('nope'), to_regrole('nobody');
SELECT has_table_privilege('app.accounts', 'SELECT'), has_table_privilege('postgres', 'app.accounts', 'INSERT, UPDATE'), has_schema_privilege('app', 'USAGE'),
       has_column_privilege('app.accounts', 'handle', 'SELECT'), has_database_privilege(current_database(), 'CONNECT'), has_sequence_privilege('app.ticket_seq', 'USAGE'),
       has_function_privilege('lower(text)', 'EXECUTE'), has_type_privilege('app.mood', 'USAGE'), pg_has_role('postgres', 'MEMBER');
SELECT has_table_privilege('app.nope', 'SELECT');
SELECT has_table_privilege('app.accounts', 'FLY');
SELECT has_schema_privilege('nope', 'USAGE');
SELECT has_column_privilege('app.accounts', 'nope', 'SELECT');
SELECT pg_get_userbyid(10), pg_get_userbyid(424242);
SELECT pg_get_serial_sequence('app.accounts', 'id'), pg_get_serial_sequence('app.posts', 'id'), pg_get_serial_sequence('app.accounts', 'handle');
SELECT pg_size_pretty(0::bigint), pg_size_pretty(8192::bigint), pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint), pg_size_pretty(10752::bigint),
       pg_size_pretty(1048575::bigint), pg_size_pretty(20971519::bigint), pg_size_pretty(-10240::bigint), pg_size_pretty(123456789012::bigint), pg_size_pretty(1024.5::numeric);
SELECT pg_relation_size('app.accounts'), pg_table_size('app.accounts'), pg_indexes_size('app.accounts'), pg_total_relation_size('app.accounts'), pg_relation_size('app.ticket_seq');
INSERT INTO app.accounts (email, handle, display_name) VALUES ('a@example.com', 'alice', 'Alice'), ('b@example.com', 'bob', 'Bob');
SELECT pg_relation_size('app.accounts'), pg_table_size('app.accounts'), pg_indexes_size('app.accounts'), pg_total_relation_size('app.accounts');
SELECT format_type('int4'::regtype, NULL), format_type('varchar'::regtype, 34), format_type('numeric'::regtype, 655366), format_type('_text'::regtype, NULL), format_type('bpchar'::regtype, -1), format_type('bpchar'::regtype, NULL), format_type(0, NULL), format_type(424242, NULL);
SELECT 'lower(text)'::regprocedure::text, 'now'::regproc::text, 'lower(text)'::regprocedure::oid = (SELECT oid FROM pg_proc WHERE proname = 'lower' AND proargtypes[0] = 'text'::regtype);
SELECT proname, prokind, proretset, provolatile, proisstrict, pronargs, prorettype::regtype, proargtypes FROM pg_proc
 WHERE (proname, proargtypes::text) IN (('lower', '25'), ('now', ''), ('count', ''), ('count', '2276'), ('generate_series', '23 23'), ('jsonb_build_object', '2276')) ORDER BY proname, proargtypes::text;
SELECT pg_get_function_arguments('lower(text)'::regprocedure), pg_get_function_result('lower(text)'::regprocedure), pg_get_function_identity_arguments('concat("any")'::regprocedure), pg_get_function_result('generate_series(int, int)'::regprocedure);

-- information_schema (the *_catalog columns hold the database name, which differs between the
-- recording and the replay, so they are not selected)
SELECT schema_name, schema_owner FROM information_schema.schemata ORDER BY schema_name;
SELECT table_schema, table_name, table_type, is_insertable_into, is_typed, commit_action FROM information_schema.tables WHERE table_schema = 'app' ORDER BY table_name;
SELECT table_name, check_option, is_updatable, is_insertable_into, view_definition FROM information_schema.views WHERE table_schema = 'app';
SELECT table_schema, table_name, column_name, ordinal_position, column_default, is_nullable, data_type, character_maximum_length, character_octet_length, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision, interval_type, interval_precision, character_set_name, collation_schema, collation_name, domain_schema, domain_name, udt_schema, udt_name, scope_name, maximum_cardinality, dtd_identifier, is_self_referencing, is_identity, identity_generation, identity_start, identity_increment, identity_maximum, identity_minimum, identity_cycle, is_generated, generation_expression, is_updatable FROM information_schema.columns WHERE table_schema = 'app' ORDER BY table_name, ordinal_position;
SELECT constraint_schema, constraint_name, table_schema, table_name, constraint_type, is_deferrable, initially_deferred, enforced, nulls_distinct FROM information_schema.table_constraints WHERE table_schema = 'app' ORDER BY table_name, constraint_name;
SELECT constraint_schema, constraint_name, table_schema, table_name, column_name, ordinal_position, position_in_unique_constraint FROM information_schema.key_column_usage WHERE table_schema = 'app' ORDER BY constraint_name, ordinal_position;
SELECT constraint_schema, constraint_name, unique_constraint_schema, unique_constraint_name, match_option, update_rule, delete_rule FROM information_schema.referential_constraints WHERE constraint_schema = 'app' ORDER BY constraint_name;
SELECT table_schema, table_name, column_name, constraint_schema, constraint_name FROM information_schema.constraint_column_usage WHERE constraint_schema = 'app' ORDER BY constraint_name, column_name;
SELECT constraint_schema, constraint_name, check_clause FROM information_schema.check_constraints WHERE constraint_schema = 'app' ORDER BY constraint_name;
SELECT sequence_schema, sequence_name, data_type, numeric_precision, numeric_precision_radix, numeric_scale, start_value, minimum_value, maximum_value, increment, cycle_option FROM information_schema.sequences WHERE sequence_schema = 'app' ORDER BY sequence_name;
SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'pg_catalog' AND table_name IN ('pg_class', 'pg_index') ORDER BY table_name, ordinal_position;
SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_name IN ('pg_class', 'pg_tables', 'columns', 'sql_features') ORDER BY 1, 2;
SELECT c.relname, count(*) AS columns FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('pg_catalog', 'information_schema') AND a.attnum > 0 AND c.relname IN ('pg_class', 'pg_attribute', 'pg_type', 'pg_proc', 'pg_constraint', 'pg_index', 'pg_roles', 'tables', 'columns', 'routines')
 GROUP BY 1 ORDER BY 1;
SELECT specific_schema, routine_schema, routine_name, routine_type, data_type, type_udt_schema, type_udt_name, routine_body, routine_definition,
       external_language, is_deterministic, is_null_call, security_type
  FROM information_schema.routines WHERE routine_name IN ('lower', 'now', 'uuid_generate_v4') AND data_type NOT LIKE 'any%' ORDER BY routine_name, data_type;
SELECT r.routine_name, p.ordinal_position, p.parameter_mode, p.parameter_name, p.data_type, p.udt_name
  FROM information_schema.parameters p JOIN information_schema.routines r USING (specific_schema, specific_name)
 WHERE r.routine_name IN ('lower', 'left', 'date_trunc') AND p.udt_name NOT LIKE 'any%' ORDER BY r.routine_name, p.data_type, p.ordinal_position;
CREATE EXTENSION "uuid-ossp";
SELECT routine_schema, routine_name, data_type, external_language, is_deterministic FROM information_schema.routines WHERE routine_schema = 'public' AND routine_name LIKE 'uuid%' ORDER BY routine_name;
SELECT p.proname, n.nspname, l.lanname, p.provolatile, p.proisstrict, pg_get_function_arguments(p.oid), pg_get_function_result(p.oid)
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang WHERE n.nspname = 'public' AND p.proname LIKE 'uuid%' ORDER BY p.proname;
SELECT uuid_generate_v3(uuid_ns_dns(), 'www.example.com'), uuid_generate_v5(uuid_ns_url(), 'https://example.com/x'), length(uuid_generate_v1()::text), substr(uuid_generate_v1mc()::text, 15, 1);
SELECT rulename, ev_type, ev_enabled, is_instead, pg_get_ruledef(oid), pg_get_ruledef(oid, true) FROM pg_rewrite WHERE ev_class = 'app.published_posts'::regclass;
SELECT pg_get_viewdef('app.published_posts'), pg_get_viewdef('app.published_posts', true), pg_get_viewdef('app.published_posts'::regclass, 80);

-- Defaults and CHECK constraints of every kind, deparsed (constants, casts, operators, CASE)
CREATE TABLE app.defaults (
  c1 numeric DEFAULT 10000000000, c2 numeric DEFAULT 1e10, c3 numeric DEFAULT 12.50, c4 int DEFAULT -3, c5 numeric DEFAULT -3.5,
  c6 bigint DEFAULT 2147483648, c7 bigint DEFAULT -5, c8 float8 DEFAULT 1.5, c9 float8 DEFAULT -1, c10 numeric DEFAULT 'NaN',
  c11 real DEFAULT 2.5, c12 smallint DEFAULT 7, c13 text DEFAULT 'it''s', c14 text DEFAULT E'a\\b', c15 varchar(5) DEFAULT 'x',
  c16 char(2) DEFAULT 'ab', c17 jsonb DEFAULT '{"a": 1}', c18 json DEFAULT '[1,2]', c19 uuid DEFAULT '00000000-0000-0000-0000-000000000000',
  c20 date DEFAULT '2024-01-02', c21 timestamptz DEFAULT '2024-01-02 03:04:05+00', c22 interval DEFAULT '1 day', c23 boolean DEFAULT false,
  c24 int[] DEFAULT '{1,2}', c25 text[] DEFAULT ARRAY['a', 'b'], c26 app.mood DEFAULT 'happy', c27 app.mood[] DEFAULT '{sad}', c28 timestamp DEFAULT now(),
  c29 date DEFAULT CURRENT_DATE, c30 text DEFAULT current_user, c31 int DEFAULT (1 + 2) * 3, c32 bigint DEFAULT 0, c33 numeric(5,2) DEFAULT 1,
  c34 text DEFAULT lower('ABC'), c35 int DEFAULT NULL, c36 bytea DEFAULT '\x01', c37 float4 DEFAULT 1e20, c38 numeric DEFAULT 0.000001,
  c39 int DEFAULT length('x'), c40 timestamptz DEFAULT (now() + '1 day'::interval), c41 text DEFAULT ('a' || 'b'), c42 int DEFAULT abs(-4),
  c43 text DEFAULT CASE WHEN true THEN 'y' ELSE 'n' END, c44 int DEFAULT COALESCE(NULL, 5), c45 text DEFAULT gen_random_uuid()::text,
  CONSTRAINT k1 CHECK (c4 IN (1, 2, 3)), CONSTRAINT k2 CHECK (c13 NOT IN ('x', 'y')), CONSTRAINT k3 CHECK (c26 <> 'ok'),
  CONSTRAINT k4 CHECK (c1 > 0 OR c2 IS NULL), CONSTRAINT k5 CHECK (c15 LIKE 'x%'), CONSTRAINT k6 CHECK (c24[1] > 0),
  CONSTRAINT k7 CHECK (c20 > '2000-01-01'), CONSTRAINT k8 CHECK (c21 < now()), CONSTRAINT k9 CHECK (c16 = 'ab'), CONSTRAINT k10 CHECK (char_length(c13) BETWEEN 1 AND 10),
  CONSTRAINT k11 CHECK (c17 ? 'a'), CONSTRAINT k12 CHECK (c8 >= 0.5), CONSTRAINT k13 CHECK (c6 > 0), CONSTRAINT k14 CHECK (NOT c23)
);
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) AS plain, pg_get_expr(d.adbin, d.adrelid, true) AS pretty FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'app.defaults'::regclass ORDER BY a.attnum;
SELECT conname, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = 'app.defaults'::regclass AND contype = 'c' ORDER BY conname;
SELECT column_name, column_default FROM information_schema.columns WHERE table_schema = 'app' AND table_name = 'defaults' ORDER BY ordinal_position;
SELECT pg_get_serial_sequence('"app"."accounts"', 'id'), pg_get_serial_sequence('pg_class', 'oid');
SELECT pg_get_serial_sequence('app.nope', 'id');
SELECT pg_get_serial_sequence('nope.nope', 'id');

-- reg* values in result columns print as names (and inside arrays).
SELECT 'pg_catalog'::regnamespace, 'postgres'::regrole, 'now'::regproc, array['int4'::regtype, 'text'::regtype], 'sum(int4)'::regprocedure, array['pg_class'::regclass];

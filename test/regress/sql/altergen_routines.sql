-- ALTER FUNCTION / AGGREGATE ... RENAME TO, SET SCHEMA, OWNER TO and ALTER OPERATOR ... OWNER TO
-- as a migration run by several roles would: ownership, SET ROLE to the new owner, CREATE on
-- the target schema, name conflicts, aggregates versus plain functions.
CREATE ROLE ag_owner;
CREATE ROLE ag_other;
CREATE ROLE ag_member IN ROLE ag_owner;
CREATE SCHEMA ag_a;
CREATE SCHEMA ag_b;
CREATE SCHEMA ag_locked;
GRANT ALL ON SCHEMA ag_a, ag_b TO PUBLIC;
SET search_path = ag_a, public;
SET ROLE ag_member;
CREATE FUNCTION add_one(int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 1';
CREATE FUNCTION sub_one(int) RETURNS int LANGUAGE sql AS 'SELECT $1 - 1';
CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int4, INITCOND = '0');
CREATE AGGREGATE total_old (sfunc1 = int4pl, basetype = int4, stype1 = int4, initcond1 = '100');
SELECT total(x), total_old(x) FROM generate_series(1, 4) x;
CREATE OPERATOR @+@ (LEFTARG = int4, RIGHTARG = int4, PROCEDURE = int4pl);
-- aggregates versus functions
ALTER AGGREGATE add_one(int) RENAME TO add_two;
ALTER AGGREGATE add_one(int) OWNER TO ag_owner;
ALTER AGGREGATE add_one(int) SET SCHEMA ag_b;
ALTER AGGREGATE no_such(int) RENAME TO x;
-- renames
ALTER FUNCTION add_one(int) RENAME TO sub_one;
ALTER FUNCTION add_one(int) RENAME TO plus_one;
ALTER AGGREGATE total(int) RENAME TO total_old;
ALTER AGGREGATE total(int) RENAME TO sum_all;
SELECT plus_one(1), sum_all(x) FROM generate_series(1, 3) x;
-- owners: only to roles the current role can SET ROLE to
ALTER FUNCTION sub_one(int) OWNER TO ag_other;
ALTER FUNCTION sub_one(int) OWNER TO ag_owner;
ALTER AGGREGATE sum_all(int) OWNER TO ag_other;
ALTER AGGREGATE sum_all(int) OWNER TO ag_owner;
ALTER OPERATOR @+@ (int4, int4) OWNER TO ag_other;
ALTER OPERATOR @+@ (int4, int4) OWNER TO ag_owner;
-- schemas
ALTER FUNCTION sub_one(int) SET SCHEMA ag_a;
ALTER FUNCTION sub_one(int) SET SCHEMA ag_b;
ALTER FUNCTION plus_one(int) SET SCHEMA ag_locked;
ALTER AGGREGATE sum_all(int) SET SCHEMA ag_b;
ALTER OPERATOR @+@ (int4, int4) SET SCHEMA ag_b;
SELECT ag_b.sub_one(5), 1 OPERATOR(ag_b.@+@) 2;
RESET ROLE;
SELECT n.nspname, p.proname, p.prokind, pg_get_userbyid(p.proowner) AS owner
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname IN ('ag_a', 'ag_b') ORDER BY 1, 2;
SELECT n.nspname, o.oprname, pg_get_userbyid(o.oprowner) AS owner
  FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
  WHERE n.nspname IN ('ag_a', 'ag_b') ORDER BY 1, 2;
-- not the owner
SET ROLE ag_other;
ALTER FUNCTION ag_a.plus_one(int) RENAME TO plus_uno;
ALTER FUNCTION ag_a.plus_one(int) OWNER TO ag_other;
ALTER FUNCTION ag_a.plus_one(int) SET SCHEMA ag_b;
ALTER AGGREGATE ag_a.total_old(int) RENAME TO t2;
ALTER OPERATOR ag_b.@+@ (int4, int4) OWNER TO ag_other;
ALTER OPERATOR ag_b.@+@ (int4, int4) SET SCHEMA ag_a;
DROP OPERATOR ag_b.@+@ (int4, int4);
RESET ROLE;
DROP SCHEMA ag_b CASCADE;
DROP SCHEMA ag_a CASCADE;
DROP SCHEMA ag_locked;
DROP ROLE ag_member;
DROP ROLE ag_other;
DROP ROLE ag_owner;

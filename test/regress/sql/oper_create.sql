-- User-defined operators: CREATE OPERATOR over SQL functions and built-in operator functions,
-- used in expressions (infix, prefix, OPERATOR(schema.op), search_path), COMMUTATOR / NEGATOR
-- (with shell operators), pg_operator and psql's \do query, COMMENT, ALTER, DROP, errors.
CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL, balance numeric NOT NULL);
INSERT INTO accounts VALUES (1, 'Ann@Example.com', 10.5), (2, 'bob@example.com', -3), (3, 'CAROL@example.COM', 0);
CREATE FUNCTION ci_eq(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS 'SELECT lower($1) = lower($2)';
CREATE FUNCTION ci_ne(text, text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS 'SELECT lower($1) <> lower($2)';
CREATE OPERATOR =~= (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_eq, COMMUTATOR = =~=, NEGATOR = <~>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
SELECT id FROM accounts WHERE email =~= 'ann@example.com';
SELECT 'A' =~= 'a' AS same, 'A' =~= NULL AS unknown;
-- the negator was made as a shell: not usable until defined
SELECT 'a' <~> 'b';
SELECT oprname, oprkind, oprleft::regtype, oprright::regtype, oprresult::regtype, oprcode, oprcanhash, oprcanmerge
  FROM pg_operator WHERE oprname IN ('=~=', '<~>') ORDER BY oprname;
CREATE OPERATOR <~> (LEFTARG = text, RIGHTARG = text, PROCEDURE = ci_ne, NEGATOR = =~=);
SELECT id FROM accounts WHERE email <~> 'BOB@example.com' ORDER BY id;
SELECT o.oprname, c.oprname AS commutator, n.oprname AS negator, o.oprrest, o.oprjoin
  FROM pg_operator o LEFT JOIN pg_operator c ON c.oid = o.oprcom LEFT JOIN pg_operator n ON n.oid = o.oprnegate
  WHERE o.oprname IN ('=~=', '<~>') ORDER BY 1;
-- a prefix operator over a built-in operator's function, and one over an SQL function
CREATE OPERATOR !- (RIGHTARG = numeric, PROCEDURE = numeric_uminus);
CREATE FUNCTION cents(numeric) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT ($1 * 100)::bigint';
CREATE OPERATOR ## (RIGHTARG = numeric, FUNCTION = cents);
SELECT id, !- balance AS neg, ## balance AS c FROM accounts ORDER BY id;
SELECT ## 1.255, ## NULL::numeric;
SELECT int4pl(2, 3), int8eq(4, 4), textcat('ab', 'cd');
-- operators in another schema: search_path and OPERATOR(schema.op)
CREATE SCHEMA money_ops;
CREATE FUNCTION money_ops.add_pct(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT $1 * (1 + $2 / 100)';
CREATE OPERATOR money_ops.+% (LEFTARG = numeric, RIGHTARG = numeric, PROCEDURE = money_ops.add_pct);
SELECT 100 +% 10;
SELECT 100 OPERATOR(money_ops.+%) 10;
SET search_path = public, money_ops;
SELECT balance +% 10 AS grown FROM accounts ORDER BY id;
RESET search_path;
SELECT 1 OPERATOR(money_ops.+) 2;
SELECT 1 OPERATOR(pg_catalog.+) 2;
-- psql's \do query
SELECT n.nspname AS "Schema", o.oprname AS "Name",
  CASE WHEN o.oprkind = 'l' THEN NULL ELSE pg_catalog.format_type(o.oprleft, NULL) END AS "Left arg type",
  CASE WHEN o.oprkind = 'r' THEN NULL ELSE pg_catalog.format_type(o.oprright, NULL) END AS "Right arg type",
  pg_catalog.format_type(o.oprresult, NULL) AS "Result type",
  coalesce(pg_catalog.obj_description(o.oid, 'pg_operator'), pg_catalog.obj_description(o.oprcode, 'pg_proc')) AS "Description"
FROM pg_catalog.pg_operator o
  LEFT JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
WHERE n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema'
ORDER BY 1, 2, 3, 4;
COMMENT ON OPERATOR =~= (text, text) IS 'case-insensitive equality';
SELECT obj_description(oid, 'pg_operator') FROM pg_operator WHERE oprname = '=~=';
-- built-in operators in pg_operator
SELECT oprname, oprleft::regtype, oprright::regtype, oprresult::regtype, oprcode, oprcom::regoperator IS NOT NULL AS has_com
  FROM pg_operator WHERE oprname = '+' AND oprleft = 'int4'::regtype ORDER BY oprright;
-- errors
CREATE OPERATOR =~= (LEFTARG = text, RIGHTARG = text, FUNCTION = ci_eq);
CREATE OPERATOR #%# (LEFTARG = int8, PROCEDURE = cents);
CREATE OPERATOR #%# (PROCEDURE = cents);
CREATE OPERATOR #%# (RIGHTARG = int8);
CREATE OPERATOR #%# (RIGHTARG = int8, PROCEDURE = no_such_function);
CREATE OPERATOR #%# (RIGHTARG = SETOF int8, PROCEDURE = cents);
CREATE OPERATOR #%# (RIGHTARG = numeric, PROCEDURE = cents, NEGATOR = !#);
CREATE OPERATOR #%# (RIGHTARG = numeric, PROCEDURE = cents, COMMUTATOR = #%#);
CREATE OPERATOR #%# (LEFTARG = numeric, RIGHTARG = numeric, PROCEDURE = numeric_add, HASHES);
CREATE OPERATOR === (LEFTARG = int4, RIGHTARG = int4, PROCEDURE = int4eq, NEGATOR = ===);
CREATE OPERATOR === (LEFTARG = int4, RIGHTARG = int4, PROCEDURE = int4eq, COMMUTATOR = =);
CREATE OPERATOR === (LEFTARG = int4, RIGHTARG = int4, PROCEDURE = int4eq, NEGATOR = <>);
CREATE OPERATOR === (LEFTARG = int4, RIGHTARG = int4, PROCEDURE = int4eq, RESTRICT = no_such_sel);
CREATE OPERATOR #%# (RIGHTARG = numeric, PROCEDURE = cents, bogus = 1);
SELECT ## 'x'::text;
SELECT 'a' =~= 1;
DROP FUNCTION ci_eq(text, text);
-- ALTER OPERATOR
ALTER OPERATOR =~= (text, text) SET (RESTRICT = NONE, JOIN = NONE);
SELECT oprrest, oprjoin FROM pg_operator WHERE oprname = '=~=';
ALTER OPERATOR ## (NONE, numeric) SET SCHEMA money_ops;
SELECT ## 2;
SELECT OPERATOR(money_ops.##) 2;
ALTER OPERATOR money_ops.## (NONE, numeric) SET SCHEMA public;
ALTER OPERATOR ## (NONE, numeric) SET SCHEMA no_such_schema;
ALTER OPERATOR ## (numeric, numeric) OWNER TO CURRENT_USER;
-- DROP OPERATOR
DROP OPERATOR ## (NONE, numeric);
DROP OPERATOR ## (NONE, numeric);
DROP OPERATOR IF EXISTS ## (NONE, numeric);
DROP OPERATOR IF EXISTS no_schema.## (NONE, numeric);
DROP OPERATOR ###### (int4, NONE);
DROP OPERATOR ###### (int4, int8);
DROP OPERATOR <~> (text, text);
SELECT oprname, oprnegate FROM pg_operator WHERE oprname IN ('=~=', '<~>');
DROP FUNCTION cents(numeric);
DROP FUNCTION ci_eq(text, text) CASCADE;
SELECT count(*) FROM pg_operator WHERE oprname = '=~=';
-- DDL is transactional
BEGIN;
CREATE OPERATOR %%% (LEFTARG = int4, RIGHTARG = int4, PROCEDURE = int4pl);
SELECT 1 %%% 2;
ROLLBACK;
SELECT 1 %%% 2;

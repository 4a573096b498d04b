-- CREATE SCHEMA AUTHORIZATION role (no name): the schema takes the role's name, its elements go there
CREATE ROLE ddlx_schema_role;
CREATE SCHEMA AUTHORIZATION ddlx_schema_role
  CREATE TABLE tab (id int)
  CREATE VIEW v AS SELECT * FROM tab;
SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner) AS owner
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'ddlx_schema_role' ORDER BY c.relname;
CREATE SCHEMA AUTHORIZATION ddlx_schema_role CREATE TABLE other.t (a int);
CREATE SCHEMA IF NOT EXISTS AUTHORIZATION ddlx_schema_role;
DROP SCHEMA ddlx_schema_role CASCADE;
DROP ROLE ddlx_schema_role;

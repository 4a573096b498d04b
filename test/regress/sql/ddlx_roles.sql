-- CREATE ROLE by a CREATEROLE (non-superuser) role: attributes it may give, IN ROLE checks,
-- createrole_self_grant, SYSID noise word, duplicate names in DROP ROLE
CREATE ROLE ddlx_r_super SUPERUSER;
CREATE ROLE ddlx_r_admin CREATEROLE REPLICATION BYPASSRLS;
CREATE ROLE ddlx_r_limited CREATEROLE;
CREATE ROLE ddlx_r_plain;
SET SESSION AUTHORIZATION ddlx_r_limited;
CREATE ROLE ddlx_r_x1 REPLICATION;
CREATE ROLE ddlx_r_x2 BYPASSRLS;
CREATE ROLE ddlx_r_x3 CREATEDB;
CREATE ROLE ddlx_r_x4 SUPERUSER;
-- IN ROLE needs ADMIN on the role joined (or SUPERUSER for a superuser role)
CREATE ROLE ddlx_r_x5 IN ROLE ddlx_r_super;
CREATE ROLE ddlx_r_x6 IN ROLE ddlx_r_plain;
CREATE ROLE ddlx_r_x7 IN ROLE pg_read_all_data;
CREATE ROLE ddlx_r_x8 IN ROLE pg_database_owner;
SELECT count(*) FROM pg_roles WHERE rolname LIKE 'ddlx_r_x%';
SET SESSION AUTHORIZATION ddlx_r_admin;
CREATE ROLE ddlx_r_repl REPLICATION BYPASSRLS;
ALTER ROLE ddlx_r_repl NOREPLICATION;
CREATE ROLE ddlx_r_sysid SYSID 12345;
-- createrole_self_grant
SET createrole_self_grant = 'bogus';
SET createrole_self_grant = 'set, inherit';
CREATE ROLE ddlx_r_tenant;
SELECT r.rolname AS role, m.rolname AS member, g.rolname AS grantor, a.admin_option, a.inherit_option, a.set_option
  FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.grantor
  WHERE r.rolname = 'ddlx_r_tenant' ORDER BY grantor;
RESET createrole_self_grant;
RESET SESSION AUTHORIZATION;
SELECT rolname, rolreplication, rolbypassrls FROM pg_roles WHERE rolname IN ('ddlx_r_repl', 'ddlx_r_sysid') ORDER BY 1;
DROP ROLE ddlx_r_tenant, ddlx_r_tenant;
DROP ROLE ddlx_r_repl, ddlx_r_sysid, ddlx_r_super, ddlx_r_admin, ddlx_r_limited, ddlx_r_plain;

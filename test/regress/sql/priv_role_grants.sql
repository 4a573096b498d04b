-- Role membership grants: who may grant, the grantor recorded (GRANTED BY, or the role holding
-- ADMIN OPTION), circular ADMIN OPTION, REVOKE with dependent grants, ALTER GROUP, and how
-- DROP ROLE / DROP OWNED treat memberships a role granted; plus superuser-only settings.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE prg_team;
CREATE ROLE prg_lead LOGIN;
CREATE ROLE prg_dev LOGIN;
CREATE ROLE prg_intern LOGIN;
CREATE ROLE prg_admin LOGIN CREATEROLE;
GRANT prg_team TO prg_lead WITH ADMIN OPTION;
GRANT prg_team TO prg_dev WITH ADMIN OPTION GRANTED BY prg_lead;
GRANT prg_team TO prg_lead WITH ADMIN OPTION GRANTED BY prg_dev;
GRANT prg_team TO prg_intern GRANTED BY prg_dev;
SELECT roleid::regrole, member::regrole, grantor::regrole, admin_option, inherit_option, set_option FROM pg_auth_members WHERE roleid = 'prg_team'::regrole ORDER BY member::regrole::text, grantor::regrole::text;
GRANT prg_team TO prg_intern GRANTED BY prg_dev;
GRANT prg_team TO prg_intern GRANTED BY prg_intern;
GRANT prg_team TO prg_admin GRANTED BY nosuchrole;
-- dependent grants
REVOKE ADMIN OPTION FOR prg_team FROM prg_lead;
REVOKE prg_team FROM prg_lead;
REVOKE prg_team FROM prg_dev;
BEGIN;
REVOKE ADMIN OPTION FOR prg_team FROM prg_lead CASCADE;
SELECT member::regrole, grantor::regrole, admin_option FROM pg_auth_members WHERE roleid = 'prg_team'::regrole ORDER BY member::regrole::text;
ROLLBACK;
REVOKE prg_team FROM prg_intern;
REVOKE prg_team FROM prg_intern GRANTED BY prg_dev;
REVOKE INHERIT OPTION FOR prg_team FROM prg_dev GRANTED BY prg_lead;
REVOKE SET OPTION FOR prg_team FROM prg_dev GRANTED BY prg_lead;
SELECT member::regrole, grantor::regrole, admin_option, inherit_option, set_option FROM pg_auth_members WHERE roleid = 'prg_team'::regrole ORDER BY member::regrole::text;
DROP ROLE prg_lead;
REVOKE prg_team FROM prg_lead CASCADE;
SELECT member::regrole, grantor::regrole FROM pg_auth_members WHERE roleid = 'prg_team'::regrole ORDER BY member::regrole::text;
-- the implicit grantor is the role that holds ADMIN OPTION
GRANT prg_team TO prg_lead WITH ADMIN OPTION;
GRANT prg_lead TO prg_dev;
SET ROLE prg_dev;
GRANT prg_team TO prg_intern;
SELECT member::regrole, grantor::regrole FROM pg_auth_members WHERE roleid = 'prg_team'::regrole ORDER BY member::regrole::text;
GRANT prg_team TO prg_admin WITH ADMIN OPTION;
REVOKE prg_team FROM prg_intern;
SELECT member::regrole, grantor::regrole FROM pg_auth_members WHERE roleid = 'prg_team'::regrole ORDER BY member::regrole::text;
GRANT prg_dev TO prg_intern;
GRANT prg_team TO prg_admin GRANTED BY postgres;
RESET ROLE;
-- ALTER GROUP
SET ROLE prg_lead;
ALTER GROUP prg_team ADD USER prg_intern;
ALTER GROUP prg_team ADD USER prg_intern;
SELECT member::regrole, grantor::regrole FROM pg_auth_members WHERE roleid = 'prg_team'::regrole ORDER BY member::regrole::text;
ALTER GROUP prg_team DROP USER prg_intern;
ALTER GROUP prg_team DROP USER prg_intern;
ALTER GROUP prg_dev ADD USER prg_intern;
ALTER ROLE prg_intern PASSWORD 'secret';
ALTER ROLE prg_intern CREATEDB;
ALTER ROLE prg_lead PASSWORD 'mine';
RESET ROLE;
SET ROLE prg_admin;
ALTER ROLE prg_intern CREATEDB;
ALTER ROLE prg_intern SUPERUSER;
RESET ROLE;
-- DROP ROLE and DROP OWNED with memberships a role granted
GRANT prg_team TO prg_intern GRANTED BY prg_lead;
DROP ROLE prg_lead;
DROP OWNED BY prg_lead;
SELECT member::regrole, grantor::regrole FROM pg_auth_members WHERE roleid = 'prg_team'::regrole ORDER BY member::regrole::text;
-- predefined roles
GRANT pg_database_owner TO prg_dev;
GRANT prg_dev TO pg_database_owner;
-- settings only a superuser may change
SET SESSION AUTHORIZATION prg_dev;
SET lo_compat_privileges = on;
SELECT set_config('lo_compat_privileges', 'on', false);
SET work_mem = '8MB';
SHOW work_mem;
RESET SESSION AUTHORIZATION;
SET debug_parallel_query = 0;
SHOW debug_parallel_query;
SET debug_parallel_query = true;
SHOW debug_parallel_query;
RESET debug_parallel_query;
DROP ROLE prg_team, prg_lead, prg_dev, prg_intern, prg_admin;

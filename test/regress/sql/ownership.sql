-- Roles and tablespaces a schema names: the session's own user and pg_default work, names that
-- do not exist fail as in Postgres (fauxgres models no other roles or tablespaces).
CREATE SCHEMA billing AUTHORIZATION postgres;
SELECT nspname, pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'billing';
CREATE SCHEMA AUTHORIZATION postgres;
SELECT nspname FROM pg_namespace WHERE nspname = 'postgres';
CREATE SCHEMA reports AUTHORIZATION report_owner;
CREATE SCHEMA IF NOT EXISTS billing AUTHORIZATION report_owner;
CREATE SCHEMA IF NOT EXISTS billing AUTHORIZATION CURRENT_USER;
CREATE TABLE billing.invoices (id bigint PRIMARY KEY USING INDEX TABLESPACE pg_default, total numeric(12,2)) TABLESPACE pg_default;
CREATE INDEX invoices_total_idx ON billing.invoices (total) TABLESPACE pg_default;
CREATE TABLE billing.archive (id bigint) TABLESPACE fast_ssd;
CREATE TABLE billing.archive (id bigint) TABLESPACE pg_global;
CREATE TABLE billing.archive (id bigint PRIMARY KEY USING INDEX TABLESPACE fast_ssd);
CREATE TABLE billing.archive (id bigint, CONSTRAINT archive_pk PRIMARY KEY (id) USING INDEX TABLESPACE fast_ssd);
CREATE INDEX invoices_id_idx ON billing.invoices (id) TABLESPACE fast_ssd;
SELECT to_regclass('billing.archive') IS NULL AS not_created, to_regclass('billing.invoices_id_idx') IS NULL AS no_index;
CREATE FUNCTION billing.total_due() RETURNS numeric LANGUAGE sql AS 'SELECT coalesce(sum(total), 0) FROM billing.invoices';
ALTER FUNCTION billing.total_due() OWNER TO postgres;
ALTER FUNCTION billing.total_due() OWNER TO CURRENT_USER;
ALTER FUNCTION billing.total_due() OWNER TO finance_team;
SELECT proname, pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'total_due';
SET ROLE finance_team;
SET SESSION AUTHORIZATION finance_team;
SELECT current_user, session_user;

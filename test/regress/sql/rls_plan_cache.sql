-- Row-level security and cached plans: the policies that apply depend on the role, so a plan
-- (prepared statement, SQL function body, PL/pgSQL query) made for one role is not reused for another.
-- Roles are cluster-wide in Postgres: every role this file makes is dropped at its end.
CREATE ROLE rlspc_a;
CREATE ROLE rlspc_b;
CREATE TABLE rlspc_t (c text);
INSERT INTO rlspc_t VALUES ('invisible to b');
ALTER TABLE rlspc_t ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON rlspc_t TO rlspc_a, rlspc_b;
CREATE POLICY p1 ON rlspc_t FOR SELECT TO rlspc_a USING (true);
CREATE POLICY p2 ON rlspc_t FOR SELECT TO rlspc_b USING (false);
CREATE FUNCTION rlspc_f() RETURNS SETOF rlspc_t STABLE LANGUAGE sql AS $$ SELECT * FROM rlspc_t $$;
CREATE FUNCTION rlspc_n() RETURNS bigint STABLE LANGUAGE sql AS $$ SELECT count(*) FROM rlspc_t $$;
CREATE FUNCTION rlspc_g() RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  SELECT string_agg(c, ',') INTO r FROM rlspc_t;
  RETURN coalesce(r, 'none');
END $$;
PREPARE q AS SELECT current_user, * FROM rlspc_f();
PREPARE r AS SELECT current_user, * FROM rlspc_t;
SET ROLE rlspc_a;
EXECUTE q;
EXECUTE r;
SELECT * FROM rlspc_f();
SELECT rlspc_n(), rlspc_g();
SET ROLE rlspc_b;
EXECUTE q;
EXECUTE r;
SELECT * FROM rlspc_f();
SELECT rlspc_n(), rlspc_g();
SET ROLE rlspc_a;
EXECUTE q;
SELECT rlspc_n(), rlspc_g();
RESET ROLE;
-- row_security = off makes the same query an error for a role under RLS
SET ROLE rlspc_b;
SET row_security = off;
SELECT rlspc_n();
SELECT rlspc_g();
RESET row_security;
SELECT rlspc_n();
RESET ROLE;
DEALLOCATE q;
DEALLOCATE r;
DROP FUNCTION rlspc_f(), rlspc_n(), rlspc_g();
DROP TABLE rlspc_t;
DROP ROLE rlspc_a, rlspc_b;

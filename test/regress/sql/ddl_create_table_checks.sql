-- CREATE TABLE's checks on defaults and partition keys, as a schema author meets them.
CREATE FUNCTION ddl_ids() RETURNS SETOF int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 UNION SELECT 2 $$;
CREATE FUNCTION ddl_one() RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
CREATE TABLE t_default_col (id int DEFAULT (other.id));
CREATE TABLE t_default_col (id int, b int DEFAULT (id + 1));
CREATE TABLE t_default_srf (id int DEFAULT (generate_series(1, 3)));
CREATE TABLE t_default_srf (id int DEFAULT ddl_ids());
CREATE TABLE t_default_agg (id int DEFAULT (max(1)));
CREATE TABLE t_check_srf (id int CHECK (id <> ddl_ids()));
CREATE TABLE t_gen_srf (id int, g int GENERATED ALWAYS AS (ddl_ids()) STORED);
CREATE TABLE t_index_srf (id int);
CREATE INDEX ON t_index_srf ((ddl_ids()));
CREATE INDEX ON t_index_srf (id) WHERE id = ddl_ids();

-- partition keys
CREATE TABLE p_srf (a int) PARTITION BY RANGE (ddl_ids());
CREATE TABLE p_agg (a int) PARTITION BY RANGE ((avg(a)));
CREATE TABLE p_win (a int, b int) PARTITION BY RANGE ((avg(a) OVER (PARTITION BY b)));
CREATE TABLE p_const (a int) PARTITION BY RANGE ((42));
CREATE TABLE p_const (a int) PARTITION BY RANGE (ddl_one());
CREATE TABLE p_sys (a int) PARTITION BY RANGE (xmin);
CREATE TABLE p_missing (a int) PARTITION BY RANGE (b);
CREATE TABLE p_record (a int, b int) PARTITION BY RANGE (((a, b)));
CREATE TABLE p_magic (a int) PARTITION BY MAGIC (a);
CREATE TABLE p_volatile (a int) PARTITION BY RANGE ((a + random()::int));
CREATE UNLOGGED TABLE p_unlogged (a int) PARTITION BY RANGE (a);
CREATE TABLE p_parent (a int);
CREATE TABLE p_child (a int) INHERITS (p_parent) PARTITION BY LIST (a);
CREATE TABLE p_ok (a int, b text) PARTITION BY RANGE ((a * 2), lower(b));
SELECT count(*) FROM pg_class WHERE relname LIKE 'p\_%' OR relname LIKE 't\_%';

-- A view reading a function that returns a table's row type keeps the columns it was created
-- with (`*` is expanded once), and depends on the table columns it reads.
CREATE TABLE vfr_usr (a int, b text, c int);
INSERT INTO vfr_usr VALUES (1, 'x', 10), (2, 'y', 20);
CREATE FUNCTION vfr_get() RETURNS SETOF vfr_usr LANGUAGE sql AS $$ SELECT * FROM vfr_usr ORDER BY a $$;
CREATE VIEW vfr_all AS SELECT * FROM vfr_get();
CREATE VIEW vfr_bc AS SELECT b, c FROM vfr_get() AS g;
CREATE VIEW vfr_whole AS SELECT g FROM vfr_get() AS g;
SELECT * FROM vfr_all;
ALTER TABLE vfr_usr ADD COLUMN d text DEFAULT 'dd';
SELECT * FROM vfr_all;
SELECT * FROM vfr_bc;
SELECT * FROM vfr_whole;
SELECT * FROM vfr_get();
ALTER TABLE vfr_usr DROP COLUMN a;
ALTER TABLE vfr_usr DROP COLUMN d;
DROP VIEW vfr_whole;
ALTER TABLE vfr_usr DROP COLUMN d;
SELECT * FROM vfr_all;
BEGIN;
ALTER TABLE vfr_usr DROP COLUMN a CASCADE;
SELECT * FROM vfr_bc;
SELECT relname FROM pg_class WHERE relname LIKE 'vfr_%' ORDER BY 1;
ROLLBACK;
SELECT pg_get_viewdef('vfr_all');
SELECT * FROM vfr_all;

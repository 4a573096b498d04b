-- CONCURRENTLY index commands run outside transaction blocks; REINDEX notices; expression keys.
CREATE TABLE idx_conc (id int, f1 text, f2 text);
INSERT INTO idx_conc VALUES (1, 'a', 'b'), (2, 'c', 'd');
CREATE INDEX CONCURRENTLY idx_conc_id ON idx_conc (id);
BEGIN;
CREATE INDEX CONCURRENTLY idx_conc_f1 ON idx_conc (f1);
COMMIT;
BEGIN;
DROP INDEX CONCURRENTLY idx_conc_id;
ROLLBACK;
DROP INDEX CONCURRENTLY idx_conc_id, idx_conc_f1;
DROP INDEX CONCURRENTLY idx_conc_id CASCADE;
DROP INDEX CONCURRENTLY IF EXISTS idx_conc_id;
DROP INDEX CONCURRENTLY IF EXISTS idx_conc_id;
BEGIN;
REINDEX TABLE CONCURRENTLY idx_conc;
ROLLBACK;
REINDEX (CONCURRENTLY) SYSTEM;
REINDEX TABLE CONCURRENTLY pg_class;

CREATE TABLE idx_noindex (a int, b bigint);
REINDEX TABLE idx_noindex;
REINDEX TABLE CONCURRENTLY idx_noindex;
REINDEX TABLE idx_conc;
DROP TABLE idx_noindex;

-- Unique expression keys: the DETAIL names the key as CREATE INDEX shows it.
CREATE UNIQUE INDEX idx_conc_cat ON idx_conc ((f1 || f2));
INSERT INTO idx_conc VALUES (3, 'ab', '');
DROP INDEX idx_conc_cat;
CREATE UNIQUE INDEX idx_conc_textcat ON idx_conc (textcat(f1, f2));
INSERT INTO idx_conc VALUES (4, 'cd', '');
SELECT textcat('foo', 'bar'), textcat(NULL, 'bar');
CREATE UNIQUE INDEX idx_conc_lower ON idx_conc (lower(f1), id);
INSERT INTO idx_conc VALUES (1, 'A', 'z');
CREATE INDEX ON idx_conc ((f1 || f2), (row(f1, f2)));
CREATE INDEX ON idx_conc ((NULL::record));
SELECT indexname FROM pg_indexes WHERE tablename = 'idx_conc' ORDER BY 1;
DROP TABLE idx_conc;

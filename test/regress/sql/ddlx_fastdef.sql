-- Columns added with a default (stored once as attmissingval) and later ALTER TYPE / rewrites
CREATE TABLE ddlx_fd (a int);
INSERT INTO ddlx_fd VALUES (1), (2);
ALTER TABLE ddlx_fd ADD COLUMN b float8 DEFAULT 0.2;
ALTER TABLE ddlx_fd ADD COLUMN c boolean DEFAULT true;
ALTER TABLE ddlx_fd ADD COLUMN d int DEFAULT 5;
SELECT attname, atthasmissing FROM pg_attribute WHERE attrelid = 'ddlx_fd'::regclass AND attnum > 0 ORDER BY attnum;
-- one column's type changes: it and the other added columns keep their values
ALTER TABLE ddlx_fd ALTER d TYPE bigint;
SELECT * FROM ddlx_fd ORDER BY a;
-- two rewrites in one statement
ALTER TABLE ddlx_fd ALTER b TYPE text USING b::text, ALTER c TYPE text USING c::text;
SELECT * FROM ddlx_fd ORDER BY a;
SELECT attname, atthasmissing FROM pg_attribute WHERE attrelid = 'ddlx_fd'::regclass AND attnum > 0 ORDER BY attnum;
-- a changed default does not touch the rows that had the old one
CREATE TABLE ddlx_fd2 (a int);
INSERT INTO ddlx_fd2 VALUES (1);
ALTER TABLE ddlx_fd2 ADD COLUMN b varchar(10) DEFAULT 'xxx';
ALTER TABLE ddlx_fd2 ALTER COLUMN b SET DEFAULT 'yyy';
INSERT INTO ddlx_fd2 VALUES (2);
ALTER TABLE ddlx_fd2 ALTER COLUMN b TYPE varchar(20) USING b::varchar(20);
SELECT * FROM ddlx_fd2 ORDER BY a;
-- volatile defaults are evaluated per row; a later added column still fills old rows
ALTER TABLE ddlx_fd2 ADD COLUMN r int DEFAULT (random() * 0)::int;
ALTER TABLE ddlx_fd2 ADD COLUMN e text DEFAULT 'later';
UPDATE ddlx_fd2 SET b = upper(b) WHERE a = 1;
SELECT * FROM ddlx_fd2 ORDER BY a;
DROP TABLE ddlx_fd, ddlx_fd2;

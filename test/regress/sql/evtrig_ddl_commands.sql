-- pg_event_trigger_ddl_commands() in a ddl_command_end trigger: what each command created or
-- altered, as an API layer's schema-cache watcher (PostgREST's pgrst_ddl_watch) reads it.
CREATE FUNCTION ddl_watch() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
    RAISE NOTICE '% | % | % | % | % | %', tg_tag, cmd.command_tag, cmd.classid::regclass, cmd.object_type, cmd.schema_name, cmd.object_identity;
  END LOOP;
END $$;
CREATE EVENT TRIGGER ddl_watch ON ddl_command_end EXECUTE FUNCTION ddl_watch();

CREATE TABLE authors (id serial PRIMARY KEY, name text NOT NULL UNIQUE, born date CHECK (born > '1000-01-01'));
CREATE TABLE books (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author_id int REFERENCES authors,
  title text DEFAULT 'untitled'
);
CREATE INDEX books_title ON books (title);
CREATE UNIQUE INDEX books_author_title ON books (author_id, title);
ALTER TABLE books ADD COLUMN pages int;
ALTER TABLE books ADD COLUMN code serial;
ALTER TABLE books RENAME COLUMN pages TO page_count;
ALTER TABLE books ADD CONSTRAINT pages_positive CHECK (page_count > 0);
ALTER TABLE books ALTER COLUMN title SET NOT NULL;
ALTER TABLE authors RENAME TO writers;
CREATE VIEW book_titles AS SELECT b.title, w.name FROM books b JOIN writers w ON w.id = b.author_id;
CREATE OR REPLACE VIEW book_titles AS SELECT b.title, w.name, b.id FROM books b JOIN writers w ON w.id = b.author_id;
CREATE MATERIALIZED VIEW writer_counts AS SELECT author_id, count(*) FROM books GROUP BY author_id;
CREATE FUNCTION book_count(a int) RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM books WHERE author_id = a $$;
CREATE OR REPLACE FUNCTION book_count(a int) RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) + 0 FROM books WHERE author_id = a $$;
CREATE PROCEDURE touch_books() LANGUAGE sql AS $$ UPDATE books SET title = title $$;
ALTER FUNCTION book_count(int) IMMUTABLE;
CREATE TYPE mood AS ENUM ('happy', 'sad');
ALTER TYPE mood ADD VALUE 'meh';
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
CREATE TYPE pair AS (x int, y int);
CREATE SEQUENCE invoice_no START 100;
ALTER SEQUENCE invoice_no INCREMENT 2;
CREATE SCHEMA api;
CREATE TABLE api.items (id int PRIMARY KEY);
CREATE SCHEMA shop
  CREATE TABLE orders (id serial PRIMARY KEY, total numeric)
  CREATE INDEX orders_total ON orders (total)
  CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;
COMMENT ON TABLE books IS 'all the books';
COMMENT ON COLUMN books.title IS 'the title';
CREATE FUNCTION books_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER books_stamp BEFORE UPDATE ON books FOR EACH ROW EXECUTE FUNCTION books_stamp();
ALTER TABLE books ENABLE ROW LEVEL SECURITY;
CREATE POLICY books_read ON books FOR SELECT USING (true);
ALTER POLICY books_read ON books USING (page_count > 0);
CREATE TEMP TABLE scratch (x int PRIMARY KEY);
CREATE TABLE copy_of_books AS SELECT * FROM books;
SELECT * INTO books_backup FROM books;
GRANT SELECT ON books TO PUBLIC;
REFRESH MATERIALIZED VIEW writer_counts;
ALTER TABLE books SET SCHEMA api;
-- drops report nothing here (sql_drop triggers see them)
DROP VIEW book_titles;
DROP TABLE copy_of_books;

-- a watcher that only cares about some object types, as pgrst_ddl_watch does
DROP EVENT TRIGGER ddl_watch;
CREATE FUNCTION reload_schema() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
    IF cmd.command_tag IN ('CREATE SCHEMA', 'ALTER SCHEMA', 'CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO', 'ALTER TABLE',
                           'CREATE FOREIGN TABLE', 'ALTER FOREIGN TABLE', 'CREATE VIEW', 'ALTER VIEW', 'CREATE MATERIALIZED VIEW',
                           'ALTER MATERIALIZED VIEW', 'CREATE FUNCTION', 'ALTER FUNCTION', 'CREATE TRIGGER', 'CREATE TYPE',
                           'ALTER TYPE', 'CREATE RULE', 'COMMENT')
       AND cmd.schema_name IS DISTINCT FROM 'pg_temp' THEN
      RAISE NOTICE 'reload schema cache for % %', cmd.object_type, cmd.object_identity;
    END IF;
  END LOOP;
END $$;
CREATE EVENT TRIGGER reload_schema ON ddl_command_end EXECUTE FUNCTION reload_schema();
CREATE TABLE api.tags (id int, label text);
CREATE INDEX tags_label ON api.tags (label);
CREATE TEMP TABLE temp_only (x int);
CREATE FUNCTION api.hello() RETURNS text LANGUAGE sql AS $$ SELECT 'hi' $$;

-- ddl_command_start sees no commands yet
CREATE FUNCTION start_watch() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'start: % commands so far', (SELECT count(*) FROM pg_event_trigger_ddl_commands());
END $$;
CREATE EVENT TRIGGER start_watch ON ddl_command_start EXECUTE FUNCTION start_watch();
CREATE TABLE api.more (id int);
DROP EVENT TRIGGER start_watch;
DROP EVENT TRIGGER reload_schema;

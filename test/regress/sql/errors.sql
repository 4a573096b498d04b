-- The errors an application sees, with every field Postgres sets: constraint violations of each
-- kind, undefined and ambiguous names, syntax errors with positions, invalid input for each type,
-- overflow and division by zero. Schema: the blog.

CREATE TYPE post_status AS ENUM ('draft', 'published', 'archived');
CREATE DOMAIN handle AS text CHECK (VALUE ~ '^[a-z0-9_]{3,15}$');
CREATE TABLE authors (
  id integer PRIMARY KEY,
  handle handle NOT NULL UNIQUE,
  name varchar(20) NOT NULL,
  country char(2),
  CONSTRAINT authors_name_not_blank CHECK (btrim(name) <> '')
);
CREATE TABLE posts (
  id integer PRIMARY KEY,
  author_id integer NOT NULL REFERENCES authors,
  slug text NOT NULL,
  title text NOT NULL,
  status post_status NOT NULL DEFAULT 'draft',
  views integer NOT NULL DEFAULT 0 CHECK (views >= 0),
  UNIQUE (author_id, slug)
);
CREATE TABLE comments (
  id integer PRIMARY KEY,
  post_id integer NOT NULL REFERENCES posts ON DELETE CASCADE,
  body text NOT NULL
);
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE bookings (
  room text NOT NULL,
  during tstzrange NOT NULL,
  EXCLUDE USING gist (room WITH =, during WITH &&)
);
INSERT INTO authors VALUES (1, 'ada', 'Ada Lovelace', 'UK'), (2, 'alan', 'Alan Turing', 'UK');
INSERT INTO posts (id, author_id, slug, title) VALUES (1, 1, 'engine', 'The Engine'), (2, 2, 'machines', 'Machines');
INSERT INTO bookings VALUES ('studio', '[2024-05-01 10:00+00, 2024-05-01 11:00+00)');

-- Constraint violations: each kind with its fields
INSERT INTO authors VALUES (1, 'ada2', 'Ada Again', NULL);
INSERT INTO authors VALUES (3, 'ada', 'Another Ada', NULL);
INSERT INTO posts (id, author_id, slug, title) VALUES (3, 1, 'engine', 'Duplicate slug');
INSERT INTO authors (id, handle) VALUES (3, 'grace');
INSERT INTO authors VALUES (3, 'grace', '   ', 'US');
INSERT INTO posts (id, author_id, slug, title, views) VALUES (3, 1, 'neg', 'Negative', -1);
INSERT INTO authors VALUES (3, 'Grace!', 'Grace Hopper', 'US');
INSERT INTO posts (id, author_id, slug, title) VALUES (3, 42, 'orphan', 'Orphan');
DELETE FROM authors WHERE id = 1;
UPDATE authors SET id = 10 WHERE id = 2;
INSERT INTO bookings VALUES ('studio', '[2024-05-01 10:30+00, 2024-05-01 12:00+00)');
INSERT INTO bookings VALUES ('studio', '[2024-05-01 11:00+00, 2024-05-01 12:00+00)');
UPDATE posts SET status = NULL WHERE id = 1;
UPDATE posts SET views = views - 1 WHERE id = 2;

-- Undefined objects
SELECT * FROM post;
SELECT * FROM public.post;
SELECT * FROM blog.posts;
SELECT titel FROM posts;
SELECT p.titel FROM posts p;
SELECT posts.title FROM posts p;
SELECT title FROM posts WHERE author = 1;
SELECT x.title FROM posts;
SELECT lenght(title) FROM posts;
SELECT length(title, 2) FROM posts;
SELECT lower(views) FROM posts;
SELECT round('abc') FROM posts;
SELECT * FROM posts WHERE status = 'deleted';
INSERT INTO posts (id, author_id, slug, title, status) VALUES (9, 1, 's', 't', 'hidden');
SELECT nextval('posts_id_seq');
DROP TABLE no_such_table;
ALTER TABLE posts RENAME COLUMN no_such_column TO x;
SELECT 'x'::no_such_type;
CREATE TABLE t_bad (id no_such_type);

-- Ambiguous names
SELECT id FROM posts JOIN authors ON authors.id = posts.author_id;
SELECT title FROM posts p JOIN posts q ON q.id = p.id;
SELECT * FROM posts JOIN comments ON post_id = id;
SELECT count(*) FROM posts p, authors p;

-- Syntax errors and their positions
SELEC * FROM posts;
SELECT * FORM posts;
SELECT * FROM posts WHERE;
SELECT id, title, FROM posts;
SELECT id title views FROM posts;
INSERT INTO posts (id, title VALUES (1, 'x');
CREATE TABLE user (id integer);
CREATE TABLE t_bad (id integer,);
SELECT * FROM posts WHERE title = 'x' AND;
SELECT 1 +;
UPDATE posts SET WHERE id = 1;
SELECT 1 ORDER id;
SELECT * FROM posts LIMIT;
SELECT array[1, 2;

-- Type mismatches
SELECT * FROM posts WHERE views;
SELECT * FROM posts WHERE id = 'one';
SELECT * FROM posts WHERE id = '1'::text;
SELECT title + 1 FROM posts;
INSERT INTO posts (id, author_id, slug, title, views) VALUES (9, 1, 's', 't', 'many');
INSERT INTO posts (id, author_id, slug, title, views) VALUES (9, 1, 's', 't', 'many'::text);
UPDATE posts SET views = true;
SELECT CASE WHEN true THEN 1 ELSE 'x' END;
SELECT date '2024-01-01' + date '2024-01-02';
SELECT true::date;
SELECT '{"a": 1}'::jsonb + 1;
SELECT ARRAY[1, 2] || ARRAY['a'];
SELECT coalesce(1, 'x');
SELECT 1 UNION SELECT 'a';

-- Invalid input syntax, one type at a time
SELECT 'yes please'::boolean;
SELECT '1e3'::smallint;
SELECT '99999'::smallint;
SELECT '1.0'::integer;
SELECT 'one'::bigint;
SELECT '12.3.4'::numeric;
SELECT '1,5'::real;
SELECT '2024-02-30'::date;
SELECT '2024-01-01 25:00'::timestamp;
SELECT 'yesterday at noon'::timestamptz;
SELECT '12:60'::time;
SELECT '3 eons'::interval;
SELECT 'not-a-uuid'::uuid;
SELECT '{"a": 1,}'::jsonb;
SELECT '{"a" 1}'::json;
SELECT '\xZZ'::bytea;
SELECT 'legend'::post_status;
SELECT '{1,2},{3}'::int[];
SELECT '{{1,2},{3}}'::int[];
SELECT '300.1.2.3'::inet;
SELECT '[1, 2'::int4range;

-- Values too long and out of range
INSERT INTO authors VALUES (3, 'grace', 'Grace Brewster Murray Hopper', 'US');
INSERT INTO authors VALUES (3, 'grace', 'Grace Hopper', 'USA');
UPDATE authors SET name = repeat('x', 21) WHERE id = 1;
SELECT 'Grace Brewster Murray Hopper'::varchar(20), 'USA'::char(2);
SELECT 2147483647 + 1;
SELECT -2147483648 * -1;
SELECT 2147483647::integer * 2;
SELECT (32767::smallint + 1::smallint);
SELECT 9223372036854775807 + 1;
SELECT abs(-2147483648);
SELECT 3000000000::integer;
SELECT 1e10::integer;
SELECT 'NaN'::numeric::integer;
SELECT 1e308::float8 * 1e308::float8;
SELECT 99999.999::numeric(7, 2);
UPDATE posts SET views = 2147483647 WHERE id = 1;
UPDATE posts SET views = views + 1 WHERE id = 1;
SELECT sum(views) FROM posts;

-- Division by zero
SELECT 1 / 0;
SELECT 1 % 0;
SELECT 1.5 / 0;
SELECT 1.5::float8 / 0;
SELECT views / (id - id) FROM posts;
SELECT count(*) / (SELECT count(*) FROM comments) FROM posts;

-- Grouping, aggregates, subqueries, limits
SELECT author_id, title FROM posts GROUP BY author_id;
SELECT * FROM posts WHERE count(*) > 1;
SELECT (SELECT id FROM posts);
SELECT * FROM posts WHERE id = (SELECT id FROM authors);
SELECT * FROM posts LIMIT -1;
SELECT * FROM posts OFFSET -1;
SELECT * FROM posts ORDER BY 9;
SELECT sum(title) FROM posts;
SELECT title FROM posts WHERE title ~ '(';
SELECT substring('abc' FROM 1 FOR -1);
SELECT max(count(*)) FROM posts;

-- Settings
SET TimeZone = 'Mars/Olympus';
SET no_such_setting = 1;
SHOW no_such_setting;
SET statement_timeout = 'soon';
SET search_path = public, no_such_schema;
SELECT count(*) FROM posts;

-- An unterminated quote swallows the rest of the file, so it goes last.
SELECT 'unterminated;

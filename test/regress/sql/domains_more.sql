-- Domains in an application schema: money amounts as a domain over a composite, tag lists as
-- arrays of a checked domain, NOT NULL domain constraints with names, and columns added later.
CREATE TYPE price AS (amount numeric(12,2), currency char(3));
CREATE DOMAIN positive_price AS price CHECK ((VALUE).amount > 0 AND (VALUE).currency IS NOT NULL);
CREATE TABLE products (id int PRIMARY KEY, name text NOT NULL, list_price positive_price);
INSERT INTO products VALUES (1, 'kettle', ROW(25.50, 'EUR')::positive_price);
INSERT INTO products VALUES (2, 'mug', ROW(4, 'EUR')::price);
INSERT INTO products VALUES (3, 'free sample', ROW(0, 'EUR'));
INSERT INTO products (id, name, list_price.amount, list_price.currency) VALUES (4, 'teapot', 31, 'USD');
INSERT INTO products (id, name, list_price.amount) VALUES (5, 'spoon', 2);
SELECT id, (list_price).amount, (list_price).currency, (list_price).* FROM products ORDER BY id;
SELECT (ROW(9.99, 'GBP')::positive_price).amount;
SELECT (ROW(9.99, 'GBP')::positive_price).nope;
UPDATE products SET list_price.amount = (list_price).amount * 2 WHERE (list_price).currency = 'EUR';
UPDATE products SET list_price.amount = -(list_price).amount WHERE id = 1;
SELECT id, list_price FROM products ORDER BY id;

-- Functions returning the domain: the constraint applies to what they return.
CREATE FUNCTION make_price(a numeric, c text) RETURNS positive_price LANGUAGE sql AS 'SELECT ROW(a, c)';
SELECT make_price(10, 'EUR');
SELECT make_price(-1, 'EUR');
SELECT * FROM make_price(12.5, 'USD');
SELECT p, p IS NOT NULL, pg_typeof(p) FROM make_price(3, 'EUR') p;
SELECT (make_price(7, 'EUR')).amount;
SELECT * FROM make_price(1, 'EUR') AS p(a numeric, c text);
CREATE FUNCTION discounted(p positive_price, pct int) RETURNS positive_price LANGUAGE plpgsql AS $$
BEGIN
  RETURN ROW(((p).amount * (100 - pct) / 100)::numeric(12,2), (p).currency);
END $$;
SELECT discounted(make_price(40, 'EUR'), 25);
SELECT discounted(make_price(40, 'EUR'), 100);

-- The whole row of a function returning a named composite type has that type.
CREATE FUNCTION cheapest() RETURNS price LANGUAGE sql AS 'SELECT (list_price).amount, (list_price).currency FROM products ORDER BY 1 LIMIT 1';
SELECT c, pg_typeof(c) FROM cheapest() c;
SELECT pg_typeof(c) FROM cheapest() WITH ORDINALITY c;
SELECT pg_typeof(c) FROM ROWS FROM (cheapest()) c;

-- Arrays of a domain check every element, NULLs included for a NOT NULL domain.
CREATE DOMAIN tag AS text CHECK (VALUE ~ '^[a-z][a-z0-9-]*$');
CREATE DOMAIN score AS int NOT NULL CHECK (VALUE BETWEEN 0 AND 100);
CREATE TABLE posts (id int PRIMARY KEY, tags tag[], scores score[]);
INSERT INTO posts VALUES (1, ARRAY['news', 'tech'], ARRAY[10, 20]);
INSERT INTO posts VALUES (2, ARRAY['News'], NULL);
INSERT INTO posts VALUES (3, '{ok,"Not Ok"}', NULL);
INSERT INTO posts VALUES (4, '{ok,fine}', '{1,2,3}');
INSERT INTO posts VALUES (5, NULL, ARRAY[1, NULL]);
INSERT INTO posts VALUES (6, NULL, '{5,NULL}');
INSERT INTO posts VALUES (7, NULL, '{{1,2},{3,400}}');
INSERT INTO posts VALUES (8, ARRAY['a', NULL], ARRAY[]::int[]);
UPDATE posts SET scores[2] = scores[2] + 5 WHERE id = 1;
UPDATE posts SET scores[1] = 101 WHERE id = 1;
UPDATE posts SET tags = tags || 'Bad'::text WHERE id = 1;
SELECT id, tags, scores FROM posts ORDER BY id;
SELECT ARRAY['x', 'Y']::tag[];
SELECT '{x,y}'::tag[], pg_typeof('{x,y}'::tag[]);
SELECT '{1,NULL}'::score[];
SELECT ARRAY[50, 60]::int[]::score[];

-- NOT NULL domain constraints: named, dropped and added by name, errors for conflicting clauses.
CREATE DOMAIN email AS text CONSTRAINT email_required NOT NULL CHECK (VALUE LIKE '%@%');
CREATE DOMAIN handle AS text NOT NULL;
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE contypid IN ('email'::regtype, 'handle'::regtype) ORDER BY conname;
ALTER DOMAIN email DROP CONSTRAINT email_required;
SELECT NULL::email;
ALTER DOMAIN email ADD CONSTRAINT email_present NOT NULL;
SELECT conname, contype FROM pg_constraint WHERE contypid = 'email'::regtype ORDER BY conname;
ALTER DOMAIN email ADD NOT NULL;
ALTER DOMAIN email DROP NOT NULL;
SELECT conname FROM pg_constraint WHERE contypid = 'email'::regtype ORDER BY conname;
CREATE TABLE accounts (id int, contact email);
INSERT INTO accounts VALUES (1, 'a@example.com'), (2, NULL);
ALTER DOMAIN email ADD CONSTRAINT email_present NOT NULL;
ALTER DOMAIN email SET NOT NULL;
DELETE FROM accounts WHERE id = 2;
ALTER DOMAIN email SET NOT NULL;
SELECT conname FROM pg_constraint WHERE contypid = 'email'::regtype ORDER BY conname;
CREATE DOMAIN d_bad1 AS int NOT NULL NO INHERIT;
CREATE DOMAIN d_bad2 AS int CONSTRAINT a NOT NULL CONSTRAINT b NOT NULL;
CREATE DOMAIN d_bad3 AS int NULL NOT NULL;
CREATE DOMAIN d_bad4 AS int NOT NULL NULL;
CREATE DOMAIN d_ok AS int NULL CHECK (VALUE > 0);

-- Adding a domain column to a table with rows: its default (or the domain's) must pass the domain.
CREATE DOMAIN status_code AS text NOT NULL DEFAULT 'active' CHECK (VALUE IN ('active', 'closed'));
CREATE DOMAIN bad_default AS text CHECK (VALUE <> 'x') DEFAULT 'x';
ALTER TABLE accounts ADD COLUMN status status_code;
ALTER TABLE accounts ADD COLUMN handle handle;
ALTER TABLE accounts ADD COLUMN flag bad_default;
ALTER TABLE accounts ADD COLUMN rank score DEFAULT 500;
ALTER TABLE accounts ADD COLUMN rank score DEFAULT 50;
ALTER TABLE accounts ADD COLUMN nick tag;
SELECT * FROM accounts;
CREATE TABLE empty_accounts (id int);
ALTER TABLE empty_accounts ADD COLUMN handle handle;
ALTER TABLE empty_accounts ADD COLUMN flag bad_default;
ALTER TABLE empty_accounts ADD COLUMN rank score DEFAULT 500;
INSERT INTO empty_accounts (id, handle) VALUES (1, 'h');

-- Dropping a type reaches the domains over it, and what uses them, in Postgres's order.
CREATE TYPE dim AS (w int, h int);
CREATE DOMAIN pos_dim AS dim CHECK ((VALUE).w > 0 AND (VALUE).h > 0);
CREATE TABLE frames (id int, size pos_dim UNIQUE, note text);
CREATE FUNCTION area(d pos_dim) RETURNS int LANGUAGE sql AS 'SELECT (d).w * (d).h';
CREATE FUNCTION raw_dim(w int, h int) RETURNS dim LANGUAGE sql AS 'SELECT ROW(w, h)::dim';
CREATE DOMAIN square_dim AS pos_dim CHECK ((VALUE).w = (VALUE).h);
CREATE TABLE tiles (s square_dim, d dim, ds dim[]);
DROP TYPE dim;
DROP DOMAIN pos_dim;
DROP TYPE dim CASCADE;
SELECT * FROM frames;
SELECT * FROM tiles;
SELECT count(*) FROM pg_proc WHERE proname IN ('area', 'raw_dim') AND pronamespace = 'public'::regnamespace;
DROP TABLE frames, tiles;

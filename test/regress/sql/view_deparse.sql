-- View definitions as Postgres prints them (pg_get_viewdef, information_schema.views):
-- joins with USING and aliases, views named in other views, functions in FROM, renames.
CREATE TABLE authors (author_id int PRIMARY KEY, name text NOT NULL, country text);
CREATE TABLE books (book_id int PRIMARY KEY, author_id int REFERENCES authors, title text NOT NULL, price numeric(8,2), published date);
CREATE TABLE reviews (book_id int REFERENCES books, author_id int, stars int CHECK (stars BETWEEN 1 AND 5), body text);
INSERT INTO authors VALUES (1, 'Le Guin', 'US'), (2, 'Lem', 'PL'), (3, 'Tokarczuk', 'PL');
INSERT INTO books VALUES (10, 1, 'The Dispossessed', 9.99, '1974-05-01'), (11, 2, 'Solaris', 12.50, '1961-01-01'), (12, 2, 'The Cyberiad', 8.00, '1965-01-01');
INSERT INTO reviews VALUES (10, 1, 5, 'great'), (11, 2, 4, 'eerie'), (11, 2, 5, NULL);
CREATE VIEW book_list AS SELECT * FROM books JOIN authors USING (author_id);
SELECT pg_get_viewdef('book_list'::regclass, true);
SELECT pg_get_viewdef('book_list'::regclass);
SELECT * FROM book_list ORDER BY book_id;
CREATE VIEW book_list_aliased AS SELECT * FROM (books JOIN authors USING (author_id)) ba;
SELECT pg_get_viewdef('book_list_aliased'::regclass, true);
CREATE VIEW book_list_using_alias AS SELECT ba.author_id, title FROM books JOIN authors USING (author_id) AS ba;
SELECT pg_get_viewdef('book_list_using_alias'::regclass, true);
CREATE VIEW all_pairs AS SELECT a.name, b.title FROM authors a FULL JOIN books b USING (author_id);
SELECT pg_get_viewdef('all_pairs'::regclass, true);
CREATE VIEW full_ids AS SELECT author_id, name, title FROM authors FULL JOIN books USING (author_id);
SELECT pg_get_viewdef('full_ids'::regclass, true);
SELECT * FROM full_ids ORDER BY author_id, title;
CREATE VIEW review_join AS
  SELECT b.title, r.stars FROM books b NATURAL JOIN reviews r;
SELECT pg_get_viewdef('review_join'::regclass, true);
CREATE VIEW left_outer AS SELECT a.name, b.title FROM authors a LEFT JOIN books b ON true;
SELECT pg_get_viewdef('left_outer'::regclass, true);
CREATE VIEW cross_pairs AS SELECT a.name, b.title FROM authors a CROSS JOIN books b;
SELECT pg_get_viewdef('cross_pairs'::regclass, true);
-- A view over a view prints the view's name.
CREATE VIEW polish_books AS SELECT title, name FROM book_list WHERE country = 'PL';
SELECT pg_get_viewdef('polish_books'::regclass, true);
SELECT * FROM polish_books ORDER BY title;
CREATE VIEW polish_books_v AS SELECT p.title FROM polish_books p JOIN books USING (title);
SELECT pg_get_viewdef('polish_books_v'::regclass, true);
-- Functions in FROM print their column list.
CREATE VIEW numbered AS SELECT n FROM generate_series(1, 3) n;
SELECT pg_get_viewdef('numbered'::regclass, true);
CREATE FUNCTION books_by(int) RETURNS SETOF books LANGUAGE sql STABLE AS 'SELECT * FROM books WHERE author_id = $1';
CREATE VIEW lem_books AS SELECT title, price FROM books_by(2) b;
SELECT pg_get_viewdef('lem_books'::regclass, true);
SELECT * FROM lem_books ORDER BY title;
-- Renames show up in the definition.
ALTER TABLE authors RENAME COLUMN name TO full_name;
ALTER TABLE books RENAME TO titles;
SELECT pg_get_viewdef('polish_books'::regclass, true);
SELECT pg_get_viewdef('book_list'::regclass, true);
SELECT pg_get_viewdef('all_pairs'::regclass, true);
ALTER VIEW polish_books RENAME TO books_from_poland;
SELECT pg_get_viewdef('polish_books_v'::regclass, true);
SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = 'public' AND table_name IN ('all_pairs', 'polish_books_v') ORDER BY 1;
-- VALUES, aliased joins with column lists, subqueries with column aliases.
CREATE VIEW shipping_rates AS SELECT r.zone, r.rate FROM (VALUES ('EU', 4.50), ('US', 7.25), ('PL', 3.00)) r(zone, rate);
SELECT pg_get_viewdef('shipping_rates'::regclass, true);
SELECT * FROM shipping_rates ORDER BY zone;
CREATE VIEW author_pairs AS SELECT * FROM (authors a CROSS JOIN titles t) j(aid, aname, acountry);
SELECT pg_get_viewdef('author_pairs'::regclass, true);
CREATE VIEW expensive AS SELECT s.t, s.p FROM (SELECT title, price FROM titles WHERE price > 9) s(t, p);
SELECT pg_get_viewdef('expensive'::regclass, true);
SELECT * FROM expensive ORDER BY t;
CREATE VIEW latest_review AS
  SELECT t.title, lr.stars FROM titles t, LATERAL (SELECT r.stars FROM reviews r WHERE r.book_id = t.book_id ORDER BY r.stars DESC LIMIT 1) lr;
SELECT pg_get_viewdef('latest_review'::regclass, true);
SELECT * FROM latest_review ORDER BY title;
-- CREATE OR REPLACE VIEW may only add columns at the end, keeping names, types and collations.
CREATE VIEW price_list AS SELECT book_id, title, price FROM titles;
CREATE OR REPLACE VIEW price_list AS SELECT book_id, title, price, published FROM titles;
CREATE OR REPLACE VIEW price_list AS SELECT book_id, title FROM titles;
CREATE OR REPLACE VIEW price_list AS SELECT book_id, title AS name, price, published FROM titles;
CREATE OR REPLACE VIEW price_list AS SELECT book_id, title, price::numeric(10,2), published FROM titles;
CREATE OR REPLACE VIEW price_list AS SELECT book_id, title COLLATE "C", price, published FROM titles;
CREATE OR REPLACE VIEW price_list AS SELECT book_id, title, price::float8, published FROM titles;
SELECT pg_get_viewdef('price_list'::regclass, true);
-- A dropped view's row type goes with it.
DROP VIEW price_list;
CREATE TABLE price_list (book_id int);
DROP TABLE price_list;

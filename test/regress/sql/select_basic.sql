-- Basic queries of the blog: authors, posts, comments, tags. Projections, filters, ordering,
-- pagination, joins, aggregates and grouping.

CREATE TABLE authors (
  id integer PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL UNIQUE,
  country text,
  joined_on date NOT NULL
);
CREATE TABLE posts (
  id integer PRIMARY KEY,
  author_id integer NOT NULL REFERENCES authors,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  views integer NOT NULL DEFAULT 0,
  rating numeric(3, 2),
  published_at timestamptz
);
CREATE TABLE comments (
  id integer PRIMARY KEY,
  post_id integer NOT NULL REFERENCES posts ON DELETE CASCADE,
  author_name text NOT NULL,
  body text NOT NULL,
  approved boolean NOT NULL DEFAULT false
);
CREATE TABLE tags (id integer PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE post_tags (post_id integer REFERENCES posts, tag_id integer REFERENCES tags, PRIMARY KEY (post_id, tag_id));

INSERT INTO authors VALUES
  (1, 'Ada Lovelace', 'ada@example.org', 'UK', '2020-01-15'),
  (2, 'alan turing', 'alan@example.org', 'UK', '2020-03-01'),
  (3, 'Grace Hopper', 'grace@example.org', 'US', '2021-07-04'),
  (4, 'Édouard Lucas', 'edouard@example.org', 'FR', '2022-11-30'),
  (5, 'Barbara Liskov', 'barbara@example.org', NULL, '2023-02-14');
INSERT INTO posts VALUES
  (1, 1, 'Notes on the Analytical Engine', 'published', 1200, 4.75, '2024-01-10 09:00+00'),
  (2, 1, 'Bernoulli numbers', 'published', 640, 4.20, '2024-02-02 14:30+00'),
  (3, 2, 'Computing Machinery and Intelligence', 'published', 5300, 4.90, '2024-01-20 18:00+00'),
  (4, 2, 'On computable numbers', 'draft', 0, NULL, NULL),
  (5, 3, 'The first bug', 'published', 2100, 3.80, '2024-03-15 08:15+00'),
  (6, 3, 'COBOL for everyone', 'archived', 90, 2.50, '2023-06-01 12:00+00'),
  (7, 4, 'Tower of Hanoi', 'published', 310, NULL, '2024-03-01 10:00+00'),
  (8, 3, 'nanoseconds', 'draft', 0, NULL, NULL);
INSERT INTO comments VALUES
  (1, 1, 'Charles', 'Fascinating engine.', true),
  (2, 1, 'Mary', 'Could it compose music?', true),
  (3, 3, 'Alonzo', 'What about lambda calculus?', true),
  (4, 3, 'Kurt', 'Some things cannot be decided.', false),
  (5, 3, 'John', 'Great read.', true),
  (6, 5, 'Moth', 'Bzzz.', false),
  (7, 7, 'Anon', 'Classic puzzle.', true);
INSERT INTO tags VALUES (1, 'history'), (2, 'math'), (3, 'ai'), (4, 'programming'), (5, 'unused');
INSERT INTO post_tags VALUES (1, 1), (1, 4), (2, 2), (3, 3), (3, 1), (5, 4), (5, 1), (6, 4), (7, 2);

-- Projections and expressions
SELECT * FROM authors ORDER BY id;
SELECT id, upper(name) AS shout, length(name) AS len, country IS NULL AS no_country FROM authors ORDER BY id;
SELECT title, views, views / 100 AS hundreds, round(views / 1000.0, 1) AS thousands FROM posts ORDER BY id;
SELECT id, CASE WHEN views >= 1000 THEN 'hot' WHEN views > 0 THEN 'warm' ELSE 'cold' END AS heat FROM posts ORDER BY id;
SELECT id, coalesce(rating, 0) AS rating, nullif(status, 'draft') AS visible_status FROM posts ORDER BY id;
SELECT 1 AS one, 'two' AS two, NULL AS nothing, 3.0 AS three;
SELECT a.name AS "Author Name", a.email "E-mail" FROM authors a WHERE a.id = 1;

-- WHERE
SELECT id, title FROM posts WHERE status = 'published' AND views > 1000 ORDER BY id;
SELECT id, title FROM posts WHERE status = 'draft' OR rating < 3 ORDER BY id;
SELECT id FROM posts WHERE author_id IN (1, 3) AND NOT (status = 'archived') ORDER BY id;
SELECT id FROM posts WHERE views BETWEEN 300 AND 2100 ORDER BY id;
SELECT id, title FROM posts WHERE title LIKE '%numbers%' ORDER BY id;
SELECT id, title FROM posts WHERE title ILIKE 'the%' ORDER BY id;
SELECT id FROM posts WHERE rating IS NULL ORDER BY id;
SELECT id FROM posts WHERE rating IS NOT NULL AND published_at >= '2024-02-01' ORDER BY id;
SELECT name FROM authors WHERE country <> 'UK';
SELECT name FROM authors WHERE country IS DISTINCT FROM 'UK' ORDER BY name;
SELECT id FROM posts WHERE author_id NOT IN (SELECT id FROM authors WHERE country = 'UK') ORDER BY id;
SELECT id FROM posts WHERE EXISTS (SELECT 1 FROM comments c WHERE c.post_id = posts.id AND NOT c.approved) ORDER BY id;
SELECT count(*) FROM posts WHERE false;

-- ORDER BY: directions, NULLS placement, expressions, aliases, positions, collation
SELECT id, rating FROM posts ORDER BY rating DESC, id;
SELECT id, rating FROM posts ORDER BY rating ASC NULLS FIRST, id;
SELECT id, rating FROM posts ORDER BY rating DESC NULLS LAST, id DESC;
SELECT id, published_at FROM posts ORDER BY published_at, id;
SELECT name FROM authors ORDER BY name;
SELECT name FROM authors ORDER BY name COLLATE "C";
SELECT name FROM authors ORDER BY lower(name) DESC;
SELECT title, length(title) AS len FROM posts ORDER BY len DESC, title LIMIT 3;
SELECT author_id, id FROM posts ORDER BY 1 DESC, 2;
SELECT title FROM posts ORDER BY title;

-- LIMIT / OFFSET / FETCH
SELECT id, title FROM posts ORDER BY published_at DESC NULLS LAST, id LIMIT 3;
SELECT id FROM posts ORDER BY id LIMIT 3 OFFSET 3;
SELECT id FROM posts ORDER BY id OFFSET 6;
SELECT id FROM posts ORDER BY id LIMIT 0;
SELECT id FROM posts ORDER BY id LIMIT ALL OFFSET 7;
SELECT id FROM posts ORDER BY id FETCH FIRST 2 ROWS ONLY;
SELECT id FROM posts ORDER BY id OFFSET 2 ROWS FETCH NEXT 1 ROW ONLY;
SELECT id, views FROM posts ORDER BY views DESC FETCH FIRST 2 ROWS WITH TIES;
SELECT DISTINCT status FROM posts ORDER BY status;
SELECT DISTINCT author_id, status FROM posts ORDER BY author_id, status;
SELECT DISTINCT ON (author_id) author_id, title, views FROM posts ORDER BY author_id, views DESC;

-- Joins
SELECT p.id, p.title, a.name FROM posts p JOIN authors a ON a.id = p.author_id WHERE p.status = 'published' ORDER BY p.id;
SELECT a.name, p.title FROM authors a LEFT JOIN posts p ON p.author_id = a.id AND p.status = 'published' ORDER BY a.id, p.id;
SELECT a.name FROM authors a LEFT JOIN posts p ON p.author_id = a.id WHERE p.id IS NULL;
SELECT p.title, c.author_name, c.body FROM posts p INNER JOIN comments c ON c.post_id = p.id WHERE c.approved ORDER BY p.id, c.id;
SELECT p.id, t.name FROM posts p JOIN post_tags pt ON pt.post_id = p.id JOIN tags t ON t.id = pt.tag_id WHERE t.name IN ('history', 'math') ORDER BY p.id, t.name;
SELECT a.name, p.title FROM authors a, posts p WHERE p.author_id = a.id AND a.country = 'US' ORDER BY p.title;
SELECT p.id, a.name FROM posts p JOIN authors a USING (id) ORDER BY p.id;
SELECT t.name, pt.post_id FROM tags t LEFT JOIN post_tags pt ON pt.tag_id = t.id ORDER BY t.name, pt.post_id;
SELECT a1.name, a2.name FROM authors a1 JOIN authors a2 ON a1.country = a2.country AND a1.id < a2.id ORDER BY a1.id, a2.id;
SELECT p.title, a.name FROM posts p RIGHT JOIN authors a ON a.id = p.author_id WHERE p.id IS NULL;
SELECT count(*) FROM authors CROSS JOIN tags;

-- Aggregates
SELECT count(*), count(rating), count(DISTINCT author_id), sum(views), min(views), max(views), avg(views), avg(rating) FROM posts;
SELECT min(title), max(title), min(published_at), max(published_at) FROM posts;
SELECT count(*), sum(views), max(views), avg(rating) FROM posts WHERE status = 'nonexistent';
SELECT sum(views)::float8 / count(*) AS mean, round(avg(views), 2) AS avg2, bool_and(views > 0) AS all_viewed, bool_or(rating > 4.8) AS any_great FROM posts;
SELECT string_agg(name, ', ' ORDER BY name) AS names, array_agg(id ORDER BY id DESC) AS ids FROM authors WHERE country = 'UK';
SELECT count(*) FILTER (WHERE status = 'published') AS published, count(*) FILTER (WHERE status = 'draft') AS drafts FROM posts;

-- GROUP BY / HAVING
SELECT status, count(*) AS n, sum(views) AS views FROM posts GROUP BY status ORDER BY status;
SELECT author_id, count(*) AS posts, max(rating) AS best FROM posts GROUP BY author_id HAVING count(*) > 1 ORDER BY author_id;
SELECT a.name, count(p.id) AS posts, coalesce(sum(p.views), 0) AS total_views
  FROM authors a LEFT JOIN posts p ON p.author_id = a.id
 GROUP BY a.id, a.name
 ORDER BY total_views DESC, a.name;
SELECT p.title, count(c.id) AS comments, count(c.id) FILTER (WHERE c.approved) AS approved
  FROM posts p LEFT JOIN comments c ON c.post_id = p.id
 WHERE p.status = 'published'
 GROUP BY p.id
 ORDER BY comments DESC, p.title;
SELECT t.name, count(*) AS uses FROM tags t JOIN post_tags pt ON pt.tag_id = t.id GROUP BY t.name HAVING count(*) >= 2 ORDER BY uses DESC, t.name;
SELECT country, count(*) FROM authors GROUP BY country ORDER BY country NULLS FIRST;
SELECT date_trunc('month', published_at) AS month, count(*) FROM posts WHERE published_at IS NOT NULL GROUP BY 1 ORDER BY 1;
SELECT extract(year FROM joined_on) AS year, string_agg(name, '; ' ORDER BY joined_on) FROM authors GROUP BY year ORDER BY year;
SELECT status FROM posts GROUP BY status HAVING avg(views) > 500 ORDER BY status;
SELECT count(*) FROM (SELECT author_id FROM posts GROUP BY author_id) s;
SELECT author_id, sum(views) FROM posts GROUP BY author_id HAVING sum(views) > 100000;

-- Subqueries and set operations
SELECT name, (SELECT count(*) FROM posts p WHERE p.author_id = a.id) AS post_count FROM authors a ORDER BY post_count DESC, name;
SELECT title FROM posts WHERE views > (SELECT avg(views) FROM posts) ORDER BY views DESC;
SELECT name FROM authors WHERE country = 'UK' UNION SELECT name FROM authors WHERE joined_on > '2022-01-01' ORDER BY name;
SELECT author_id FROM posts WHERE status = 'published' INTERSECT SELECT author_id FROM posts WHERE status = 'draft';
SELECT id FROM authors EXCEPT SELECT author_id FROM posts ORDER BY 1;
SELECT status FROM posts UNION ALL SELECT 'extra';

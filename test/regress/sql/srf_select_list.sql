-- Set-returning functions in the select list: nesting, lockstep expansion, grouping, windows,
-- DISTINCT ON, INSERT ... VALUES, and where Postgres refuses them.
CREATE TABLE srf_posts (id int PRIMARY KEY, author text, tags text[], meta jsonb);
INSERT INTO srf_posts VALUES
  (1, 'ann', '{sql,pg}', '{"lang": "en", "views": [3, 5]}'),
  (2, 'bob', '{pg}', '{"lang": "fr"}'),
  (3, 'ann', '{js,sql,css}', '{}'),
  (4, 'cy', NULL, '{"views": []}');

-- nested calls run one level above the calls in their arguments
SELECT generate_series(1, generate_series(1, 3));
SELECT generate_series(generate_series(1, 3), generate_series(2, 4));
SELECT generate_series(1, generate_series(1, 3)) AS a, generate_series(2, 4) AS b;
SELECT id, generate_series(1, array_length(tags, 1)) AS pos, unnest(tags) AS tag FROM srf_posts ORDER BY id, pos;
-- lockstep with NULL padding; identical calls are computed once
SELECT generate_series(1, 3) AS x, generate_series(3, 6) + 1 AS y;
SELECT generate_series(1, 3) AS x, generate_series(1, 3) * 10 AS x10;
SELECT generate_series(1, 3) + 1 AS g ORDER BY generate_series(1, 3) DESC;
SELECT id, unnest(tags) AS tag, jsonb_array_elements(meta -> 'views') AS v FROM srf_posts ORDER BY id, tag;
-- over aggregates
SELECT unnest(array_agg(id ORDER BY id)) AS id FROM srf_posts;
SELECT author, unnest(array_agg(id ORDER BY id)) AS id, count(*) FROM srf_posts GROUP BY author ORDER BY author, id;
-- GROUP BY a set-returning call, or a select-list position naming one
SELECT unnest(tags) AS tag, count(*) FROM srf_posts GROUP BY unnest(tags) ORDER BY tag;
SELECT unnest(tags) AS tag, count(*), min(id), max(id) FROM srf_posts GROUP BY 1 ORDER BY 1;
SELECT author, unnest(tags) AS tag, count(*) FROM srf_posts GROUP BY author, 2 HAVING count(*) > 0 ORDER BY 1, 2;
SELECT author, count(*) FROM srf_posts GROUP BY author, unnest(tags) ORDER BY 1, 2;
SELECT author, unnest(tags) AS tag, count(*) FROM srf_posts GROUP BY ROLLUP (author, 2) ORDER BY 1, 2;
SELECT author, generate_series(1, 2) AS g, count(*) FROM srf_posts GROUP BY CUBE (author, g) ORDER BY 1, 2, 3;
-- window functions over expanded rows
SELECT unnest(tags) AS tag, row_number() OVER (ORDER BY unnest(tags), id) AS rn FROM srf_posts ORDER BY rn;
SELECT id, generate_series(1, id) AS g, sum(id) OVER (PARTITION BY generate_series(1, id)) FROM srf_posts ORDER BY 1, 2;
SELECT sum(count(*)) OVER (ORDER BY unnest(tags)), unnest(tags) AS tag FROM srf_posts GROUP BY tag ORDER BY tag;
SELECT unnest(tags) AS tag, count(*) OVER () FROM srf_posts ORDER BY tag;
-- DISTINCT ON picks rows before expanding columns that are not its keys
SELECT DISTINCT ON (author) author, id, unnest(tags) AS tag FROM srf_posts ORDER BY author, id DESC;
SELECT DISTINCT ON (author) author, unnest(tags) AS tag FROM srf_posts ORDER BY author, tag;
SELECT DISTINCT unnest(tags) AS tag FROM srf_posts ORDER BY 1;
-- LIMIT applies after expansion
SELECT id, unnest(tags) AS tag FROM srf_posts ORDER BY id LIMIT 3;
SELECT id, generate_series(1, 2) FROM srf_posts ORDER BY id LIMIT 3 OFFSET 2;
-- nested inside other expressions
SELECT id, upper(unnest(tags)) || '!' AS shout FROM srf_posts WHERE id < 3 ORDER BY 1, 2;
SELECT generate_series(1, 3) IS DISTINCT FROM 2 AS d;
SELECT (jsonb_each(meta)).key, id FROM srf_posts ORDER BY 2, 1;
-- set-returning operators
CREATE FUNCTION srf_explode(anyarray) RETURNS SETOF anyelement LANGUAGE sql AS 'SELECT unnest($1)';
CREATE OPERATOR |<> (FUNCTION = srf_explode, RIGHTARG = anyarray);
SELECT |<> ARRAY[10, 20, 30] AS v;
SELECT id, |<> tags AS tag FROM srf_posts WHERE id = 1 ORDER BY 2;
-- INSERT ... VALUES with one row expands it
CREATE TABLE srf_ids (n int);
INSERT INTO srf_ids VALUES (generate_series(1, 3));
INSERT INTO srf_ids VALUES (generate_series(10, 11) * 2) RETURNING n;
SELECT * FROM srf_ids ORDER BY n;
INSERT INTO srf_ids VALUES (1), (generate_series(1, 2));
INSERT INTO srf_ids SELECT generate_series(100, 101);
SELECT count(*) FROM srf_ids;
-- where set-returning functions are refused
SELECT id, CASE WHEN id > 1 THEN generate_series(1, 2) ELSE 0 END FROM srf_posts;
SELECT coalesce(unnest(tags), 'none') FROM srf_posts;
SELECT CASE WHEN generate_series(1, 2) > 1 THEN 'x' END;
SELECT generate_series(1, 2) > 0 AND true;
SELECT min(generate_series(1, 3)) FROM srf_posts;
SELECT string_agg(x, ',' ORDER BY unnest(tags)) FROM srf_posts, unnest(tags) x;
SELECT min(generate_series(1, 3)) OVER () FROM srf_posts;
SELECT * FROM generate_series(1, generate_series(1, 3));
SELECT * FROM abs(generate_series(-2, 2));
SELECT * FROM srf_posts WHERE unnest(tags) = 'pg';
SELECT author FROM srf_posts GROUP BY author HAVING unnest(array[1]) > 0;
SELECT 1 LIMIT generate_series(1, 3);
UPDATE srf_ids SET n = generate_series(1, 2);
VALUES (1, generate_series(1, 2));
INSERT INTO srf_ids VALUES (1) RETURNING generate_series(1, n);
SELECT id, unnest(tags) FROM srf_posts FOR UPDATE;
SELECT row_number() OVER (ORDER BY id ROWS BETWEEN generate_series(1, 2) PRECEDING AND CURRENT ROW) FROM srf_posts;
SELECT count(*) FILTER (WHERE unnest(tags) = 'pg') FROM srf_posts;

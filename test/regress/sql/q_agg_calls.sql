-- Aggregate calls: how a call that is not a valid aggregate call is reported, and DISTINCT with
-- ORDER BY over arguments that the aggregate's signature casts.
CREATE TABLE tags (id int PRIMARY KEY, post_id int NOT NULL, name varchar(20), weight numeric(4,1));
INSERT INTO tags VALUES (1, 1, 'sql', 1.5), (2, 1, 'postgres', 2.0), (3, 1, 'sql', 1.0),
  (4, 2, 'node', NULL), (5, 2, NULL, 3.0), (6, 2, 'api', 0.5), (7, 3, 'sql', 1.0);

-- DISTINCT + ORDER BY on a varchar argument that string_agg(text, text) casts
SELECT post_id, string_agg(DISTINCT name, ', ' ORDER BY name) FROM tags GROUP BY post_id ORDER BY post_id;
SELECT post_id, string_agg(DISTINCT name, ', ' ORDER BY name DESC) FROM tags GROUP BY post_id ORDER BY post_id;
SELECT array_agg(DISTINCT name ORDER BY name) FROM tags;
SELECT array_agg(DISTINCT weight ORDER BY weight DESC NULLS LAST) FROM tags;
-- an ORDER BY expression that is not an argument is still an error
SELECT string_agg(DISTINCT name, ', ' ORDER BY id) FROM tags;
SELECT string_agg(DISTINCT name, ', ' ORDER BY upper(name)) FROM tags;

-- no such aggregate
SELECT nosuch(*) FROM tags;
SELECT nosuch(DISTINCT name) FROM tags;
SELECT nosuch(name ORDER BY id) FROM tags;
SELECT nosuch(name ORDER BY id, name) FROM tags;
SELECT nosuch(id) FILTER (WHERE id > 1) FROM tags;
-- a plain function with aggregate decoration
SELECT upper(DISTINCT name) FROM tags;
SELECT upper(name ORDER BY id) FROM tags;
SELECT upper(name) FILTER (WHERE id > 1) FROM tags;
SELECT upper(*) FROM tags;
SELECT now(*) FROM tags;
-- an aggregate with the wrong arguments
SELECT sum(name) FROM tags;
SELECT sum(id, post_id ORDER BY id, post_id) FROM tags;
SELECT sum(id ORDER BY id, post_id) FROM tags;
SELECT string_agg(name ORDER BY id, ', ') FROM tags;

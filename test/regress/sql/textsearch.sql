-- Full-text search: tsvector / tsquery types, the default parser, the simple and english
-- configurations, the to_tsvector / to_tsquery family, @@, ranking, headlines, and a blog
-- whose posts carry a generated search column with a GIN index.

-- tsvector input and output
SELECT 'a fat cat sat on a mat and ate a fat rat'::tsvector;
SELECT 'b a c a'::tsvector, ''::tsvector, '   '::tsvector;
SELECT 'a:3 a:1,2 b:2A c:4B,5C,6D,1a'::tsvector;
SELECT 'a:1A a:1B'::tsvector, 'a:1B a:1A a:1'::tsvector;
SELECT $$'it''s' 'a\'b' "x" 'sp ace' back\\slash$$::tsvector;
SELECT 'Foo BAR'::tsvector, 'é z a Z ä'::tsvector, 'aaa bb c dd'::tsvector;
SELECT 'a:16384'::tsvector, 'a:99999'::tsvector;
SELECT 'a:0'::tsvector;
SELECT 'a:-1'::tsvector;
SELECT 'a:'::tsvector;
SELECT 'a:1x'::tsvector;
SELECT $$'abc$$::tsvector;
SELECT 'a:1,'::tsvector;
SELECT 'ab\'::tsvector;
SELECT 'a:1 b:1 a:2'::tsvector = 'b:1 a:1,2'::tsvector;
SELECT 'a'::tsvector < 'b'::tsvector, 'a b'::tsvector < 'a'::tsvector, 'a:1'::tsvector < 'a'::tsvector, 'a:1A'::tsvector < 'a:1'::tsvector;
SELECT pg_typeof('a'::tsvector), 'a b'::text::tsvector, 'a:1'::tsvector::text;
SELECT ARRAY['a:1'::tsvector, 'b'], '{a,b}'::tsvector[];

-- tsquery input and output
SELECT 'fat & rat'::tsquery, 'fat & (rat | cat)'::tsquery, 'fat & rat & ! cat'::tsquery;
SELECT 'a & (b & c)'::tsquery, '(a & b) & c'::tsquery, 'a | b & c'::tsquery, '(a | b) & c'::tsquery;
SELECT '!a'::tsquery, '!!a'::tsquery, '!(a & b)'::tsquery, '!(!a)'::tsquery;
SELECT 'a <-> b'::tsquery, 'a <2> b <-> c'::tsquery, 'a <-> (b <-> c)'::tsquery, 'a <0> b'::tsquery;
SELECT 'super:*'::tsquery, 'a:AB'::tsquery, 'a:*BA'::tsquery, 'a:ba*'::tsquery, $$'it''s':A$$::tsquery;
SELECT 'a & b | c <-> !d'::tsquery, '!a <-> b'::tsquery, 'a<->b'::tsquery, 'a&b|c'::tsquery;
SELECT 'a & (b | c) & d'::tsquery, '(a <-> b) & c'::tsquery, 'a <-> (b & c)'::tsquery, '(a|b) <-> (c|d)'::tsquery;
SELECT 'foo-bar'::tsquery, 'A & Ñ'::tsquery, 'a <16384> b'::tsquery;
SELECT 'a <16385> b'::tsquery;
SELECT 'a & '::tsquery;
SELECT '&'::tsquery;
SELECT 'a b'::tsquery;
SELECT '(a'::tsquery;
SELECT 'a)'::tsquery;
SELECT 'a:E'::tsquery;
SELECT 'a & b'::tsquery = 'a & b'::tsquery, 'a & b'::tsquery <> 'b & a'::tsquery;

-- regconfig and regdictionary
SELECT 'english'::regconfig, 'pg_catalog.simple'::regconfig, 'English'::regconfig, 'english'::regconfig::oid;
SELECT 3748::regconfig, 'simple'::regdictionary, 'english_stem'::regdictionary::oid, '{english,simple}'::regconfig[];
SELECT 'xx'::regconfig;
SELECT 'public.english'::regconfig;
SELECT 'nope'::regdictionary;
SELECT format_type('tsvector'::regtype, NULL), format_type(3615, NULL), format_type(3734, NULL), format_type(3643, NULL);
SELECT typname, typcategory, typarray FROM pg_type WHERE oid IN (3614, 3615, 3734, 3769) ORDER BY oid;

-- the default parser
SELECT * FROM ts_token_type('default') ORDER BY tokid;
SELECT * FROM ts_parse('default', '123 - a number');
SELECT alias, token FROM ts_debug('simple', 'foo_bar.com foo_bar first.last@example.com http://x.org/a?b=1&c=2#frag x.org:80 /usr/local/bin/file.txt ~/home file.txt');
SELECT alias, token FROM ts_debug('simple', '3.14 -5 +7 1e10 1.5e-3 v1.2.3 1.2.3 10.0.0.1 abc123 123abc a1-b2 foo-bar-baz foo--bar café-olé 12-abc');
SELECT alias, token FROM ts_debug('simple', '&amp; &#123; <b>bold</b> <a href="x">y</a> <!-- c --> 2024-01-02');
SELECT alias, token FROM ts_debug('simple', 'Ünïcödé naïve 東京 москва-сити über_cool 1.2e 5. .5 x@y ab@cd.ef O''Reilly don''t');
SELECT alias, token FROM ts_debug('simple', 'e.g. www.google.com google.com/foo user@10.0.0.1 C++ C# .NET node.js 3D-printing e-mail AT&T 50% $100 #tag');
SELECT alias, token FROM ts_debug('simple', '<script>var x = 1;</script> after <style>p{}</style> end');
SELECT * FROM ts_debug('english', 'The Quick foxes-jumped over http://x.org/a user@ex.com 3.14 <b>x</b>');

-- dictionaries
SELECT ts_lexize('english_stem', 'stars'), ts_lexize('english_stem', 'a'), ts_lexize('simple', 'Stars');
SELECT w, ts_lexize('english_stem', w) FROM unnest('{generously,communication,university,organization,dying,news,skies,ugly,only,hopping,hoping,agreed,feed,happy,relational,conditional,hesitanci,vietnamization,decisiveness,formaliti,triplicate,electrical,goodness,allowance,adjustable,effective,probate,controll,fluently,commonly,added,ebbed,inned,succeeded,evening,anything,yates,apostrophe''s,o''neill,constructor}'::text[]) AS w ORDER BY w;

-- to_tsvector
SHOW default_text_search_config;
SELECT get_current_ts_config();
SELECT to_tsvector('english', 'The quick brown foxes jumped over the lazy dogs foo-bar user@example.com http://x.org/a 3.14 v1.2.3 café москва');
SELECT to_tsvector('simple', 'The quick brown foxes jumped over the lazy dogs');
SELECT to_tsvector('The Fat Rats ate the fat cat');
SELECT to_tsvector('english', ''), to_tsvector('english', 'the and of'), to_tsvector('english', '  ');
SELECT to_tsvector('english', 'Searching, searched, searches: SEARCH!');
SELECT to_tsvector('english', '{"a": "The Fat rats", "b": ["ate", "cats"], "c": 5}'::jsonb);
SELECT to_tsvector('english', '{"b": "The Fat rats", "a": ["ate", "cats"], "c": "x"}'::json);
SELECT to_tsvector(NULL::text), to_tsvector('english', NULL::text);

-- queries from text
SELECT to_tsquery('english', 'The & Fat & Rats'), to_tsquery('english', 'fat & !rats | cats:*'), to_tsquery('english', 'supernovae:*A & star');
SELECT to_tsquery('english', 'foo-bar'), plainto_tsquery('english', 'The Fat Rats'), phraseto_tsquery('english', 'The Fat Rats');
SELECT phraseto_tsquery('english', 'the cat and the rat'), phraseto_tsquery('english', 'cat and the rat sat');
SELECT to_tsquery('english', 'the');
SELECT to_tsquery('english', 'fat & the');
SELECT plainto_tsquery('english', ''), plainto_tsquery('simple', 'The Fat');
SELECT to_tsquery('english', 'fat <-> the <-> rat'), to_tsquery('english', '(fat | the) & rat');
SELECT to_tsquery('english', 'a &');
SELECT to_tsquery('english', 'fat:ab & cat:*');
SELECT websearch_to_tsquery('english', 'The fat rats'), websearch_to_tsquery('english', '"supernovae stars" -crab');
SELECT websearch_to_tsquery('english', '"sad cat" or "fat rat"'), websearch_to_tsquery('english', 'signal -"segmentation fault"');
SELECT websearch_to_tsquery('english', '""" )( dummy \\ query <->');
SELECT websearch_to_tsquery('english', 'or'), websearch_to_tsquery('english', 'cat or');
SELECT websearch_to_tsquery('english', '-'), websearch_to_tsquery('english', 'a - b'), websearch_to_tsquery('simple', 'oracle OR postgres orange');
SELECT websearch_to_tsquery('simple', 'cats ORdinary or dogs'), websearch_to_tsquery('english', 'C++ & "node.js"');

-- matching
SELECT to_tsvector('english', 'a fat cat sat on a mat') @@ to_tsquery('english', 'cat & rat') AS no_rat,
       to_tsvector('english', 'a fat cat sat on a mat') @@ to_tsquery('english', 'cat & !rat') AS not_rat;
SELECT 'fat cats ate rats' @@ 'cat & rat'::tsquery, 'fat cats ate fat rats'::text @@ 'fat rat'::text;
SELECT to_tsquery('english', 'fat & cat') @@ to_tsvector('english', 'a fat cat'), 'a:1 b:2'::tsvector @@@ 'a & b'::tsquery;
SELECT to_tsvector('english', 'a fat cat sat on a mat') @@ 'fat <-> cat'::tsquery AS adjacent,
       to_tsvector('english', 'a fat cat sat on a mat') @@ 'cat <-> fat'::tsquery AS reversed,
       to_tsvector('english', 'a fat cat sat on a mat') @@ 'fat <2> sat'::tsquery AS two_apart,
       to_tsvector('english', 'a fat cat sat on a mat') @@ 'fat <-> (cat | dog)'::tsquery AS alternatives;
SELECT strip(to_tsvector('english', 'a fat cat')) @@ 'fat <-> cat', strip(to_tsvector('english', 'a fat cat')) @@ 'fat & cat';
SELECT 'supernova:1A star:2B'::tsvector @@ 'super:*'::tsquery, 'supernova:1A star:2B'::tsvector @@ 'star:A'::tsquery, 'supernova:1A star:2B'::tsvector @@ 'star:AB'::tsquery;
SELECT 'a:1 b:3 c:4'::tsvector @@ 'a <2> b'::tsquery, 'a:1 b:3 c:4'::tsvector @@ 'a <-> !b'::tsquery, 'a:1 b:3 c:4'::tsvector @@ '!a <-> c'::tsquery;
SELECT 'a:1 b:2 c:3'::tsvector @@ 'a <-> b <-> c'::tsquery, 'a:1 b:2 c:3'::tsvector @@ 'a <-> (b <-> c)'::tsquery, 'a:1 b:2 c:3'::tsvector @@ '(a <-> b) & c'::tsquery;
SELECT 'a b'::tsvector @@ plainto_tsquery('english', 'the');
SELECT to_tsvector('english', 'a fat cat') @@ plainto_tsquery('english', 'the');

-- tsvector functions and operators
SELECT length('a:1 b c:1,2'::tsvector), length(''::tsvector), strip('a:1A b:2 c'::tsvector);
SELECT setweight('a:1 b:2,3C c'::tsvector, 'a'), setweight('a:1 b:2,3C c'::tsvector, 'b', '{b,c}'), setweight('a:1'::tsvector, 'D');
SELECT setweight('a:1 b:2'::tsvector, 'x');
SELECT 'a:1 b:2'::tsvector || 'b:1 c:3'::tsvector, 'a b'::tsvector || 'c:1'::tsvector, 'a:1 b:2'::tsvector || 'c d'::tsvector;
SELECT setweight(to_tsvector('english', 'The Title'), 'A') || setweight(to_tsvector('english', 'the body of the post'), 'D');
SELECT tsvector_to_array('b:1 a c'), array_to_tsvector('{c,a,b,a}');
SELECT array_to_tsvector('{a,NULL}');
SELECT array_to_tsvector('{a,""}');
SELECT ts_delete('a:1 b:2 c:3'::tsvector, 'b'), ts_delete('a:1 b:2 c:3'::tsvector, '{a,c,x}');
SELECT ts_filter('a:1A b:2B c:3 d'::tsvector, '{a,d}'), ts_filter('a:1A,2B b:3C'::tsvector, '{b}');
SELECT * FROM unnest('a:1A,2 b c:3'::tsvector);
SELECT lexeme, positions FROM unnest(to_tsvector('english', 'the cats chased the other cats')) ORDER BY lexeme;

-- tsquery functions and operators
SELECT numnode('a & b | c'::tsquery), numnode(plainto_tsquery('the any')), numnode(to_tsquery('english', 'a'));
SELECT querytree('a & !b'::tsquery), querytree('!a'::tsquery), querytree(to_tsquery('!defined')), querytree('a | !b'::tsquery);
SELECT 'a & b'::tsquery && 'c'::tsquery, 'a'::tsquery || 'b | c'::tsquery, !! 'a & b'::tsquery, !! 'a'::tsquery;
SELECT 'a'::tsquery <-> 'b & c'::tsquery, tsquery_phrase('a', 'b'), tsquery_phrase('a', 'b', 3), tsquery_phrase('a <-> b', 'c', 2);
SELECT to_tsquery('english', 'fat') && to_tsquery('english', 'rats'), to_tsquery('english', 'fat') || to_tsquery('english', 'rats');
SELECT 'a & b'::tsquery @> 'a'::tsquery, 'a'::tsquery <@ 'a & b'::tsquery, 'a'::tsquery @> 'a & b'::tsquery;
SELECT tsquery_phrase('a', 'b', -1);

-- ranking
SELECT ts_rank(to_tsvector('english', 'a fat cat sat on a mat and ate a fat rat'), to_tsquery('english', 'fat & rat')) AS rank_and,
       ts_rank(to_tsvector('english', 'a fat cat sat on a mat and ate a fat rat'), to_tsquery('english', 'fat | rat')) AS rank_or;
SELECT ts_rank_cd(to_tsvector('english', 'a fat cat sat on a mat and ate a fat rat'), to_tsquery('english', 'fat & rat')) AS cd_and,
       ts_rank_cd(to_tsvector('english', 'a fat cat sat on a mat and ate a fat rat'), to_tsquery('english', 'fat | rat')) AS cd_or;
SELECT ts_rank('{0.1,0.2,0.4,1.0}', setweight(to_tsvector('english', 'fat cat'), 'A') || to_tsvector('english', 'the rat sat on a fat mat'), to_tsquery('english', 'fat & mat'), 1);
SELECT ts_rank(to_tsvector('english', 'fat cat rat'), to_tsquery('english', 'cat'), 32), ts_rank_cd(to_tsvector('english', 'fat cat rat fat cat'), to_tsquery('english', 'cat & fat'), 2|4|8|16|32);
SELECT n, ts_rank(to_tsvector('english', 'fat cats chase fat rats all day long'), to_tsquery('english', 'fat & rat'), n) FROM generate_series(0, 32) AS n WHERE n IN (0, 1, 2, 4, 8, 16, 32) ORDER BY n;
SELECT n, ts_rank_cd(to_tsvector('english', 'fat cats chase fat rats all day long'), to_tsquery('english', 'fat & rat'), n) FROM generate_series(0, 32) AS n WHERE n IN (0, 1, 2, 4, 8, 16, 32) ORDER BY n;
SELECT ts_rank('{0.1,0.2,0.4,1.0}', 'a:1A b:2B c:3C d:4'::tsvector, 'a | b | c | d'::tsquery), ts_rank('{1,1,1,1}', 'a:1A b:2B c:3C d:4'::tsvector, 'a | b | c | d'::tsquery);
SELECT ts_rank(strip(to_tsvector('english', 'fat cat rat')), to_tsquery('english', 'cat & rat')), ts_rank(''::tsvector, 'a'::tsquery), ts_rank('a'::tsvector, plainto_tsquery('simple', ''));
SELECT ts_rank('{0.1,0.2}', 'a'::tsvector, 'a'::tsquery);
SELECT ts_rank('{0.1,0.2,0.4,2.0}', 'a'::tsvector, 'a'::tsquery);
SELECT ts_rank('{0.1,0.2,NULL,1.0}', 'a'::tsvector, 'a'::tsquery);

-- headlines
SELECT ts_headline('english', 'The most common type of search is to find all documents containing given query terms and return them in order of their similarity to the query.', to_tsquery('english', 'query & similarity'));
SELECT ts_headline('english', 'The most common type of search is to find all documents containing given query terms and return them in order of their similarity to the query.', to_tsquery('english', 'search & term'), 'MaxWords=10, MinWords=5, StartSel=<<, StopSel=>>');
SELECT ts_headline('english', 'Search terms may occur many times in a document, requiring ranking of the search matches to decide which occurrences to display in the result.', to_tsquery('english', 'search & occur'), 'MaxFragments=10, MaxWords=7, MinWords=3, StartSel=<<, StopSel=>>');
SELECT ts_headline('simple', 'foo bar baz', 'bar'::tsquery, 'HighlightAll=true'), ts_headline('english', 'nothing here matches at all', 'zebra'::tsquery);
SELECT ts_headline('english', '<p>The <b>quick</b> brown fox</p>', to_tsquery('english', 'fox'));
SELECT ts_headline('english', '<p>The <b>quick</b> brown fox</p>', to_tsquery('english', 'fox'), 'HighlightAll=true');
SELECT ts_headline('The quick brown fox jumps over the lazy dog', to_tsquery('fox | dog'), 'StartSel="<em>", StopSel="</em>", ShortWord=2');
SELECT ts_headline('english', 'x', 'x'::tsquery, 'MinWords=50');
SELECT ts_headline('english', 'x', 'x'::tsquery, 'Foo=1');

-- a blog: posts with a generated, weighted search column and a GIN index
CREATE TABLE authors (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (
  id int PRIMARY KEY,
  author_id int NOT NULL REFERENCES authors,
  title text NOT NULL,
  body text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  published boolean NOT NULL DEFAULT true,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', body), 'D')
  ) STORED
);
CREATE INDEX posts_search_idx ON posts USING gin (search);
CREATE INDEX posts_body_fts_idx ON posts USING gin (to_tsvector('english', body));
CREATE INDEX posts_title_gist ON posts USING gist (to_tsvector('simple', title));
INSERT INTO authors VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Linus');
INSERT INTO posts (id, author_id, title, body, tags) VALUES
  (1, 1, 'Full-text search in PostgreSQL', 'PostgreSQL ships a powerful full-text search engine: documents become tsvectors, queries become tsqueries, and the @@ operator matches them.', '{postgres,search}'),
  (2, 2, 'Indexing tips for busy databases', 'A GIN index makes searching large tables fast. Searching without an index scans every row.', '{postgres,performance}'),
  (3, 1, 'Ranking search results', 'ts_rank and ts_rank_cd order matching documents by relevance; weights let titles count more than bodies.', '{search,ranking}'),
  (4, 3, 'Cats and their owners', 'My cat sat on the mat. Cats are independent animals; dogs are loyal.', '{pets}'),
  (5, 2, 'Searching logs with grep', 'Before databases, we searched log files with grep and regular expressions.', '{unix,logs}'),
  (6, 3, 'A draft about phrase search', 'Phrase search finds words next to each other, like "full text" or "search engine".', '{search,draft}');
UPDATE posts SET published = false WHERE id = 6;
SELECT id, search FROM posts ORDER BY id;
SELECT id, title FROM posts WHERE search @@ to_tsquery('english', 'search') ORDER BY id;
SELECT id, title FROM posts WHERE search @@ to_tsquery('english', 'search & !postgres') ORDER BY id;
SELECT id, title FROM posts WHERE search @@ to_tsquery('english', 'index:*') ORDER BY id;
SELECT id, title FROM posts WHERE search @@ to_tsquery('english', 'search:A') ORDER BY id;
SELECT id, title FROM posts WHERE search @@ phraseto_tsquery('english', 'search engine') ORDER BY id;
SELECT id, title FROM posts WHERE to_tsvector('english', body) @@ to_tsquery('english', 'cat & dog') ORDER BY id;
SELECT id, title, ts_rank(search, q) AS rank
  FROM posts, websearch_to_tsquery('english', 'postgres search') AS q
 WHERE published AND search @@ q
 ORDER BY rank DESC, id
 LIMIT 3;
SELECT id, ts_rank_cd(search, q) AS rank
  FROM posts, to_tsquery('english', 'search | index') AS q
 WHERE search @@ q
 ORDER BY rank DESC, id;
SELECT id, ts_rank(search, q, 1) AS rank
  FROM posts, plainto_tsquery('english', 'searching databases') AS q
 WHERE search @@ q
 ORDER BY rank DESC, id;
SELECT p.id, a.name, ts_headline('english', p.body, q, 'MaxWords=12, MinWords=4') AS snippet
  FROM posts p JOIN authors a ON a.id = p.author_id, websearch_to_tsquery('english', 'searching -grep') AS q
 WHERE p.search @@ q
 ORDER BY ts_rank(p.search, q) DESC, p.id;
SELECT id, ts_headline('english', title, q, 'HighlightAll=true') FROM posts, to_tsquery('english', 'search') q WHERE search @@ q ORDER BY id;
SELECT a.name, count(*) AS hits
  FROM posts p JOIN authors a ON a.id = p.author_id
 WHERE p.search @@ websearch_to_tsquery('english', 'search or cats')
 GROUP BY a.name ORDER BY hits DESC, a.name;
SELECT id, title FROM posts WHERE search @@ to_tsquery('english', 'search') AND tags @> '{postgres}' ORDER BY id;
SELECT id, ts_rank(setweight(to_tsvector('english', array_to_string(tags, ' ')), 'B') || search, q) AS rank
  FROM posts, to_tsquery('english', 'search') AS q
 WHERE search @@ q
 ORDER BY rank DESC, id;
CREATE TABLE bad_tags (tags text[], search tsvector GENERATED ALWAYS AS (to_tsvector('english', array_to_string(tags, ' '))) STORED);
SELECT id FROM posts WHERE search @@ to_tsquery('english', 'cat <-> sat <-> mat') ORDER BY id;
SELECT id FROM posts WHERE search @@ to_tsquery('english', 'cat <3> mat') ORDER BY id;
SELECT id, title FROM posts WHERE title @@ 'searching' ORDER BY id;
SELECT word, count(*) FROM posts, unnest(tsvector_to_array(search)) AS word GROUP BY word HAVING count(*) > 2 ORDER BY count(*) DESC, word;
PREPARE find_posts(text) AS
  SELECT id, title FROM posts WHERE search @@ websearch_to_tsquery('english', $1) ORDER BY ts_rank(search, websearch_to_tsquery('english', $1)) DESC, id;
EXECUTE find_posts('"full text" search');
EXECUTE find_posts('cats -dogs');
EXECUTE find_posts('grep OR "phrase search"');
UPDATE posts SET title = 'Full-text search in PostgreSQL 18' WHERE id = 1 RETURNING id, search @@ to_tsquery('english', '18') AS has_18;
UPDATE posts SET search = 'x' WHERE id = 1;
SELECT id, length(search), numnode(to_tsquery('english', title)) FROM posts ORDER BY id;
SELECT id FROM posts ORDER BY search DESC, id LIMIT 2;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'posts' ORDER BY indexname;
CREATE TABLE bad_posts (body text, search tsvector GENERATED ALWAYS AS (to_tsvector(body)) STORED);
CREATE INDEX ON posts USING gin (to_tsvector(body));
CREATE INDEX ON posts USING gin (title);
CREATE UNIQUE INDEX ON posts USING gin (search);

-- default_text_search_config drives the forms without a configuration
SET default_text_search_config = 'simple';
SHOW default_text_search_config;
SELECT to_tsvector('The cats'), to_tsquery('The & cats'), get_current_ts_config(), 'The cats'::text @@ 'cats'::text;
SET default_text_search_config = 'pg_catalog.english';
SELECT to_tsvector('The cats'), plainto_tsquery('The cats');
SET default_text_search_config = 'nope';
RESET default_text_search_config;
SHOW default_text_search_config;

-- a configuration of one's own
CREATE TEXT SEARCH CONFIGURATION blog_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION blog_english DROP MAPPING FOR email, url, url_path, host, file;
ALTER TEXT SEARCH CONFIGURATION blog_english ALTER MAPPING FOR int, uint WITH simple;
SELECT to_tsvector('blog_english', 'Mail admin@example.com about https://example.com/docs, 42 times'), to_tsvector('english', 'Mail admin@example.com about https://example.com/docs, 42 times');
SELECT 'blog_english'::regconfig, 'public.blog_english'::regconfig::oid >= 16384, 'blog_english'::regconfig = 'english'::regconfig;
CREATE TEXT SEARCH CONFIGURATION plain_words (PARSER = default);
SELECT to_tsvector('plain_words', 'The cats');
ALTER TEXT SEARCH CONFIGURATION plain_words ADD MAPPING FOR asciiword, word WITH english_stem;
ALTER TEXT SEARCH CONFIGURATION plain_words ALTER MAPPING FOR asciiword WITH simple, english_stem;
SELECT to_tsvector('plain_words', 'The cats 123'), to_tsquery('plain_words', 'The & cats');
ALTER TEXT SEARCH CONFIGURATION plain_words ALTER MAPPING REPLACE english_stem WITH simple;
SELECT maptokentype, mapseqno, mapdict::regdictionary FROM pg_ts_config_map WHERE mapcfg = 'plain_words'::regconfig ORDER BY 1, 2;
SELECT cfgname FROM pg_ts_config WHERE cfgnamespace = 'public'::regnamespace ORDER BY 1;
CREATE TEXT SEARCH CONFIGURATION bad_cfg (COPY = nosuch);
CREATE TEXT SEARCH CONFIGURATION bad_cfg (PARSER = default, COPY = english);
CREATE TEXT SEARCH CONFIGURATION bad_cfg (PARSER = nosuch);
CREATE TEXT SEARCH CONFIGURATION bad_cfg (foo = bar);
ALTER TEXT SEARCH CONFIGURATION plain_words ALTER MAPPING FOR nosuch WITH simple;
ALTER TEXT SEARCH CONFIGURATION plain_words ALTER MAPPING FOR word WITH nosuch;
ALTER TEXT SEARCH CONFIGURATION plain_words DROP MAPPING FOR email;
ALTER TEXT SEARCH CONFIGURATION plain_words DROP MAPPING IF EXISTS FOR email;
ALTER TEXT SEARCH CONFIGURATION nosuch ADD MAPPING FOR word WITH simple;
CREATE TABLE notes (body text, search tsvector GENERATED ALWAYS AS (to_tsvector('blog_english', body)) STORED);
CREATE INDEX notes_body_idx ON notes USING gin (to_tsvector('blog_english', body));
INSERT INTO notes (body) VALUES ('Write to admin@example.com'), ('Cats and dogs');
SELECT body, search FROM notes ORDER BY body;
SELECT indexdef FROM pg_indexes WHERE indexname = 'notes_body_idx';
DROP TEXT SEARCH CONFIGURATION blog_english;
DROP TABLE notes;
DROP TEXT SEARCH CONFIGURATION blog_english;
DROP TEXT SEARCH CONFIGURATION blog_english;
DROP TEXT SEARCH CONFIGURATION IF EXISTS blog_english, plain_words;
DROP TEXT SEARCH CONFIGURATION simple;
BEGIN;
CREATE TEXT SEARCH CONFIGURATION scratch_cfg (COPY = simple);
SELECT to_tsvector('scratch_cfg', 'The Cats');
ROLLBACK;
SELECT 'scratch_cfg'::regconfig;
CREATE TEXT SEARCH DICTIONARY english_simple (TEMPLATE = simple, STOPWORDS = english);

-- catalogs
SELECT oid, cfgname, cfgnamespace, cfgparser FROM pg_ts_config WHERE cfgname IN ('simple', 'english') ORDER BY oid;
SELECT oid, dictname, dicttemplate, dictinitoption FROM pg_ts_dict WHERE dictname IN ('simple', 'english_stem') ORDER BY oid;
SELECT oid, prsname, prsnamespace FROM pg_ts_parser;
SELECT oid, tmplname FROM pg_ts_template ORDER BY oid;
SELECT maptokentype, mapseqno, mapdict::regdictionary FROM pg_ts_config_map WHERE mapcfg = 'english'::regconfig ORDER BY maptokentype;
SELECT count(*) FROM pg_ts_config;
SELECT c.cfgname, t.alias, d.dictname
  FROM pg_ts_config_map m
  JOIN pg_ts_config c ON c.oid = m.mapcfg
  JOIN ts_token_type('default') t ON t.tokid = m.maptokentype
  JOIN pg_ts_dict d ON d.oid = m.mapdict
 WHERE c.cfgname = 'english' AND t.alias LIKE '%word'
 ORDER BY t.alias;

-- errors and NULLs
SELECT to_tsvector('nosuch', 'x');
SELECT to_tsquery('english', NULL), ts_rank(NULL, 'a'), setweight(NULL, 'A'), NULL::tsvector @@ 'a'::tsquery;
SELECT 'a'::tsvector @@ NULL::tsquery, length(NULL::tsvector), strip(NULL);
SELECT ts_lexize('simple', NULL);
DROP TABLE posts;
DROP TABLE authors;

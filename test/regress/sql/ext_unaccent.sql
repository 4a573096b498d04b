-- unaccent: accent-insensitive search of customers and places, alone and with text search.
SELECT unaccent('Hôtel');
CREATE EXTENSION unaccent;
SELECT extname, extversion FROM pg_extension WHERE extname = 'unaccent';
SELECT name, default_version, installed_version, comment FROM pg_available_extensions WHERE name = 'unaccent';
SELECT dictname, dictnamespace::regnamespace, dictinitoption FROM pg_ts_dict WHERE dictname = 'unaccent';
SELECT tmplname, tmplnamespace::regnamespace FROM pg_ts_template WHERE tmplname = 'unaccent';
SELECT p.oid::regprocedure, provolatile, proisstrict FROM pg_proc p WHERE proname = 'unaccent' ORDER BY p.oid::regprocedure::text;

SELECT unaccent('Hôtel Crème Brûlée');
SELECT unaccent('ÀÁÂÃÄÅ Æ Ç ÈÉÊË ÌÍÎÏ Ð Ñ ÒÓÔÕÖ Ø ÙÚÛÜ Ý Þ ß àáâãäå æ ç');
SELECT unaccent('Łódź Żółć Ščřž Ğüş İı Ăâ Ţţ Őű Ħ ŀ ŉ');
SELECT unaccent('½ ¼ ¾ © ® ™ ℃ № «quoted» “double” ‘single’ … – —');
SELECT unaccent(E'e\u0301 a\u0308 n\u0303'), length(unaccent(E'e\u0301'));
SELECT unaccent('ﬁ ﬂ ﬀ Œuvre œuf ĳ Ǆ'), unaccent('Ωμέγα Привет 東京');
SELECT unaccent('plain ascii 123'), unaccent(''), unaccent(NULL);
SELECT unaccent('unaccent', 'Crème'), unaccent('unaccent'::regdictionary, 'Ça va'), unaccent('simple', 'ÀBC');
SELECT ts_lexize('unaccent', 'Hôtel'), ts_lexize('unaccent', 'Hotel'), ts_lexize('unaccent', 'ÉCOLE');
SELECT 'unaccent'::regdictionary, 'public.unaccent'::regdictionary;

CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, city text NOT NULL);
INSERT INTO customers VALUES
  (1, 'José Álvarez', 'São Paulo'),
  (2, 'Jose Alvarez', 'Sao Paulo'),
  (3, 'François Müller', 'Zürich'),
  (4, 'Francois Muller', 'Zurich'),
  (5, 'Zoë Saldaña', 'Bogotá'),
  (6, 'Søren Kierkegaard', 'København'),
  (7, 'Łukasz Żak', 'Łódź'),
  (8, 'Ana María', 'Málaga');
SELECT id, name FROM customers WHERE unaccent(name) ILIKE unaccent('%jose alv%') ORDER BY id;
SELECT id, city FROM customers WHERE lower(unaccent(city)) = lower(unaccent('ZURICH')) ORDER BY id;
SELECT unaccent(city) AS city, count(*) FROM customers GROUP BY 1 ORDER BY 1;
SELECT id, name FROM customers ORDER BY unaccent(name), id;

-- The usual immutable wrapper, so the expression can be indexed.
CREATE INDEX customers_unaccent_bad ON customers (unaccent(name));
CREATE FUNCTION f_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
CREATE INDEX customers_name_unaccent ON customers (lower(f_unaccent(name)));
SELECT id FROM customers WHERE lower(f_unaccent(name)) = lower(f_unaccent('FRANÇOIS MÜLLER')) ORDER BY id;
SELECT f_unaccent(NULL), f_unaccent('Crème');

-- Full-text search that ignores accents.
CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION simple_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
SELECT to_tsvector('simple_unaccent', 'Crème brûlée à São Paulo');
SELECT to_tsvector('simple_unaccent', 'Crème brûlée') @@ to_tsquery('simple_unaccent', 'creme & brulee');
SELECT to_tsquery('simple_unaccent', 'Brûlée | Zürich');
SELECT id, name FROM customers WHERE to_tsvector('simple_unaccent', name || ' ' || city) @@ plainto_tsquery('simple_unaccent', 'sao paulo') ORDER BY id;
SELECT ts_headline('simple_unaccent', 'Crème brûlée à São Paulo', to_tsquery('simple_unaccent', 'creme'));
SELECT alias, token, dictionaries, dictionary, lexemes FROM ts_debug('simple_unaccent', 'Café au lait');
CREATE TEXT SEARCH CONFIGURATION only_unaccent (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION only_unaccent ALTER MAPPING FOR word, asciiword WITH unaccent;
SELECT to_tsvector('only_unaccent', 'Hôtel Hotel');
SELECT cfgname FROM pg_ts_config c JOIN pg_ts_config_map m ON m.mapcfg = c.oid JOIN pg_ts_dict d ON d.oid = m.mapdict
  WHERE d.dictname = 'unaccent' GROUP BY cfgname ORDER BY 1;

-- Errors and DROP EXTENSION.
SELECT unaccent(1);
SELECT unaccent('no_such_dict', 'x');
DROP EXTENSION unaccent;
DROP TEXT SEARCH CONFIGURATION simple_unaccent;
DROP TEXT SEARCH CONFIGURATION only_unaccent;
DROP INDEX customers_name_unaccent;
DROP FUNCTION f_unaccent(text);
DROP EXTENSION unaccent;
SELECT unaccent('é');
SELECT ts_lexize('unaccent', 'é');
CREATE SCHEMA extensions;
CREATE EXTENSION unaccent SCHEMA extensions;
SELECT extensions.unaccent('Ça');
SELECT extensions.unaccent('extensions.unaccent', 'Ça');
SELECT ts_lexize('extensions.unaccent', 'Ça');
DROP EXTENSION unaccent;

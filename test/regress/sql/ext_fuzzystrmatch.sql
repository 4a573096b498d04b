-- fuzzystrmatch: duplicate detection and typo-tolerant lookup of customers.
SELECT levenshtein('kitten', 'sitting');
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
SELECT extname, extversion FROM pg_extension WHERE extname = 'fuzzystrmatch';
SELECT name, default_version, installed_version, comment FROM pg_available_extensions WHERE name = 'fuzzystrmatch';
SELECT p.oid::regprocedure, provolatile, proisstrict FROM pg_proc p
  WHERE proname IN ('levenshtein', 'levenshtein_less_equal', 'soundex', 'difference', 'metaphone') ORDER BY p.oid::regprocedure::text;

SELECT levenshtein('kitten', 'sitting'), levenshtein('', 'abc'), levenshtein('abc', ''), levenshtein('', ''), levenshtein('same', 'same');
SELECT levenshtein('kitten', 'sitting', 1, 1, 1), levenshtein('kitten', 'sitting', 2, 3, 4), levenshtein('abc', 'abd', 1, 1, 5), levenshtein('', 'abc', 7, 1, 1);
SELECT levenshtein('café', 'cafe'), levenshtein('東京', '京都'), levenshtein('naïve', 'naive'), levenshtein('😀a', 'a😀');
SELECT levenshtein_less_equal('kitten', 'sitting', 2), levenshtein_less_equal('kitten', 'sitting', 3), levenshtein_less_equal('kitten', 'sitting', 10), levenshtein_less_equal('kitten', 'sitting', -1);
SELECT levenshtein_less_equal('extensive', 'exhaustive', 2), levenshtein_less_equal('extensive', 'exhaustive', 4), levenshtein_less_equal('abcdefgh', 'hgfedcba', 1);
SELECT levenshtein_less_equal('kitten', 'sitting', 2, 3, 4, 5), levenshtein_less_equal('kitten', 'sitting', 1, 1, 1, 0), levenshtein_less_equal('ab', 'abcdef', 2, 1, 1, 3);
SELECT soundex('Robert'), soundex('Rupert'), soundex('Rubin'), soundex('Ashcraft'), soundex('Tymczak'), soundex('Pfister');
SELECT soundex(''), soundex('123'), soundex('  o''Brien'), soundex('Müller'), soundex('x'), soundex('Lee');
SELECT difference('Robert', 'Rupert'), difference('Smith', 'Smythe'), difference('Anne', 'Zorro'), difference('', '');
SELECT metaphone('Thompson', 10), metaphone('knight', 5), metaphone('Schwarzenegger', 6), metaphone('Xavier', 4), metaphone('wright', 4);
SELECT metaphone('character', 8), metaphone('science', 8), metaphone('dodge', 8), metaphone('laugh', 8), metaphone('gnome', 8), metaphone('Phillip', 8);
SELECT metaphone('', 4), metaphone('123', 4), metaphone('Ærø Ørsted', 8), metaphone('whisky', 1);

CREATE TABLE customers (id int PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL, email text);
INSERT INTO customers VALUES
  (1, 'Jonathan', 'Smith', 'jon@example.com'),
  (2, 'Johnathan', 'Smyth', 'jsmyth@example.com'),
  (3, 'Catherine', 'Johnson', 'cathy@example.com'),
  (4, 'Katherine', 'Jonson', NULL),
  (5, 'Stephen', 'Meyer', 'steve@example.com'),
  (6, 'Steven', 'Maier', 'steven@example.com'),
  (7, 'Zoë', 'Müller', 'zoe@example.com'),
  (8, 'Zoe', 'Mueller', NULL);
-- Likely duplicates: similar names by edit distance and by sound.
SELECT a.id, b.id, levenshtein(a.first_name || ' ' || a.last_name, b.first_name || ' ' || b.last_name) AS dist
  FROM customers a JOIN customers b ON a.id < b.id
  WHERE levenshtein_less_equal(lower(a.first_name || ' ' || a.last_name), lower(b.first_name || ' ' || b.last_name), 3) <= 3
  ORDER BY a.id, b.id;
SELECT a.id, b.id FROM customers a JOIN customers b ON a.id < b.id
  WHERE soundex(a.last_name) = soundex(b.last_name) AND difference(a.first_name, b.first_name) >= 3 ORDER BY a.id, b.id;
SELECT id, last_name, soundex(last_name), metaphone(last_name, 4) FROM customers ORDER BY id;
SELECT id FROM customers WHERE levenshtein(lower(first_name), 'jonathon') <= 2 ORDER BY id;
SELECT id, first_name FROM customers ORDER BY levenshtein(first_name, 'Stefan'), id LIMIT 3;
CREATE INDEX customers_soundex ON customers (soundex(last_name));
CREATE TABLE leads (id int PRIMARY KEY, name text, name_code text DEFAULT soundex('none'), CHECK (levenshtein(name, 'test') > 0));
SELECT id FROM customers WHERE soundex(last_name) = soundex('Smithe') ORDER BY id;

-- Errors.
SELECT levenshtein(repeat('a', 256), 'a');
SELECT levenshtein('a', repeat('b', 300), 1, 1, 1);
SELECT levenshtein_less_equal(repeat('a', 256), 'a', 1);
SELECT levenshtein(repeat('é', 255), 'e') > 0;
SELECT metaphone(repeat('a', 256), 4);
SELECT metaphone('abc', 256);
SELECT metaphone('abc', 0);
SELECT levenshtein(1, 2);
SELECT levenshtein(NULL, 'a'), soundex(NULL), metaphone(NULL, 4), metaphone('a', NULL);

-- Double Metaphone and Daitch-Mokotoff.
SELECT dmetaphone('Thompson'), dmetaphone_alt('Thompson');
SELECT daitch_mokotoff('Peters');

DROP EXTENSION fuzzystrmatch;
DROP INDEX customers_soundex;
DROP TABLE leads;
DROP EXTENSION fuzzystrmatch;
SELECT soundex('Robert');
SELECT levenshtein('a', 'b');

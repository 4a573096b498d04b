-- Collations by name: the database default (ICU en-US), C / POSIX / C.utf8 / builtin ones, and
-- ICU collations of other languages, on columns and in expressions; names that do not exist.
CREATE TABLE names (id int PRIMARY KEY, name text, name_sv text COLLATE "sv-x-icu", name_c text COLLATE "C", name_de text COLLATE "de-x-icu");
INSERT INTO names VALUES (1, 'zebra', 'zebra', 'zebra', 'zebra'), (2, 'ärlig', 'ärlig', 'ärlig', 'ärlig'), (3, 'Apple', 'Apple', 'Apple', 'Apple'), (4, 'apple', 'apple', 'apple', 'apple'), (5, 'Örn', 'Örn', 'Örn', 'Örn'), (6, 'öl', 'öl', 'öl', 'öl');
SELECT string_agg(name, ' ' ORDER BY name, id) FROM names;
SELECT string_agg(name_sv, ' ' ORDER BY name_sv, id) FROM names;
SELECT string_agg(name_c, ' ' ORDER BY name_c, id) FROM names;
SELECT string_agg(name_de, ' ' ORDER BY name_de, id) FROM names;
SELECT string_agg(name, ' ' ORDER BY name COLLATE "sv-SE-x-icu", id) FROM names;
SELECT string_agg(name, ' ' ORDER BY name COLLATE "C.utf8", id) FROM names;
SELECT string_agg(name, ' ' ORDER BY name COLLATE "pg_c_utf8", id) FROM names;
SELECT string_agg(name, ' ' ORDER BY name COLLATE "unicode", id) FROM names;
SELECT string_agg(name, ' ' ORDER BY name COLLATE "ucs_basic", id) FROM names;
SELECT 'ö' < 'z' AS en, 'ö' COLLATE "sv-x-icu" < 'z' AS sv, 'ö' COLLATE "de-x-icu" < 'z' AS de;
SELECT max(name_sv), min(name_sv) FROM names;
SELECT name_sv FROM names WHERE name_sv > 'z' ORDER BY id;
CREATE TABLE bad1 (name text COLLATE "fr-FR");
CREATE TABLE bad2 (name text COLLATE "en_US.utf8");
CREATE TABLE bad3 (name text COLLATE "nope-x-icu");
SELECT 'a' COLLATE "sv-SE" < 'b';
SELECT 'a' COLLATE "en_US" < 'b';
SELECT 'a' COLLATE "fr-FR-x-icu" < 'b';
SELECT 1 COLLATE "C";
CREATE TYPE person_name AS (given text COLLATE "sv-x-icu", family text COLLATE "fr-FR");
CREATE TYPE person_name AS (given text COLLATE "sv-x-icu", family text);

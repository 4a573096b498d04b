-- Nondeterministic (case- and accent-insensitive) ICU collations: equality, ordering, grouping,
-- DISTINCT, set operations, unique constraints and lookups by the collator.
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION ignore_accents (provider = icu, locale = 'und-u-ks-level1-kc-true', deterministic = false);
CREATE TABLE users (id int PRIMARY KEY, email text COLLATE case_insensitive, city text COLLATE ignore_accents);
INSERT INTO users VALUES (1, 'Ann@Example.com', 'Malmö'), (2, 'bob@example.com', 'Malmo'), (3, 'ANN@example.COM', 'malmo'), (4, 'carl@example.com', 'Zürich'), (5, NULL, NULL);
SELECT id FROM users WHERE email = 'ann@example.com' ORDER BY id;
SELECT id FROM users WHERE email <> 'ann@example.com' ORDER BY id;
SELECT id FROM users WHERE email IN ('BOB@EXAMPLE.COM', 'carl@EXAMPLE.com') ORDER BY id;
SELECT id FROM users WHERE email = ANY (ARRAY['bob@example.COM']) ORDER BY id;
SELECT id FROM users WHERE city = 'Malmo' ORDER BY id;
SELECT id FROM users WHERE city = 'MALMO' ORDER BY id;
SELECT 'abc' = 'ABC' COLLATE case_insensitive AS ci, 'abc' = 'ABC' COLLATE "C" AS c, 'é' = 'e' COLLATE case_insensitive AS accent;
SELECT 'a' < 'B' COLLATE case_insensitive AS lt, 'B' > 'a' COLLATE case_insensitive AS gt;
SELECT count(DISTINCT email) FROM users;
SELECT lower(email) AS e, count(*) FROM users GROUP BY email ORDER BY 1 NULLS LAST;
SELECT count(*) FROM (SELECT DISTINCT email FROM users) s;
SELECT count(*) FROM (SELECT DISTINCT city FROM users) s;
SELECT count(*) FROM (SELECT email FROM users UNION SELECT 'BOB@example.com' COLLATE case_insensitive) s;
SELECT count(*) FROM (SELECT email FROM users INTERSECT SELECT 'CARL@EXAMPLE.COM' COLLATE case_insensitive) s;
SELECT count(*) FROM (SELECT email FROM users EXCEPT SELECT 'ann@example.com' COLLATE case_insensitive) s;
SELECT u1.id, u2.id FROM users u1 JOIN users u2 ON u1.email = u2.email AND u1.id < u2.id ORDER BY 1, 2;
SELECT id FROM users WHERE email = (SELECT 'CARL@example.com') ORDER BY id;
SELECT id, email FROM users ORDER BY email, id;
SELECT min(email) IS NOT NULL AS has_min, max(city) FROM users;
-- unique constraints and indexes use the collation's equality
CREATE TABLE accounts (login text COLLATE case_insensitive PRIMARY KEY, n int);
INSERT INTO accounts VALUES ('Alice', 1);
INSERT INTO accounts VALUES ('ALICE', 2);
INSERT INTO accounts VALUES ('alice', 3) ON CONFLICT (login) DO UPDATE SET n = accounts.n + 10;
SELECT * FROM accounts;
SELECT * FROM accounts WHERE login = 'aLiCe';
DELETE FROM users WHERE id = 3;
CREATE UNIQUE INDEX users_email_key ON users (email);
INSERT INTO users VALUES (6, 'BOB@EXAMPLE.COM', 'x');
-- a domain carries its collation
CREATE DOMAIN ci_text AS text COLLATE case_insensitive;
CREATE TABLE tags (t ci_text);
INSERT INTO tags VALUES ('Red'), ('RED'), ('blue');
SELECT count(DISTINCT t) FROM tags;
SELECT t FROM tags WHERE t = 'red' ORDER BY t COLLATE "C";
-- deterministic ICU options: numeric ordering, upper case first
CREATE COLLATION numeric_order (provider = icu, locale = 'en-u-kn-true');
CREATE COLLATION upper_first (provider = icu, locale = 'und-u-kf-upper');
SELECT string_agg(v, ' ' ORDER BY v COLLATE numeric_order) FROM (VALUES ('a10'), ('a2'), ('a1')) t(v);
SELECT string_agg(v, ' ' ORDER BY v COLLATE upper_first) FROM (VALUES ('b'), ('B'), ('a'), ('A')) t(v);
SELECT 'a' = 'A' COLLATE upper_first AS eq;
-- IN / NOT IN subqueries compare under the collation
CREATE TABLE outer_text (f1 text COLLATE case_insensitive, f2 text);
INSERT INTO outer_text VALUES ('a', 'a'), ('b', 'a'), ('A', NULL), ('B', NULL);
CREATE TABLE inner_text (c1 text COLLATE case_insensitive, c2 text);
INSERT INTO inner_text VALUES ('a', NULL);
SELECT * FROM outer_text WHERE (f1, f2) NOT IN (SELECT * FROM inner_text) ORDER BY f1 COLLATE "C";
SELECT * FROM outer_text WHERE f1 IN (SELECT c1 FROM inner_text) ORDER BY f1 COLLATE "C";
SELECT * FROM outer_text WHERE f1 NOT IN (SELECT c1 FROM inner_text) ORDER BY f1 COLLATE "C";
SELECT (f1, f2) = ('A', 'a') AS eq FROM outer_text ORDER BY f1 COLLATE "C";

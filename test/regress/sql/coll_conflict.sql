-- Which collation an expression uses: explicit COLLATE wins, the default yields to another
-- implicit collation, two different implicit collations conflict (42P21 for a sort key, 42P22
-- for a comparison); case mapping follows a Turkish collation.
CREATE TABLE words (a int, en text COLLATE "en-x-icu", c text COLLATE "C", tr text COLLATE "tr-x-icu", plain text);
INSERT INTO words VALUES (1, 'b', 'B', 'i', 'a'), (2, 'A', 'a', 'I', 'B');
SELECT en < c FROM words;
SELECT en < c COLLATE "C" FROM words ORDER BY a;
SELECT en || c FROM words ORDER BY a;
SELECT a FROM words ORDER BY en || c;
SELECT a FROM words ORDER BY plain || c, a;
SELECT en COLLATE "C" < c COLLATE "en-x-icu" FROM words;
SELECT a, en FROM words UNION SELECT a, c FROM words ORDER BY 2;
SELECT a, en FROM words UNION ALL SELECT a, c FROM words ORDER BY 2;
SELECT a, en COLLATE "C" FROM words UNION ALL SELECT a, c FROM words ORDER BY 1, 2;
SELECT a, en COLLATE "C" FROM words UNION SELECT a, c FROM words ORDER BY 2, 1;
SELECT a, plain FROM words UNION SELECT a, c FROM words ORDER BY 2, 1;
SELECT plain < c AS lt FROM words ORDER BY a;
SELECT a, lower(tr), upper(tr), initcap(tr || 'stanbul'), upper(en) FROM words ORDER BY a;
SELECT lower('DIŞ İÇ' COLLATE "tr-x-icu"), upper('diş iç' COLLATE "tr-x-icu"), upper('diş iç');
SELECT pg_collation_for(en), pg_collation_for(c), pg_collation_for(plain), pg_collation_for(en COLLATE "C") FROM words LIMIT 1;
SELECT 1 COLLATE "C";
CREATE TABLE bad (a int COLLATE "en-x-icu");
CREATE DOMAIN bad_dom AS int COLLATE "C";

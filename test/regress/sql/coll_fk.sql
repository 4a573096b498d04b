-- Foreign keys over nondeterministic collations: both sides must share the collation, and the
-- referenced key is found by the collator.
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION case_sensitive (provider = icu, locale = '');
CREATE TABLE ci_pk (x text COLLATE case_insensitive PRIMARY KEY);
CREATE TABLE cs_fk (x text COLLATE case_sensitive REFERENCES ci_pk (x));
CREATE TABLE plain_fk (x text REFERENCES ci_pk (x));
CREATE TABLE cs_pk (x text COLLATE case_sensitive PRIMARY KEY);
CREATE TABLE ci_fk (x text COLLATE case_insensitive REFERENCES cs_pk (x));
CREATE TABLE ci_child (a int, b text COLLATE case_insensitive REFERENCES ci_pk (x) ON UPDATE NO ACTION);
INSERT INTO ci_pk VALUES ('abc');
INSERT INTO ci_child VALUES (1, 'abc'), (2, 'ABC');
INSERT INTO ci_child VALUES (3, 'xyz');
UPDATE ci_pk SET x = 'ABC' WHERE x = 'abc';
SELECT * FROM ci_pk;
SELECT * FROM ci_child ORDER BY a;
DELETE FROM ci_pk;
DROP TABLE ci_child;
CREATE TABLE ci_child (a int, b text COLLATE case_insensitive REFERENCES ci_pk (x) ON UPDATE RESTRICT);
INSERT INTO ci_child VALUES (1, 'abc'), (2, 'ABC');
UPDATE ci_pk SET x = 'abc';
SELECT * FROM ci_pk;
DROP TABLE ci_child;
CREATE TABLE ci_child (a int, b text COLLATE case_insensitive REFERENCES ci_pk (x) ON UPDATE CASCADE ON DELETE CASCADE);
INSERT INTO ci_child VALUES (1, 'abc'), (2, 'ABC');
DELETE FROM ci_pk WHERE x = 'aBc';
SELECT count(*) FROM ci_child;

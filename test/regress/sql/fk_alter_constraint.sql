-- ALTER TABLE ... ALTER CONSTRAINT on foreign keys: deferrability, enforceability (PG 18's
-- [NOT] ENFORCED), the errors for other constraint kinds, and NOT ENFORCED keys themselves.

CREATE TABLE ac_authors (id int PRIMARY KEY, name text);
CREATE TABLE ac_books (id int PRIMARY KEY, author_id int REFERENCES ac_authors, title text);
INSERT INTO ac_authors VALUES (1, 'Le Guin'), (2, 'Herbert');
INSERT INTO ac_books VALUES (10, 1, 'Earthsea'), (11, 2, 'Dune');

-- make it deferrable, then defer it inside a transaction
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_author_id_fkey DEFERRABLE INITIALLY IMMEDIATE;
SELECT condeferrable, condeferred, conenforced, convalidated FROM pg_constraint WHERE conname = 'ac_books_author_id_fkey';
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ac_books_author_id_fkey';
BEGIN;
SET CONSTRAINTS ac_books_author_id_fkey DEFERRED;
INSERT INTO ac_books VALUES (12, 3, 'Kindred');
INSERT INTO ac_authors VALUES (3, 'Butler');
COMMIT;
SELECT * FROM ac_books ORDER BY id;

-- INITIALLY DEFERRED: the violation shows at COMMIT
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_author_id_fkey INITIALLY DEFERRED;
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_author_id_fkey DEFERRABLE INITIALLY DEFERRED;
BEGIN;
INSERT INTO ac_books VALUES (13, 99, 'Nobody');
SELECT count(*) FROM ac_books;
COMMIT;
SELECT count(*) FROM ac_books;

-- deferred checks pending: ALTER TABLE waits for none of them
BEGIN;
INSERT INTO ac_books VALUES (14, 98, 'Pending');
ALTER TABLE ac_books DROP CONSTRAINT ac_books_author_id_fkey;
ROLLBACK;
BEGIN;
DELETE FROM ac_authors WHERE id = 1;
ALTER TABLE ac_books DROP CONSTRAINT ac_books_author_id_fkey;
ROLLBACK;

-- back to NOT DEFERRABLE: SET CONSTRAINTS refuses it, violations are immediate again
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_author_id_fkey NOT DEFERRABLE;
BEGIN;
SET CONSTRAINTS ac_books_author_id_fkey DEFERRED;
ROLLBACK;
INSERT INTO ac_books VALUES (15, 97, 'Immediate');

-- NOT ENFORCED: nothing is checked, the key is not valid; ENFORCED checks the rows again
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_author_id_fkey NOT ENFORCED;
SELECT condeferrable, condeferred, conenforced, convalidated FROM pg_constraint WHERE conname = 'ac_books_author_id_fkey';
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ac_books_author_id_fkey';
INSERT INTO ac_books VALUES (16, 96, 'Orphan');
DELETE FROM ac_authors WHERE id = 2;
ALTER TABLE ac_books VALIDATE CONSTRAINT ac_books_author_id_fkey;
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_author_id_fkey ENFORCED;
DELETE FROM ac_books WHERE author_id IN (96, 2);
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_author_id_fkey ENFORCED;
SELECT condeferrable, condeferred, conenforced, convalidated FROM pg_constraint WHERE conname = 'ac_books_author_id_fkey';
INSERT INTO ac_books VALUES (17, 95, 'Checked');
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_author_id_fkey NOT ENFORCED NOT DEFERRABLE;
SELECT condeferrable, condeferred, conenforced, convalidated FROM pg_constraint WHERE conname = 'ac_books_author_id_fkey';

-- errors
ALTER TABLE ac_books ALTER CONSTRAINT no_such DEFERRABLE;
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_pkey DEFERRABLE;
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_pkey NOT ENFORCED;
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_author_id_fkey NO INHERIT;
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_author_id_fkey NOT VALID;
ALTER TABLE ac_books ALTER COLUMN title SET NOT NULL;
SELECT conname FROM pg_constraint WHERE conrelid = 'ac_books'::regclass AND contype = 'n';
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_title_not_null NO INHERIT;
SELECT connoinherit FROM pg_constraint WHERE conname = 'ac_books_title_not_null';
ALTER TABLE ac_books ALTER CONSTRAINT ac_books_title_not_null INHERIT;
SELECT connoinherit FROM pg_constraint WHERE conname = 'ac_books_title_not_null';

-- keys created NOT ENFORCED
CREATE TABLE ac_reviews (id int, book_id int REFERENCES ac_books NOT ENFORCED, stars int);
INSERT INTO ac_reviews VALUES (1, 12345, 5);
ALTER TABLE ac_reviews ADD CONSTRAINT ac_reviews_book_fk2 FOREIGN KEY (book_id) REFERENCES ac_books NOT VALID NOT ENFORCED;
SELECT conname, conenforced, convalidated, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'ac_reviews'::regclass ORDER BY conname;
DELETE FROM ac_books;
ALTER TABLE ac_reviews ALTER CONSTRAINT ac_reviews_book_fk2 ENFORCED;
SELECT * FROM ac_reviews;
DROP TABLE ac_reviews, ac_books, ac_authors;

-- column-list actions and key checks
CREATE TABLE ac_pk (tid int, id int, PRIMARY KEY (tid, id));
CREATE TABLE ac_fk (tid int, id int, foo int, FOREIGN KEY (tid, id) REFERENCES ac_pk ON DELETE SET NULL (foo));
CREATE TABLE ac_fk (tid int, id int, foo int, FOREIGN KEY (tid, foo) REFERENCES ac_pk ON UPDATE SET NULL (foo));
CREATE TABLE ac_fk (tid int, id int, FOREIGN KEY (tid, id) REFERENCES ac_pk ON DELETE SET NULL (id, id));
CREATE TABLE ac_fk2 (a int, FOREIGN KEY (tableoid) REFERENCES ac_pk (tid));
CREATE TABLE ac_vc (v varchar(10) PRIMARY KEY, r real UNIQUE);
CREATE TABLE ac_tx (t text REFERENCES ac_vc (v), i int REFERENCES ac_vc (r), n numeric, s smallint);
ALTER TABLE ac_tx ADD FOREIGN KEY (n) REFERENCES ac_vc (r);
SELECT conname FROM pg_constraint WHERE conrelid = 'ac_tx'::regclass ORDER BY conname;
DROP TABLE ac_fk, ac_tx, ac_vc, ac_pk;

-- a self-referencing table updated twice in one transaction (cascades before checks)
CREATE TABLE ac_self (a int PRIMARY KEY, b int REFERENCES ac_self ON UPDATE CASCADE ON DELETE CASCADE);
INSERT INTO ac_self VALUES (0, 0), (1, 1);
BEGIN;
UPDATE ac_self SET a = 123 WHERE a = 0;
UPDATE ac_self SET a = 456 WHERE a = 123;
SELECT * FROM ac_self ORDER BY a;
COMMIT;
DROP TABLE ac_self;

-- Deferrable constraints: foreign keys and unique keys checked at commit, SET CONSTRAINTS.
CREATE TABLE authors (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE books (
  id int PRIMARY KEY,
  author_id int NOT NULL REFERENCES authors DEFERRABLE INITIALLY DEFERRED,
  title text NOT NULL
);
SELECT conname, condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'books'::regclass ORDER BY conname;

-- The child may come first inside a transaction.
BEGIN;
INSERT INTO books VALUES (1, 10, 'Dune');
INSERT INTO authors VALUES (10, 'Herbert');
COMMIT;
SELECT * FROM books;

-- A violation surfaces at COMMIT, which rolls back.
BEGIN;
INSERT INTO books VALUES (2, 99, 'Nobody');
SELECT count(*) FROM books;
COMMIT;
SELECT count(*) FROM books;

-- Outside a block the statement is its own transaction: checked at its end.
INSERT INTO books VALUES (3, 98, 'Orphan');
-- Deleting the parent and re-creating it in the same transaction is fine.
BEGIN;
DELETE FROM authors WHERE id = 10;
INSERT INTO authors VALUES (10, 'Frank Herbert');
COMMIT;
SELECT * FROM authors;
BEGIN;
DELETE FROM authors WHERE id = 10;
COMMIT;

-- SET CONSTRAINTS ... IMMEDIATE checks what is pending at once, and from then on.
BEGIN;
INSERT INTO books VALUES (4, 77, 'Pending');
SET CONSTRAINTS books_author_id_fkey IMMEDIATE;
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
INSERT INTO books VALUES (5, 77, 'Immediate');
ROLLBACK;
BEGIN;
SET CONSTRAINTS ALL IMMEDIATE;
SET CONSTRAINTS ALL DEFERRED;
INSERT INTO books VALUES (6, 77, 'Deferred again');
INSERT INTO authors VALUES (77, 'Late');
COMMIT;
SELECT id, author_id FROM books ORDER BY id;

-- Errors and warnings.
SET CONSTRAINTS ALL DEFERRED;
BEGIN;
SET CONSTRAINTS authors_pkey DEFERRED;
ROLLBACK;
BEGIN;
SET CONSTRAINTS no_such_constraint IMMEDIATE;
ROLLBACK;

-- DEFERRABLE INITIALLY IMMEDIATE: checked at statement end, deferrable on request.
CREATE TABLE reviews (
  id int PRIMARY KEY,
  book_id int REFERENCES books (id) DEFERRABLE,
  stars int
);
INSERT INTO reviews VALUES (1, 1, 5);
INSERT INTO reviews VALUES (2, 500, 1);
BEGIN;
SET CONSTRAINTS reviews_book_id_fkey DEFERRED;
INSERT INTO reviews VALUES (3, 600, 2);
UPDATE reviews SET book_id = 1 WHERE id = 3;
COMMIT;
SELECT * FROM reviews ORDER BY id;

-- Deferrable unique keys: checked at the end of the statement, or at commit when deferred.
CREATE TABLE seats (seat int UNIQUE DEFERRABLE INITIALLY IMMEDIATE, guest text);
INSERT INTO seats VALUES (1, 'a'), (2, 'b'), (3, 'c');
UPDATE seats SET seat = seat + 1;
SELECT * FROM seats ORDER BY seat;
INSERT INTO seats VALUES (2, 'dup');
BEGIN;
SET CONSTRAINTS seats_seat_key DEFERRED;
INSERT INTO seats VALUES (2, 'dup');
UPDATE seats SET seat = 1 WHERE guest = 'dup';
COMMIT;
SELECT * FROM seats ORDER BY seat;
BEGIN;
SET CONSTRAINTS ALL DEFERRED;
INSERT INTO seats VALUES (3, 'clash');
COMMIT;
CREATE TABLE tokens (t text PRIMARY KEY DEFERRABLE INITIALLY DEFERRED);
BEGIN;
INSERT INTO tokens VALUES ('x'), ('x');
SELECT count(*) FROM tokens;
COMMIT;
SELECT count(*) FROM tokens;
INSERT INTO tokens VALUES ('y'), ('y');

-- Misplaced clauses.
CREATE TABLE bad1 (a int CHECK (a > 0) DEFERRABLE);
CREATE TABLE bad2 (a int REFERENCES authors NOT DEFERRABLE INITIALLY DEFERRED);

-- A row inserted in this transaction against a deferred foreign key is still checked at commit
-- when a later UPDATE leaves its key alone (the update takes over the insert's check).
CREATE TABLE df_parent (id int PRIMARY KEY);
CREATE TABLE df_child (id int PRIMARY KEY, parent int REFERENCES df_parent DEFERRABLE INITIALLY DEFERRED);
INSERT INTO df_parent VALUES (5);
BEGIN;
INSERT INTO df_child VALUES (1, 20);
UPDATE df_child SET id = id + 1;
COMMIT;
BEGIN;
INSERT INTO df_child VALUES (1, 30);
SAVEPOINT s1;
UPDATE df_child SET id = 3 WHERE id = 1;
RELEASE SAVEPOINT s1;
COMMIT;
BEGIN;
INSERT INTO df_child VALUES (1, 5);
UPDATE df_child SET id = 4 WHERE id = 1;
COMMIT;
UPDATE df_child SET id = 6 WHERE id = 4;
SELECT * FROM df_child;
DROP TABLE df_child, df_parent;

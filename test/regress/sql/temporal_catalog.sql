-- Temporal keys as introspection and DDL see them: psql's describe queries, information_schema,
-- LIKE, partitions, inheritance, renames, self-references, TRUNCATE.
CREATE TABLE accounts (id int4range, valid_at daterange, owner_id int4range, CONSTRAINT accounts_pk PRIMARY KEY (id, valid_at WITHOUT OVERLAPS),
  UNIQUE (owner_id, valid_at WITHOUT OVERLAPS) DEFERRABLE);
CREATE TABLE transfers (id int, account_id int4range, valid_at daterange,
  CONSTRAINT transfers_account_fk FOREIGN KEY (account_id, PERIOD valid_at) REFERENCES accounts (id, PERIOD valid_at));

-- \d accounts: the index footer, and "Referenced by".
SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
  pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident, c2.reltablespace, con.conperiod
FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i
  LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x'))
WHERE c.oid = 'accounts'::regclass AND c.oid = i.indrelid AND i.indexrelid = c2.oid
ORDER BY i.indisprimary DESC, c2.relname;
SELECT conname, conrelid::pg_catalog.regclass AS ontable, pg_catalog.pg_get_constraintdef(oid, true) AS condef
FROM pg_catalog.pg_constraint r WHERE r.confrelid = 'accounts'::regclass AND r.contype = 'f' ORDER BY conname;
-- \d transfers: "Foreign-key constraints".
SELECT true as sametable, conname, pg_catalog.pg_get_constraintdef(r.oid, true) as condef, conrelid::pg_catalog.regclass AS ontable
FROM pg_catalog.pg_constraint r WHERE r.conrelid = 'transfers'::regclass AND r.contype = 'f' ORDER BY conname;

-- information_schema.
SELECT constraint_name, constraint_type, is_deferrable, initially_deferred, enforced, nulls_distinct
  FROM information_schema.table_constraints WHERE table_name IN ('accounts', 'transfers') ORDER BY 1;
SELECT constraint_name, table_name, column_name, ordinal_position, position_in_unique_constraint
  FROM information_schema.key_column_usage WHERE table_name IN ('accounts', 'transfers') ORDER BY 1, 4;
SELECT constraint_name, unique_constraint_name, match_option, update_rule, delete_rule
  FROM information_schema.referential_constraints WHERE constraint_name = 'transfers_account_fk';
SELECT a.amname, i.indkey, i.indoption FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
  WHERE i.indexrelid = 'accounts_pk'::regclass;
SELECT opcname FROM pg_opclass WHERE oid IN (SELECT unnest(indclass) FROM pg_index WHERE indexrelid = 'accounts_pk'::regclass);

-- LIKE ... INCLUDING ALL copies the keys (a copied temporal UNIQUE is named like an exclusion index).
CREATE TABLE accounts_copy (LIKE accounts INCLUDING ALL);
SELECT conname, contype, conperiod, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'accounts_copy'::regclass ORDER BY 1;
INSERT INTO accounts_copy VALUES ('[1,2)', '[2020-01-01,2020-02-01)', NULL), ('[1,2)', '[2020-01-11,2020-02-01)', NULL);

-- Renaming the period column follows into the definitions.
ALTER TABLE accounts RENAME COLUMN valid_at TO active_during;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conname IN ('accounts_pk', 'transfers_account_fk') ORDER BY 1;

-- Partitions get their own copies of the key.
CREATE TABLE ledger (id int4range, valid_at daterange, UNIQUE (id, valid_at WITHOUT OVERLAPS)) PARTITION BY LIST (id);
CREATE TABLE ledger_1 PARTITION OF ledger FOR VALUES IN ('[1,2)');
CREATE TABLE ledger_2 (id int4range, valid_at daterange);
ALTER TABLE ledger ATTACH PARTITION ledger_2 FOR VALUES IN ('[2,3)');
ALTER TABLE ledger ADD CONSTRAINT ledger_pk PRIMARY KEY (id, valid_at WITHOUT OVERLAPS);
SELECT c.relname, k.conname, k.contype, k.conperiod FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
  WHERE c.relname LIKE 'ledger%' AND k.contype IN ('p', 'u') ORDER BY 1, 2;
INSERT INTO ledger VALUES ('[2,3)', '[2020-01-01,2020-02-01)'), ('[2,3)', '[2020-01-31,2020-02-05)');

-- Inheritance children do not inherit the key (only the NOT NULLs).
CREATE TABLE base_periods (id int4range, valid_at daterange, PRIMARY KEY (id, valid_at WITHOUT OVERLAPS));
CREATE TABLE child_periods (note text) INHERITS (base_periods);
SELECT conname, contype, conperiod FROM pg_constraint WHERE conrelid = 'child_periods'::regclass ORDER BY 1;

-- A self-referencing temporal key (an org chart over time).
CREATE TABLE org_units (id int4range, valid_at daterange, parent_id int4range,
  PRIMARY KEY (id, valid_at WITHOUT OVERLAPS),
  FOREIGN KEY (parent_id, PERIOD valid_at) REFERENCES org_units (id, PERIOD valid_at));
INSERT INTO org_units VALUES ('[1,2)', '[2020-01-01,2021-01-01)', NULL), ('[2,3)', '[2020-03-01,2020-09-01)', '[1,2)');
INSERT INTO org_units VALUES ('[3,4)', '[2020-03-01,2020-09-01)', '[3,4)');
UPDATE org_units SET valid_at = '[2020-01-01,2020-06-01)' WHERE id = '[1,2)';
DELETE FROM org_units WHERE id = '[1,2)';
DELETE FROM org_units WHERE id = '[2,3)';
DELETE FROM org_units WHERE id = '[1,2)';

-- TRUNCATE of a referenced table.
INSERT INTO accounts VALUES ('[1,2)', '[2020-01-01,2021-01-01)', NULL);
INSERT INTO transfers VALUES (1, '[1,2)', '[2020-02-01,2020-03-01)');
TRUNCATE accounts;
TRUNCATE accounts CASCADE;
SELECT count(*) FROM transfers;

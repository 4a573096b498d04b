-- CREATE DOMAIN and ALTER DOMAIN: what Postgres refuses, nested domains, renamed constraints.
CREATE DOMAIN udt_fail AS int NOT NULL DEFAULT 3 DEFAULT 4;
CREATE DOMAIN udt_fail AS int COLLATE "C";
CREATE DOMAIN udt_fail AS anyelement;
CREATE DOMAIN udt_fail AS int UNIQUE;
CREATE DOMAIN udt_fail AS int PRIMARY KEY;
CREATE DOMAIN udt_fail AS int REFERENCES nowhere(id);
CREATE DOMAIN udt_fail AS int CONSTRAINT c CHECK (VALUE > 0) NO INHERIT;
CREATE DOMAIN udt_fail AS int CONSTRAINT c CHECK (VALUE > 0) DEFERRABLE;
CREATE DOMAIN udt_fail AS int GENERATED ALWAYS AS IDENTITY;
CREATE DOMAIN udt_fail AS int CONSTRAINT c CHECK (VALUE > 0) NOT ENFORCED;
CREATE DOMAIN udt_fail AS int NOT NULL NULL;
CREATE DOMAIN udt_fail AS int NOT NULL NOT NULL;
CREATE DOMAIN udt_fail AS int CHECK (VALUE > 0) UNIQUE;
CREATE DOMAIN udt_fail AS int CHECK (nonsense > 0) UNIQUE;
CREATE DOMAIN udt_code AS text COLLATE "C" CHECK (VALUE ~ '^[A-Z]+$');
SELECT 'ABC'::udt_code, pg_basetype('udt_code'::regtype), pg_basetype('int4'::regtype), pg_basetype(0);
-- Errors name the domain the value is coerced to.
CREATE DOMAIN udt_short AS udt_code CHECK (length(VALUE) <= 3);
CREATE DOMAIN udt_required AS udt_short NOT NULL;
SELECT pg_basetype('udt_required'::regtype);
SELECT 'abc'::udt_short;
SELECT 'ABCD'::udt_required;
SELECT NULL::udt_required;
CREATE TABLE udt_codes (c udt_short);
INSERT INTO udt_codes VALUES ('abc');
INSERT INTO udt_codes VALUES ('AB'), ('XYZ');
-- A CHECK constraint sees NULLs too.
CREATE DOMAIN udt_present AS int CHECK (VALUE IS NOT NULL);
SELECT NULL::udt_present;
SELECT 1::udt_present;
-- New constraints are checked against columns of domains over the domain.
ALTER DOMAIN udt_code ADD CONSTRAINT not_ab CHECK (VALUE <> 'AB');
ALTER DOMAIN udt_code ADD CONSTRAINT not_zz CHECK (VALUE <> 'ZZ');
-- NOT VALID, then VALIDATE CONSTRAINT.
ALTER DOMAIN udt_code ADD CONSTRAINT not_xyz CHECK (VALUE <> 'XYZ') NOT VALID;
SELECT 'XYZ'::udt_code;
ALTER DOMAIN udt_code VALIDATE CONSTRAINT not_xyz;
DELETE FROM udt_codes WHERE c = 'XYZ';
ALTER DOMAIN udt_code VALIDATE CONSTRAINT not_xyz;
ALTER DOMAIN udt_code VALIDATE CONSTRAINT nope;
-- RENAME CONSTRAINT.
ALTER DOMAIN udt_code RENAME CONSTRAINT not_zz TO no_double_z;
ALTER DOMAIN udt_code RENAME CONSTRAINT not_zz TO again;
ALTER DOMAIN udt_code RENAME CONSTRAINT no_double_z TO not_xyz;
ALTER DOMAIN int4 RENAME CONSTRAINT a TO b;
SELECT conname, convalidated FROM pg_constraint WHERE contypid = 'udt_code'::regtype ORDER BY conname;
SELECT 'ZZ'::udt_code;
ALTER DOMAIN udt_code DROP CONSTRAINT no_double_z;
SELECT 'ZZ'::udt_code;

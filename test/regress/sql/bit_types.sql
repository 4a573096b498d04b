-- bit(n) and bit varying(n): permission masks, feature flags, bloom-like fingerprints.
CREATE TABLE roles (id int PRIMARY KEY, name text NOT NULL, perms bit(8) NOT NULL DEFAULT B'00000000');
CREATE TABLE devices (id int PRIMARY KEY, flags bit varying(16), fingerprint varbit);
INSERT INTO roles VALUES (1, 'viewer', B'00000001'), (2, 'editor', B'00000111'), (3, 'admin', X'FF'), (4, 'auditor', '10000001');
INSERT INTO roles VALUES (5, 'short', B'101');
INSERT INTO roles VALUES (6, 'long', B'101010101');
INSERT INTO roles VALUES (7, 'bad', B'10201');
INSERT INTO roles VALUES (8, 'badhex', 'xFG');
INSERT INTO roles (id, name) VALUES (9, 'nobody');
SELECT id, name, perms, length(perms), bit_count(perms), octet_length(perms) FROM roles ORDER BY id;
INSERT INTO devices VALUES (1, B'', B'1011'), (2, B'1', X'A5'), (3, B'0101010101010101', NULL), (4, '1111', B'0');
INSERT INTO devices VALUES (5, B'10101010101010101', NULL);
SELECT id, flags, fingerprint, length(flags) AS n FROM devices ORDER BY id;
SELECT B'1010', X'1F', x'00ff', B'', X'' ;
SELECT pg_typeof(B'1'), pg_typeof('1'::bit varying), pg_typeof(B'1' || B'0');
SELECT '101'::bit, '101'::bit(5), '101'::bit(2), '10101'::varbit(3), '1'::bit varying(4);
SELECT CAST(B'1' AS bit(4)), CAST(B'11110000' AS bit(4)), CAST(X'F' AS varbit(2));
-- bitwise operators
SELECT name, perms & B'00000010' AS can_edit, perms | B'00010000' AS plus_export, perms # X'0F', ~perms
  FROM roles ORDER BY id;
SELECT B'1100' & B'101';
SELECT B'1100' | B'10';
SELECT B'1100' # B'1';
SELECT perms << 1 AS shl, perms >> 3 AS shr, perms << -2 AS neg, perms >> 8 AS gone, perms << 100 AS far
  FROM roles WHERE id = 4;
SELECT B'1011' || B'01', B'' || B'1', flags || fingerprint FROM devices WHERE id = 1;
-- comparisons and ordering (bitcmp: common bits, then length)
SELECT B'10' < B'100', B'11' > B'100', B'0' = B'00', B'1'::bit(3) = B'100', B'101' <> B'1010';
SELECT fingerprint FROM devices WHERE fingerprint IS NOT NULL ORDER BY fingerprint;
SELECT v FROM (VALUES (B'1'), (B'0'), (B''), (B'10'), (B'01'), (B'100'), (B'0000')) t(v) ORDER BY v DESC;
SELECT name FROM roles WHERE perms & B'00000100' = B'00000100' ORDER BY name;
-- functions
SELECT get_bit(B'10110', 0), get_bit(B'10110', 3), set_bit(B'10110', 1, 1), set_bit(B'10110', 0, 0);
SELECT get_bit(B'101', 3);
SELECT set_bit(B'101', -1, 1);
SELECT set_bit(B'101', 1, 2);
SELECT position(B'11' IN B'0011011'), position(B'111' IN B'0011011'), position(B'' IN B'01'), position(B'1' IN B'');
SELECT substring(B'0110101' FROM 2 FOR 3), substring(B'0110101' FROM 5), substring(B'0110101' FROM -1 FOR 3), substring(B'0110101' FROM 6 FOR 100);
SELECT substring(B'0110101' FROM 2 FOR -1);
SELECT overlay(B'11111111' PLACING B'000' FROM 3), overlay(B'11111111' PLACING B'0' FROM 2 FOR 4), overlay(B'1111' PLACING B'00' FROM 4);
SELECT overlay(B'1111' PLACING B'00' FROM 0);
SELECT bit_length(B'10101'), length(X'ABC'), octet_length(B'101010101');
-- integer casts
SELECT 5::bit(8), (-1)::bit(4), 255::bit(4), 1::bit, 3::bit(40), (-3)::bit(40);
SELECT 9223372036854775807::bit(64), (-2)::int8::bit(3);
SELECT B'101'::int4, X'FF'::int, X'FFFFFFFF'::int4, X'FFFFFFFFFFFFFFFF'::int8, B''::int4, B'1'::bigint;
SELECT X'1FFFFFFFF'::int4;
SELECT X'1FFFFFFFFFFFFFFFF'::int8;
SELECT id, perms::int AS mask FROM roles ORDER BY id;
SELECT 5::bit(8)::varbit || B'1';
SELECT 5::varbit;
-- text casts and assignment rules
SELECT perms::text, flags::text FROM roles, devices WHERE roles.id = 2 AND devices.id = 4;
SELECT 'x1f'::bit(8), 'X1'::varbit;
SELECT '1012'::bit;
SELECT 'abc'::varbit;
UPDATE roles SET perms = perms | B'1000' WHERE id = 1;
UPDATE roles SET perms = (perms::int + 1)::bit(8) WHERE id = 2 RETURNING id, perms;
UPDATE devices SET flags = flags || B'11' WHERE id = 3;
-- aggregates
SELECT bit_and(perms), bit_or(perms), bit_xor(perms) FROM roles WHERE id <= 4;
SELECT bit_or(fingerprint) FROM devices;
SELECT bit_and(p) FROM (VALUES (NULL::bit(2))) t(p);
-- indexes, uniqueness, grouping
CREATE INDEX devices_fingerprint_idx ON devices (fingerprint);
CREATE UNIQUE INDEX roles_perms_key ON roles (perms);
INSERT INTO roles VALUES (10, 'dup', X'FF');
SET enable_seqscan = off;
SELECT id FROM devices WHERE fingerprint = B'1011';
SELECT id FROM devices WHERE fingerprint > B'1' ORDER BY id;
RESET enable_seqscan;
SELECT perms & B'00000001' AS low, count(*) FROM roles GROUP BY 1 ORDER BY 1;
SELECT DISTINCT length(flags) FROM devices ORDER BY 1;
-- type modifiers, errors, catalogs
CREATE TABLE bad_bits (b bit(0));
CREATE TABLE bad_vbits (b varbit(0));
SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
  WHERE a.attrelid = 'roles'::regclass AND a.attname = 'perms'
  UNION ALL SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
  WHERE a.attrelid = 'devices'::regclass AND a.attnum > 1 ORDER BY 1;
SELECT column_name, data_type, character_maximum_length FROM information_schema.columns
  WHERE table_name IN ('roles', 'devices') AND data_type LIKE 'bit%' ORDER BY column_name;
SELECT typname, typcategory, typispreferred, typlen FROM pg_type WHERE oid IN ('bit'::regtype, 'varbit'::regtype) ORDER BY oid;
SELECT '{101,0}'::bit(3)[], ARRAY[B'1', B'01'], pg_typeof(ARRAY[B'1']::varbit[]);
SELECT pg_input_is_valid('1010', 'bit(4)'), pg_input_is_valid('101', 'bit(4)'), pg_input_is_valid('10101', 'varbit(4)');
SELECT * FROM pg_input_error_info('101', 'bit(4)');
SELECT * FROM pg_input_error_info('10101', 'bit varying(4)');
SELECT * FROM pg_input_error_info('12', 'varbit');
SELECT to_json(B'101'), row_to_json(r) FROM roles r WHERE id = 1;
SELECT B'102';

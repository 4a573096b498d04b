-- str_bytea_int: integers to bytea and back (big-endian two's complement, as Postgres 18 casts
-- them), used to pack ids into binary keys; plus json(b)_build_object / json(b)_object errors.

SELECT 0x1234::int2::bytea AS "\x1234", (-0x1234)::int2::bytea AS "\xedcc";
SELECT 0x12345678::int4::bytea AS "\x12345678", (-0x12345678)::int4::bytea AS "\xedcba988", 0::int4::bytea, (-1)::int4::bytea;
SELECT 0x1122334455667788::int8::bytea, (-0x1122334455667788)::int8::bytea, 255::int8::bytea;
SELECT ''::bytea::int2 AS "0", '\x12'::bytea::int2 AS "18", '\x1234'::bytea::int2 AS "4460", '\x80'::bytea::int2 AS "128";
SELECT ''::bytea::int4, '\x12'::bytea::int4, '\x12345678'::bytea::int4, '\x80000000'::bytea::int4, '\x7FFFFFFF'::bytea::int4;
SELECT ''::bytea::int8, '\x1122334455667788'::bytea::int8, '\x8000000000000000'::bytea::int8, '\x7FFFFFFFFFFFFFFF'::bytea::int8;
SELECT '\x8000'::bytea::int2 AS "-32768", '\x7FFF'::bytea::int2 AS "32767";
SELECT '\x123456'::bytea::int2;
SELECT '\x123456789A'::bytea::int4;
SELECT '\x112233445566778899'::bytea::int8;
CREATE TABLE str_keys (id int8 PRIMARY KEY, k bytea GENERATED ALWAYS AS (id::bytea) STORED);
INSERT INTO str_keys VALUES (1), (256), (-2);
SELECT id, k, k::int8 = id AS roundtrip, substring(k from 7 for 2)::int2 AS low16 FROM str_keys ORDER BY k;
DROP TABLE str_keys;
SELECT 5::bytea;

SELECT jsonb_build_object(NULL, 'a');
SELECT json_build_object(NULL, 'a');
SELECT jsonb_build_object('a', 1, NULL, 2);
SELECT jsonb_build_object(VARIADIC ARRAY[NULL, 'a']::text[]);
SELECT jsonb_object('{{{a,b},{c,d}},{{b,c},{d,e}}}');
SELECT json_object('{{{a,b},{c,d}},{{b,c},{d,e}}}');
SELECT jsonb_object('{{a,b,c},{c,d,e}}');

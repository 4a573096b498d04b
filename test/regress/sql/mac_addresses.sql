-- macaddr and macaddr8: a device inventory keyed by MAC address.
CREATE TABLE devices (id int PRIMARY KEY, name text NOT NULL, mac macaddr UNIQUE, eui64 macaddr8);
INSERT INTO devices VALUES
  (1, 'router', '08:00:2b:01:02:03', '08:00:2b:01:02:03:04:05'),
  (2, 'printer', '08-00-2b-01-02-04', '08-00-2b-01-02-04'),
  (3, 'laptop', '08002b:010205', '08002b010205'),
  (4, 'phone', '0800.2b01.0206', '0800.2b01.0206.0708'),
  (5, 'camera', '08002b-010207', '08:00:2B:01:02:07'),
  (6, 'tv', '0800-2b01-0208', 'a0:b1:c2:d3:e4:f5:06:17'),
  (7, 'fridge', '08002b010209', '  08:00:2b:01:02:09  '),
  (8, 'nas', 'AB:CD:EF:01:23:45', NULL);
SELECT id, name, mac, eui64 FROM devices ORDER BY id;
-- every accepted notation, including sscanf's tolerance
SELECT '8:0:2b:1:2:3'::macaddr, ' 08:00:2b:01:02:03 '::macaddr, '08:00:2b:01:02:0x3'::macaddr;
SELECT '08:00:2b:01:02:03:'::macaddr;
SELECT '08:00:2b:01:02'::macaddr;
SELECT '08:00:2b:01:02:03:04'::macaddr;
SELECT '08:00:2b:01:02:100'::macaddr;
SELECT '08:00:2b:01:02:-3'::macaddr;
SELECT 'not a mac'::macaddr;
SELECT '08:00:2b:01:02:03x'::macaddr;
SELECT '08-00:2b-01-02-03'::macaddr;
SELECT ''::macaddr;
INSERT INTO devices VALUES (9, 'dup', '08:00:2B:01:02:03', NULL);
INSERT INTO devices VALUES (10, 'bad', '08:00:2b:01:02:zz', NULL);
SELECT count(*) FROM devices;
-- macaddr8 input errors
SELECT '08:00:2b:01:02:03:04'::macaddr8;
SELECT '08:00:2b:01:02:03:04:05:06'::macaddr8;
SELECT '08:00-2b:01:02:03'::macaddr8;
SELECT '08:00:2b:01:02:03 x'::macaddr8;
SELECT '0800:2b01:0203'::macaddr8, '08002b0102030405'::macaddr8, '08.00.2b.01.02.03'::macaddr8;
SELECT 'xx:00:2b:01:02:03'::macaddr8;
SELECT '08:00:2b:01:02:03:0'::macaddr8;
-- comparisons, ordering, indexes
SELECT name FROM devices WHERE mac > '08:00:2b:01:02:05' ORDER BY mac DESC;
SELECT name FROM devices WHERE mac = '08002b010204';
SELECT '08:00:2b:01:02:03'::macaddr < '08:00:2b:01:02:04', '08:00:2b:01:02:03'::macaddr <> '08:00:2b:01:02:03', 'ff:00:00:00:00:00'::macaddr >= '0f:ff:ff:ff:ff:ff';
SELECT eui64 FROM devices ORDER BY eui64 NULLS FIRST;
CREATE INDEX devices_eui64 ON devices (eui64);
CREATE INDEX devices_mac_hash ON devices USING hash (mac);
SELECT name FROM devices WHERE eui64 = '08:00:2b:ff:fe:01:02:04';
SELECT name FROM devices WHERE mac = '08:00:2b:01:02:09';
-- functions and operators
SELECT trunc(mac), trunc(eui64), macaddr8_set7bit(eui64) FROM devices WHERE id IN (1, 6) ORDER BY id;
SELECT ~mac, mac & 'ff:ff:ff:00:00:00', mac | '00:00:00:ff:ff:ff' FROM devices WHERE id = 1;
SELECT ~eui64, eui64 & 'ff:ff:ff:ff:00:00:00:00', eui64 | '00:00:00:00:00:00:00:ff' FROM devices WHERE id = 1;
SELECT trunc(mac) AS vendor, count(*) FROM devices GROUP BY 1 ORDER BY 1;
SELECT DISTINCT trunc(eui64) FROM devices WHERE eui64 IS NOT NULL ORDER BY 1;
-- casts between the two
SELECT mac::macaddr8 FROM devices WHERE id = 1;
SELECT eui64::macaddr FROM devices WHERE id = 2;
SELECT eui64::macaddr FROM devices WHERE id = 1;
SELECT macaddr8('08:00:2b:01:02:03'::macaddr), macaddr('08:00:2b:ff:fe:01:02:03'::macaddr8);
SELECT name FROM devices WHERE eui64 = mac ORDER BY id;
SELECT '08:00:2b:01:02:03'::macaddr::text, 'a0b1c2d3e4f50617'::macaddr8::varchar, '08:00:2b:01:02:03'::text::macaddr;
-- arrays, types, catalogs
SELECT ARRAY['08:00:2b:01:02:03', '08-00-2b-01-02-04']::macaddr[], '{08002b010203,"08:00:2b:01:02:03:04:05"}'::macaddr8[];
SELECT pg_typeof(mac), pg_typeof(eui64), pg_typeof(ARRAY[mac]) FROM devices WHERE id = 1;
SELECT typname, typlen, typcategory, typarray::regtype FROM pg_type WHERE typname IN ('macaddr', 'macaddr8') ORDER BY 1;
SELECT format_type('macaddr'::regtype, NULL), format_type('_macaddr8'::regtype, NULL);
SELECT opcname, amname FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod WHERE opcintype IN ('macaddr'::regtype, 'macaddr8'::regtype) AND amname IN ('btree', 'hash') ORDER BY 1, 2;
SELECT pg_input_is_valid('08:00:2b:01:02:03', 'macaddr'), pg_input_is_valid('08:00:2b:01:02', 'macaddr'), pg_input_is_valid('08:00:2b:01:02:03:04', 'macaddr8');
SELECT * FROM pg_input_error_info('08:00:2b:01:02:300', 'macaddr');
SELECT * FROM pg_input_error_info('08:00:2b:01:02:03:04', 'macaddr8');
UPDATE devices SET mac = NULL WHERE id = 8;
SELECT id, mac FROM devices WHERE mac IS NULL;

-- jsonpath: the type, the @? / @@ operators, the jsonb_path_* functions and the SQL/JSON query
-- functions, as applications use them: an event log with jsonb payloads and a product catalog
-- with attribute documents (GIN-indexed), filtered and unpacked with SQL/JSON paths.

-- The jsonpath type: canonical output.
SELECT '$'::jsonpath, 'strict $'::jsonpath, 'lax $.a'::jsonpath, '$.a.b.c'::jsonpath, '$."key with space"'::jsonpath;
SELECT '$.a[*] ? (@.b > 1)'::jsonpath, '$[1, 2 to 3, last - 1]'::jsonpath, '$[*][last]'::jsonpath;
SELECT '$.**'::jsonpath, '$.**{2}'::jsonpath, '$.**{1 to last}'::jsonpath, '$.**{last}'::jsonpath, '$.**{2 to 5}.x'::jsonpath;
SELECT '$.*'::jsonpath, '$.a.*.b'::jsonpath, '$var'::jsonpath, '$"my var".x'::jsonpath, '@'::text;
SELECT '1 + 2 * 3'::jsonpath, '(1 + 2) * 3'::jsonpath, '1 * 2 + 3 / 4 % 5 - -6'::jsonpath, '-(1 + 2)'::jsonpath, '-$.a + +1'::jsonpath;
SELECT '$ ? (@ > 1 && @ < 2 || @ == 3 && !(@ == 4))'::jsonpath, '$ ? ((@ > 1 || @ < 0) && @ != 5)'::jsonpath;
SELECT '$ ? (@ like_regex "^a.c$" flag "iq")'::jsonpath, '$ ? (@ starts with "x")'::jsonpath, '$ ? (@ starts with $prefix)'::jsonpath;
SELECT '$ ? (exists (@.a))'::jsonpath, '$ ? ((@.a > 1) is unknown)'::jsonpath, '$ ? (@.a <> 1)'::jsonpath, '$ ? (@.a != 1)'::jsonpath;
SELECT '1.2.a'::jsonpath, '1..a'::jsonpath, '($.a).b'::jsonpath, '($ > 1).type()'::jsonpath, '-(1).a'::jsonpath;
SELECT '1e3'::jsonpath, '.5'::jsonpath, '1.'::jsonpath, '1.5e-3'::jsonpath, '0.0010'::jsonpath, '0x1F'::jsonpath, '0o17 + 0b101 + 1_000'::jsonpath;
SELECT '$.type().size().abs().floor().ceiling().double().keyvalue()'::jsonpath;
SELECT '$.datetime()'::jsonpath, '$.datetime("YYYY-MM-DD HH24:MI")'::jsonpath, '$.time(3)'::jsonpath, '$.time_tz()'::jsonpath, '$.timestamp(0)'::jsonpath, '$.timestamp_tz(6)'::jsonpath;
SELECT '$.bigint().boolean().date().integer().number().string()'::jsonpath, '$.decimal()'::jsonpath, '$.decimal(6)'::jsonpath, '$.decimal(-1, +2)'::jsonpath;
SELECT '"\u00e9\n\t\"q\""'::jsonpath, '$."\ud83d\ude00"'::jsonpath, '$ ? (@ == "a\x41\u{1F600}")'::jsonpath, '$."\b\f\r\v\/"'::jsonpath;
SELECT '$.true'::jsonpath, '$.null'::jsonpath, '$.NULL'::jsonpath, '$.last'::jsonpath, '$.size'::jsonpath, 'LAX $'::jsonpath, 'Strict $.A'::jsonpath;
SELECT '$ /* a comment */ .a'::jsonpath, '(($))'::jsonpath, '(($ == 1)) || ($ == 2)'::jsonpath, 'exists($)'::jsonpath;
SELECT '$.a'::jsonpath::text, '$.a'::text::jsonpath, pg_typeof('$'::jsonpath), '$.a'::jsonpath IS NULL, ARRAY['$.a', '$.b ? (@ > 0)']::jsonpath[];
SELECT format_type('jsonpath'::regtype, -1), format_type('_jsonpath'::regtype, -1), 'jsonpath'::regtype::oid, '_jsonpath'::regtype::oid;

-- jsonpath syntax errors.
SELECT ''::jsonpath;
SELECT '$.a +'::jsonpath;
SELECT '$.a )'::jsonpath;
SELECT '1a'::jsonpath;
SELECT '01'::jsonpath;
SELECT '1e+'::jsonpath;
SELECT '$.1a'::jsonpath;
SELECT '$.a.1'::jsonpath;
SELECT '$.abc def'::jsonpath;
SELECT '$.a  b  c'::jsonpath;
SELECT 'abc'::jsonpath;
SELECT '@'::jsonpath;
SELECT 'last'::jsonpath;
SELECT '$ ? (@.a)'::jsonpath;
SELECT '($ > 1) + 2'::jsonpath;
SELECT '1 + ($ > 1)'::jsonpath;
SELECT '!(@.a)'::jsonpath;
SELECT 'true && false'::jsonpath;
SELECT '$.a == 1 == 2'::jsonpath;
SELECT '$ = 1'::jsonpath;
SELECT '$.foo()'::jsonpath;
SELECT '$.datetime(1)'::jsonpath;
SELECT '$.decimal(1,2,3)'::jsonpath;
SELECT '$ ? (@ starts with 1)'::jsonpath;
SELECT '$[$ > 1]'::jsonpath;
SELECT '$ ? (exists (@.a > 1))'::jsonpath;
SELECT '$ ? (@ like_regex "(a")'::jsonpath;
SELECT '$ ? (@ like_regex "a" flag "z")'::jsonpath;
SELECT '$ ? (@ like_regex "a" flag "x")'::jsonpath;
SELECT '"\z"'::jsonpath, '$ ? (@ like_regex "a(" flag "q")'::jsonpath;
SELECT '"\uZZ"'::jsonpath;
SELECT '"\xZ"'::jsonpath;
SELECT '"\ud800"'::jsonpath;
SELECT '"\u0000"'::jsonpath;
SELECT '$.a /* unterminated'::jsonpath;
SELECT 'NULL'::jsonpath;

-- An event log and a product catalog.
CREATE TABLE events (
  id int PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL
);
CREATE INDEX events_payload_gin ON events USING gin (payload jsonb_path_ops);
CREATE INDEX events_payload_ops ON events USING gin (payload);
INSERT INTO events VALUES
  (1, 'order.created', '{"order": {"id": "o-1", "total": 120.50, "currency": "EUR", "items": [{"sku": "A1", "qty": 2, "price": 40.25}, {"sku": "B2", "qty": 1, "price": 40}]}, "customer": {"id": 7, "tier": "gold", "email": "ann@example.com"}, "at": "2024-03-01 10:15:00"}'),
  (2, 'order.created', '{"order": {"id": "o-2", "total": 15, "currency": "USD", "items": [{"sku": "C3", "qty": 3, "price": 5}]}, "customer": {"id": 8, "tier": "silver", "email": "bob@example.org"}, "at": "2024-03-02 18:40:00"}'),
  (3, 'order.shipped', '{"order": {"id": "o-1", "carrier": "dhl"}, "tracking": ["JD0001", "JD0002"], "at": "2024-03-03 08:00:00+01"}'),
  (4, 'user.signup', '{"customer": {"id": 9, "tier": null, "email": "cy@example.com", "tags": ["beta", "eu"]}, "at": "2024-03-04"}'),
  (5, 'order.created', '{"order": {"id": "o-3", "total": 999.99, "currency": "EUR", "items": []}, "customer": {"id": 7, "tier": "gold"}, "at": "2024-03-05 23:59:59.5"}'),
  (6, 'metrics', '{"cpu": [0.5, 0.75, 0.9], "mem": {"used": 512, "total": 2048}, "ok": true}');
CREATE TABLE products (
  id int PRIMARY KEY,
  name text NOT NULL,
  attrs jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX products_attrs ON products USING gin (attrs jsonb_path_ops);
INSERT INTO products VALUES
  (1, 'Desk lamp', '{"color": "black", "watts": 40, "dims": {"w": 20, "h": 45}, "tags": ["home", "office"], "stock": [{"store": "north", "qty": 4}, {"store": "south", "qty": 0}]}'),
  (2, 'Office chair', '{"color": "grey", "dims": {"w": 60, "h": 110}, "tags": ["office"], "stock": [{"store": "north", "qty": 12}]}'),
  (3, 'Bookshelf', '{"color": "oak", "dims": {"w": 80, "h": 180, "d": 30}, "tags": [], "discontinued": true}'),
  (4, 'LED bulb', '{"watts": 9.5, "pack": 4, "tags": ["home"], "stock": [{"store": "south", "qty": 250}]}'),
  (5, 'Mystery box', '{}');
SELECT indexdef FROM pg_indexes WHERE tablename IN ('events', 'products') ORDER BY indexname;

-- Filtering with @? and @@.
SELECT id FROM events WHERE payload @? '$.order.items[*] ? (@.qty > 1)' ORDER BY id;
SELECT id FROM events WHERE payload @? '$.customer ? (@.tier == "gold")' ORDER BY id;
SELECT id FROM events WHERE payload @@ '$.order.total > 100' ORDER BY id;
SELECT id FROM events WHERE payload @@ '$.customer.email like_regex "@example\\.com$"' ORDER BY id;
SELECT id FROM events WHERE payload @? '$.** ? (@ == "JD0002")' ORDER BY id;
SELECT id FROM events WHERE payload @@ 'exists($.tracking)' ORDER BY id;
SELECT id FROM events WHERE NOT (payload @@ '$.customer.tier == "gold"') ORDER BY id;
SELECT id, payload @@ '$.order.total > 100' AS big FROM events ORDER BY id;
SELECT id FROM events WHERE payload @? '$.customer.tags[*] ? (@ starts with "b")' ORDER BY id;
SELECT id FROM events WHERE payload @@ '$.cpu[*] > 0.8' ORDER BY id;
SELECT id FROM events WHERE payload @@ 'strict $.cpu[*] > 0.8' ORDER BY id;
SELECT id FROM events WHERE payload @? 'strict $.order.items[*] ? (@.price < 10)' ORDER BY id;
SELECT count(*) FROM events WHERE payload @? '$.order';
SELECT id FROM products WHERE attrs @? '$.stock[*] ? (@.store == "north" && @.qty > 0)' ORDER BY id;
SELECT id FROM products WHERE attrs @? '$.tags[*] ? (@ == "office")' ORDER BY id;
SELECT id FROM products WHERE attrs @@ '$.dims.w * $.dims.h > 5000' ORDER BY id;
SELECT id FROM products WHERE attrs @@ '$.discontinued == true' ORDER BY id;
SELECT id FROM products WHERE attrs @@ '$.tags.size() == 0' ORDER BY id;
SELECT id FROM products WHERE attrs @? '$.watts ? (@ >= 10)' OR attrs @? '$.pack' ORDER BY id;
SELECT id, attrs @? '$.nope' AS has_nope, attrs @@ '$.nope == 1' AS nope_is_1 FROM products ORDER BY id;
SELECT id FROM products WHERE attrs @? '$.dims ? (exists (@.d))' ORDER BY id;
SELECT '{"a": 1}'::jsonb @? '$.a', '{"a": 1}'::jsonb @@ '$.a', '{"a": 1}'::jsonb @@ '$.a == 1', '{"a": 1}'::jsonb @? 'strict $.b', NULL::jsonb @? '$';

-- Extracting with jsonb_path_query and friends.
SELECT id, jsonb_path_query(payload, '$.order.items[*].sku') AS sku FROM events ORDER BY id, sku;
SELECT e.id, i.item->>'sku' AS sku, (i.item->>'qty')::int * (i.item->>'price')::numeric AS line
  FROM events e, LATERAL jsonb_path_query(e.payload, '$.order.items[*]') AS i(item) ORDER BY e.id, sku;
SELECT id, jsonb_path_query_array(payload, '$.order.items[*].qty') FROM events WHERE kind = 'order.created' ORDER BY id;
SELECT id, jsonb_path_query_first(payload, '$.customer.email') FROM events ORDER BY id;
SELECT id, jsonb_path_query_first(payload, '$.order.items[*] ? (@.price == $p).sku', '{"p": 40}') FROM events ORDER BY id;
SELECT id, jsonb_path_exists(payload, '$.order.items[*] ? (@.qty >= $min)', jsonb_build_object('min', 3)) FROM events ORDER BY id;
SELECT id, jsonb_path_match(payload, 'exists($.customer ? (@.tier == $t))', '{"t": "gold"}') FROM events ORDER BY id;
SELECT p.name, s.store, s.qty FROM products p,
  LATERAL jsonb_to_recordset(jsonb_path_query_array(p.attrs, '$.stock[*] ? (@.qty > 0)')) AS s(store text, qty int) ORDER BY p.name, s.store;
SELECT p.name, t.tag FROM products p CROSS JOIN LATERAL jsonb_path_query(p.attrs, '$.tags[*]') AS t(tag) ORDER BY p.name, t.tag::text;
SELECT name, jsonb_path_query_first(attrs, '$.dims.keyvalue() ? (@.value > 50).key') FROM products ORDER BY id;
SELECT kind, count(*), sum((jsonb_path_query_first(payload, '$.order.total'))::numeric) FROM events GROUP BY kind ORDER BY kind;
SELECT jsonb_path_query('{"a": [1, 2, 3, 4, 5]}', '$.a[*] ? (@ % 2 == 1)');
SELECT jsonb_path_query('{"a": [1, 2, 3, 4, 5]}', '$.a[1 to 3]');
SELECT jsonb_path_query('{"a": [1, 2, 3, 4, 5]}', '$.a[last], $.a[0]'::text::jsonpath);
SELECT jsonb_path_query('{"a": [1, 2, 3, 4, 5]}', '$.a[last - 1, 0 to 1]');
SELECT jsonb_path_query('[[1, 2], [3, [4, 5]]]', '$[*][*]');
SELECT jsonb_path_query('[[1, 2], [3, [4, 5]]]', 'lax $.**');
SELECT jsonb_path_query('{"a": {"b": {"c": 1}}, "d": [{"c": 2}]}', '$.**.c');
SELECT jsonb_path_query('{"a": {"b": {"c": 1}}, "d": [{"c": 2}]}', '$.**{2}');
SELECT jsonb_path_query('{"a": {"b": {"c": 1}}, "d": [{"c": 2}]}', '$.**{0 to 1}');
SELECT jsonb_path_query('{"a": {"b": 1}, "c": 2}', '$.*');
SELECT jsonb_path_query_array('{"a": [3, 1, 2]}', '$.a[*] * 10');
SELECT jsonb_path_query('{"x": 7, "y": 2}', '$.x / $.y'), jsonb_path_query('{"x": 7, "y": 2}', '$.x % $.y'), jsonb_path_query('{"x": 7, "y": 2}', '-$.x - $.y');
SELECT jsonb_path_query('{}', '1 + 2 * 3'), jsonb_path_query('{}', '10 / 4'), jsonb_path_query('{}', '2.50 * 2');
SELECT jsonb_path_query('{"a": 1}', '$ == $'), jsonb_path_query('{"a": [1, 2]}', '$.a == 1'), jsonb_path_query('"a"', '$ < "b"');
SELECT jsonb_path_query('1', '$ ? (@ == 1 && @ == "x")'), jsonb_path_query('1', '$ ? (@ == "x" || @ == 1)');
SELECT jsonb_path_query('null', '$ == null'), jsonb_path_query('null', '$ != 1'), jsonb_path_query('[1, 2]', '$ == [1]');
SELECT jsonb_path_query('{"a": [1, "x", null, true, {"b": 1}]}', '$.a[*] ? (@ != 1)');
SELECT jsonb_path_query('{"a": [1, "s"]}', '$.a[*] ? ((@ > 1) is unknown)');
SELECT jsonb_path_query('{"a": [1, 2, 3]}', '$ ? (exists (@.a[*] ? (@ > 2)))');
SELECT jsonb_path_query('{"a": ["abc", "Abd", "x\nabq"]}', '$.a[*] ? (@ like_regex "^ab")');
SELECT jsonb_path_query('{"a": ["abc", "Abd", "x\nabq"]}', '$.a[*] ? (@ like_regex "^ab" flag "i")');
SELECT jsonb_path_query('{"a": ["abc", "Abd", "x\nabq"]}', '$.a[*] ? (@ like_regex "^ab" flag "m")');
SELECT jsonb_path_query('{"a": ["a.c", "abc"]}', '$.a[*] ? (@ like_regex "a.c" flag "q")');
SELECT jsonb_path_query('{"a": ["a\nc", "abc"]}', '$.a[*] ? (@ like_regex "a.c" flag "s")');
SELECT jsonb_path_query('{"a": ["a\nc", "abc"]}', '$.a[*] ? (@ like_regex "a.c")');
SELECT jsonb_path_query('["abc", "abd", "xab", 1]', '$[*] ? (@ starts with "ab")');
SELECT jsonb_path_query('["é", "z", "É", "a"]', '$[*] ? (@ > "e")');

-- Variables, named arguments, silent.
SELECT jsonb_path_query('{"a": [1, 2, 3]}', '$.a[*] ? (@ >= $min && @ <= $max)', '{"min": 2, "max": 3}');
SELECT jsonb_path_query('{}', '$x.y', '{"x": {"y": [1, 2]}}');
SELECT jsonb_path_query('{}', '$"my var"', '{"my var": "spaced"}');
SELECT jsonb_path_query(target => '{"a": 1}', path => '$.a');
SELECT jsonb_path_exists('{"a": 1}', '$.b', silent => true), jsonb_path_exists('{"a": 1}', 'strict $.b', silent => true);
SELECT jsonb_path_query('{"a": 1}', 'strict $.b', silent => true);
SELECT jsonb_path_query('{"a": 1}', '$.a + "x"', silent => true);
SELECT jsonb_path_query('{"a": 1}', '$.a / 0', silent => true);
SELECT jsonb_path_match('{"a": 1}', '$.a', silent => true), jsonb_path_match('{"a": 1}', '$.a == "x"'), jsonb_path_match('{"a": null}', '$.a');
SELECT jsonb_path_query_array('{"a": 1}', 'strict $.b', '{}', true), jsonb_path_query_first('{"a": 1}', 'strict $.b', '{}', true);
SELECT jsonb_path_query('{}', '$x');
SELECT jsonb_path_query('{}', '$x', '[1]');
SELECT jsonb_path_query('{}', '$', NULL), jsonb_path_exists(NULL, '$'), jsonb_path_match('{}', NULL);
SELECT jsonb_path_query('{"a": 1}', '$x', silent => true, vars => '{"x": 2}');

-- Strict and lax.
SELECT jsonb_path_query('{"a": [1, 2, 3, {"b": 4}]}', 'lax $.a[*].b');
SELECT jsonb_path_query('{"a": [1, 2, 3, {"b": 4}]}', 'strict $.a[*].b');
SELECT jsonb_path_query('{"a": [1, 2, 3]}', 'lax $.a[5]');
SELECT jsonb_path_query('{"a": [1, 2, 3]}', 'strict $.a[5]');
SELECT jsonb_path_query('{"a": [1, 2, 3]}', 'strict $.a[1 to 5]');
SELECT jsonb_path_query('{"a": 1}', 'strict $.b');
SELECT jsonb_path_query('{"a": 1}', 'strict $.a.b');
SELECT jsonb_path_query('[1, 2]', 'strict $.*');
SELECT jsonb_path_query('1', 'strict $[*]');
SELECT jsonb_path_query('1', 'lax $[*]'), jsonb_path_query('1', 'lax $[0]');
SELECT jsonb_path_query('1', 'strict $[0]');
SELECT jsonb_path_query('{"a": [{"b": 1}, {"b": 2}]}', 'lax $.a.b');
SELECT jsonb_path_query('{"a": [{"b": 1}, {"b": 2}]}', 'strict $.a.b');
SELECT jsonb_path_query('{"a": [1, "s"]}', 'strict $.a[*] > 1'), jsonb_path_query('{"a": [1, "s"]}', 'lax $.a[*] > 1');
SELECT jsonb_path_exists('{"a": [1, "s"]}', 'strict $ ? (@.a[*] > 0)'), jsonb_path_exists('{"a": [1, "s"]}', 'lax $ ? (@.a[*] > 0)');
SELECT jsonb_path_query('{"a": 1}', 'strict $.a.size()');
SELECT jsonb_path_query('{"a": 1}', 'lax $.a.size()'), jsonb_path_query('[[1, 2], [3]]', '$.size()');

-- Item methods.
SELECT jsonb_path_query('{"a": [1, "x", null, true, {}, []]}', '$.a[*].type()');
SELECT jsonb_path_query('[1.5, -2.5, 3]', '$[*].abs()'), jsonb_path_query('[1.5, -2.5, 3]', '$[*].floor()'), jsonb_path_query('[1.5, -2.5, 3]', '$[*].ceiling()');
SELECT jsonb_path_query('[1.50, "2.5", "1e2", "-0.5"]', '$[*].double()');
SELECT jsonb_path_query('[1.5, "12", 2.5, -7.5]', '$[*].bigint()');
SELECT jsonb_path_query('[1.5, "12", 2.5, "-7"]', '$[*].integer()');
SELECT jsonb_path_query('[1, 0, "yes", "f", "on", true]', '$[*].boolean()');
SELECT jsonb_path_query('[1.5, "12.25", "-3e2", 7]', '$[*].number()');
SELECT jsonb_path_query('[1.567, "12.25", 3]', '$[*].decimal(4, 2)'), jsonb_path_query('12.5', '$.decimal()'), jsonb_path_query('1234.5678', '$.decimal(6)');
SELECT jsonb_path_query('[1, "a", true, 2.50]', '$[*].string()');
SELECT jsonb_path_query('{"a": 1, "b": {"c": 2}}', '$.keyvalue()');
SELECT jsonb_path_query('{"x": [1, 2], "b": {"c": 2.5, "d": {"e": "str"}}}', '$.b.d.keyvalue()');
SELECT jsonb_path_query('[{"a": 1}, {"b": 2}]', '$[*].keyvalue()');
SELECT jsonb_path_query('{"a": 1, "b": 2}', '$.keyvalue() ? (@.value > 1).key');
SELECT jsonb_path_query('{}', '$.keyvalue()'), jsonb_path_query('{"a": 5}', '$.a.string().type()');
SELECT jsonb_path_query('"x"', '$.abs()');
SELECT jsonb_path_query('"abc"', '$.double()');
SELECT jsonb_path_query('"nan"', '$.double()');
SELECT jsonb_path_query('null', '$.double()');
SELECT jsonb_path_query('"12.5"', '$.integer()');
SELECT jsonb_path_query('9999999999', '$.integer()');
SELECT jsonb_path_query('1.5', '$.boolean()');
SELECT jsonb_path_query('"maybe"', '$.boolean()');
SELECT jsonb_path_query('[1]', 'strict $.boolean()');
SELECT jsonb_path_query('"abc"', '$.number()');
SELECT jsonb_path_query('"NaN"', '$.number()');
SELECT jsonb_path_query('12345.6', '$.decimal(4, 2)');
SELECT jsonb_path_query('{}', '$.string()');
SELECT jsonb_path_query('[1, 2]', '$.keyvalue()');
SELECT jsonb_path_query('1', '$.keyvalue()');

-- Arithmetic and subscript errors.
SELECT jsonb_path_query('{"a": [1, 2]}', '$.a + 1');
SELECT jsonb_path_query('{"a": 1}', '1 + $.a.b');
SELECT jsonb_path_query('{"a": 2}', '$.a / 0');
SELECT jsonb_path_query('{"a": "x"}', '-$.a');
SELECT jsonb_path_query('{"a": [1, 2]}', '$.a["x"]');
SELECT jsonb_path_query('{"a": [1, 2]}', '$.a[$.a]');
SELECT jsonb_path_query('[1, 2, 3]', '$[1.7]'), jsonb_path_query('{"a": [1, 2]}', '$.a[$.a[0]]');
SELECT jsonb_path_query('[1]', '$[10000000000]');
SELECT jsonb_path_match('{"a": 1}', '$.a');
SELECT jsonb_path_match('{"a": [true, false]}', '$.a[*]');

-- Datetime values.
SELECT jsonb_path_query('"2024-03-01"', '$.datetime()'), jsonb_path_query('"2024-03-01"', '$.datetime().type()');
SELECT jsonb_path_query('"2024-03-01 10:15:00"', '$.datetime()'), jsonb_path_query('"2024-03-01T10:15:00.25"', '$.datetime().type()');
SELECT jsonb_path_query('"2024-03-01 10:15:00+05:30"', '$.datetime()'), jsonb_path_query('"2024-03-01T10:15:00Z"', '$.datetime().type()');
SELECT jsonb_path_query('"10:20:30"', '$.datetime()'), jsonb_path_query('"10:20:30.5+01"', '$.datetime()'), jsonb_path_query('"10:20:30-02:30"', '$.datetime().type()');
SELECT jsonb_path_query('"2024-3-5"', '$.datetime()'), jsonb_path_query('"2024-03-01 10:15:00 +02"', '$.datetime().string()');
SELECT jsonb_path_query('"2024-03-01 10:00:00"', '$.date()'), jsonb_path_query('"2024-03-01"', '$.timestamp()'), jsonb_path_query('"2024-03-01 10:00:00.123456"', '$.timestamp(2)');
SELECT jsonb_path_query('"2024-03-01 10:00:00.125"', '$.time(2)'), jsonb_path_query('"2024-03-01 10:00:00"', '$.time()'), jsonb_path_query('"10:00:00+03"', '$.time_tz()');
SELECT jsonb_path_query('"2024-03-01 10:00:00+03"', '$.timestamp_tz()'), jsonb_path_query('"2024-03-01 10:00:00+03"', '$.time_tz().type()');
SELECT jsonb_path_query_tz('"2024-03-01 23:00:00-03"', '$.date()'), jsonb_path_query_tz('"2024-03-01"', '$.timestamp_tz()'), jsonb_path_query_tz('"2024-03-01 10:00:00+03"', '$.timestamp()');
SELECT jsonb_path_query('"2024-03-01 10:00:00+02"', '$.date()');
SELECT jsonb_path_query('"2024-03-01"', '$.timestamp_tz()');
SELECT jsonb_path_query('"10:00:00"', '$.time_tz()');
SELECT jsonb_path_query('"2024-13-01"', '$.datetime()');
SELECT jsonb_path_query('"10:20"', '$.datetime()');
SELECT jsonb_path_query('"2024-03-01"', '$.time()');
SELECT jsonb_path_query('"10:00:00"', '$.timestamp()');
SELECT jsonb_path_query('123', '$.datetime()');
SELECT jsonb_path_query('"2024-03-01 25:00:00"', '$.datetime()', silent => true);
SELECT id FROM events WHERE jsonb_path_exists(payload, '$.at.datetime() ? (@ >= "2024-03-02".datetime() && @ < "2024-03-05".datetime())') ORDER BY id;
SELECT id FROM events WHERE jsonb_path_exists_tz(payload, '$.at.datetime() ? (@ >= "2024-03-02".datetime() && @ < "2024-03-05".datetime())') ORDER BY id;
SELECT jsonb_path_query('["2024-03-01", "2024-03-01 12:00:00", "2024-02-28"]', '$[*] ? (@.datetime() < "2024-03-01 06:00:00".datetime())');
SELECT jsonb_path_query('["10:00:00", "2024-03-01"]', '$[*] ? (@.datetime() < "12:00:00".datetime())');
SELECT jsonb_path_query('"2024-03-01"', '$.datetime() < "2024-03-02 00:00:00+00".datetime()');
SELECT jsonb_path_query_tz('"2024-03-01"', '$.datetime() < "2024-03-02 00:00:00+00".datetime()');
SELECT jsonb_path_query('["12:00:00+01", "12:00:00+02"]', '$[*] ? (@.datetime() > "10:30:00+00".datetime())');
SELECT jsonb_path_query('"2024-03-01 10:15:00+01"', '$.datetime() == "2024-03-01 09:15:00+00".datetime()');
-- Zone-dependent datetime casts follow the session TimeZone (the _tz variants and SQL/JSON functions).
SET TimeZone = 'America/New_York';
SELECT jsonb_path_query_tz('"2024-03-10"', '$.timestamp_tz()'), jsonb_path_query_tz('"2024-03-10 12:00:00"', '$.timestamp_tz()'), jsonb_path_query_tz('"2024-03-10 12:00:00+00"', '$.timestamp()');
SELECT jsonb_path_query_tz('"2024-03-10 03:00:00+00"', '$.date()'), jsonb_path_query_tz('"2024-03-10 03:00:00+00"', '$.time()'), jsonb_path_query_tz('"2024-03-10 03:00:00+00"', '$.time_tz()');
SELECT jsonb_path_query_tz('"2024-03-10"', '$.datetime() < "2024-03-10 04:00:00+00".datetime()'), jsonb_path_query_tz('"2024-03-10"', '$.datetime() < "2024-03-10 06:00:00+00".datetime()');
SELECT jsonb_path_query_tz('"2024-03-10 00:30:00"', '$.datetime() == "2024-03-10 05:30:00+00".datetime()');
SELECT JSON_VALUE(jsonb '"2024-03-10 12:00:00+02"', '$.datetime()'), JSON_VALUE(jsonb '"2024-03-10"', '$.timestamp_tz()'), JSON_VALUE(jsonb '"2024-03-10 12:00:00+02"', '$.datetime()' RETURNING timestamp);
SELECT JSON_EXISTS(jsonb '"2024-03-10"', '$ ? (@.datetime() < "2024-03-10 06:00:00+00".datetime())');
SELECT jsonb_path_query_tz('"12:00:00"', '$.time_tz()');
SELECT jsonb_path_query_tz('["10:00:00", "12:00:00+01"]', '$[*] ? (@.datetime() > "11:30:00+00".datetime())');
RESET TimeZone;
SELECT jsonb_path_query('"03/01/2024 10:20"', '$.datetime("MM/DD/YYYY HH24:MI")'), jsonb_path_query('"03/01/2024 10:20 +05"', '$.datetime("MM/DD/YYYY HH24:MI TZH")');
SELECT jsonb_path_query('"10:20 +05:30"', '$.datetime("HH24:MI TZH:TZM")'), jsonb_path_query('"01-Mar-2024"', '$.datetime("DD-Mon-YYYY")'), jsonb_path_query('"2024"', '$.datetime("YYYY").type()');
SELECT jsonb_path_query('"2024-03-01 xyz"', '$.datetime("YYYY-MM-DD")');
SELECT jsonb_path_query('"2024-03"', '$.datetime("YYYY-MM-DD")');
SELECT jsonb_path_query('"2024/03/01"', '$.datetime("YYYY-MM-DD")');
SELECT jsonb_path_query('"2024-13-01"', '$.datetime("YYYY-MM-DD")');
SELECT jsonb_path_query('"xx"', '$.datetime("YYYY")');
SELECT jsonb_path_query('["2024-03-01", "bad"]', '$[*].datetime("YYYY-MM-DD")', silent => true);
SELECT id FROM events WHERE payload @? '$.at ? (@.datetime("YYYY-MM-DD HH24:MI:SS") > "2024-03-02 00:00:00".datetime())' ORDER BY id;

-- jsonpath values in tables, parameters, PL/pgSQL and constraints.
CREATE TABLE saved_filters (name text PRIMARY KEY, path jsonpath NOT NULL);
INSERT INTO saved_filters VALUES ('big orders', '$.order ? (@.total > 100)'), ('gold', 'strict $.customer ? (@.tier == "gold")'), ('tracked', 'exists($.tracking)');
INSERT INTO saved_filters VALUES ('broken', '$.order ?');
SELECT name, path FROM saved_filters ORDER BY name;
SELECT f.name, array_agg(e.id ORDER BY e.id) FROM saved_filters f JOIN events e ON e.payload @? f.path GROUP BY f.name ORDER BY f.name;
SELECT f.name, array_agg(e.id ORDER BY e.id) FROM saved_filters f JOIN events e ON e.payload @@ f.path GROUP BY f.name ORDER BY f.name;
PREPARE by_path(jsonpath, jsonb) AS SELECT id FROM events WHERE jsonb_path_exists(payload, $1, $2) ORDER BY id;
EXECUTE by_path('$.order.items[*] ? (@.sku == $sku)', '{"sku": "C3"}');
EXECUTE by_path('$.customer ? (@.id == $cid)', '{"cid": 7}');
PREPARE total_of(jsonb) AS SELECT jsonb_path_query_first($1, '$.order.total');
EXECUTE total_of('{"order": {"total": 12.5}}');
CREATE FUNCTION order_total(doc jsonb) RETURNS numeric LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  v jsonb;
BEGIN
  v := jsonb_path_query_first(doc, 'strict $.order.items[*].price', silent => true);
  IF NOT jsonb_path_exists(doc, '$.order.items[*]') THEN
    RETURN 0;
  END IF;
  RETURN (SELECT sum((i->>'qty')::numeric * (i->>'price')::numeric) FROM jsonb_path_query(doc, '$.order.items[*]') AS t(i));
END;
$$;
SELECT id, order_total(payload) FROM events WHERE kind = 'order.created' ORDER BY id;
CREATE FUNCTION matches(doc jsonb, p jsonpath) RETURNS boolean LANGUAGE sql AS $$ SELECT doc @? p $$;
SELECT id FROM events WHERE matches(payload, '$.customer.tags') ORDER BY id;
CREATE TABLE orders (
  id int PRIMARY KEY,
  doc jsonb NOT NULL CHECK (doc @@ '$.total >= 0'),
  total numeric GENERATED ALWAYS AS ((jsonb_path_query_first(doc, '$.total'))::numeric) STORED,
  skus jsonb GENERATED ALWAYS AS (jsonb_path_query_array(doc, '$.items[*].sku')) STORED
);
INSERT INTO orders (id, doc) VALUES (1, '{"total": 10, "items": [{"sku": "A"}, {"sku": "B"}]}'), (2, '{"total": 0, "items": []}');
INSERT INTO orders (id, doc) VALUES (3, '{"total": -1}');
SELECT id, total, skus FROM orders ORDER BY id;
CREATE TABLE bad_check (doc jsonb CHECK (jsonb_path_exists_tz(doc, '$.a')));
DO $$
BEGIN
  PERFORM jsonb_path_query('{"a": 1}', 'strict $.b');
EXCEPTION WHEN sqlstate '2203A' THEN
  RAISE NOTICE 'caught: %', SQLERRM;
END;
$$;

-- SQL/JSON query functions.
SELECT JSON_EXISTS(jsonb '{"a": [1, 2]}', '$.a[*] ? (@ > 1)'), JSON_EXISTS(jsonb '{"a": 1}', '$.b'), JSON_EXISTS(jsonb '{"a": 1}', 'strict $.b');
SELECT JSON_EXISTS(jsonb '{"a": 1}', 'strict $.b' TRUE ON ERROR), JSON_EXISTS(jsonb '{"a": 1}', 'strict $.b' UNKNOWN ON ERROR);
SELECT JSON_EXISTS(jsonb '{"a": 1}', 'strict $.b' ERROR ON ERROR);
SELECT JSON_EXISTS(jsonb '{"a": [1, 5]}', '$.a[*] ? (@ > $x)' PASSING 3 AS x), JSON_EXISTS('{"a": 1}', '$.a');
SELECT JSON_VALUE(jsonb '{"a": 1}', '$.a'), JSON_VALUE(jsonb '{"a": "x"}', '$.a'), JSON_VALUE(jsonb '{"a": null}', '$.a'), JSON_VALUE(jsonb '{"a": 1}', '$.b');
SELECT JSON_VALUE(jsonb '{"a": "12"}', '$.a' RETURNING int), JSON_VALUE(jsonb '{"a": 1.5}', '$.a' RETURNING numeric), JSON_VALUE(jsonb '{"a": true}', '$.a' RETURNING bool);
SELECT JSON_VALUE(jsonb '{"a": "2024-03-01"}', '$.a' RETURNING date), JSON_VALUE(jsonb '{"a": [1]}', '$.a'), JSON_VALUE(jsonb '{"a": [1, 2]}', '$.a[*]');
SELECT JSON_VALUE(jsonb '{"a": [1, 2]}', '$.a[*]' ERROR ON ERROR);
SELECT JSON_VALUE(jsonb '{"a": {"b": 1}}', '$.a' ERROR ON ERROR);
SELECT JSON_VALUE(jsonb '{"a": 1}', '$.b' ERROR ON EMPTY);
SELECT JSON_VALUE(jsonb '{"a": "x"}', '$.a' RETURNING int);
SELECT JSON_VALUE(jsonb '{"a": "x"}', '$.a' RETURNING int ERROR ON ERROR);
SELECT JSON_VALUE(jsonb '{"a": 1}', '$.b' DEFAULT 42 ON EMPTY), JSON_VALUE(jsonb '{"a": "x"}', '$.a' RETURNING int DEFAULT -1 ON ERROR), JSON_VALUE(jsonb '{"a": 1}', '$.b' NULL ON EMPTY);
SELECT JSON_VALUE(jsonb '{"a": 1, "b": 2}', '$.a + $x' PASSING 10 AS x), JSON_VALUE(jsonb '{"a": 1}', '$.a' RETURNING text), JSON_VALUE(jsonb '{"a": "abc"}', '$.a' RETURNING varchar(2));
SELECT id, JSON_VALUE(payload, '$.order.total' RETURNING numeric) AS total, JSON_VALUE(payload, '$.customer.tier' DEFAULT 'none' ON EMPTY) AS tier FROM events ORDER BY id;
SELECT JSON_QUERY(jsonb '{"a": [1, 2]}', '$.a'), JSON_QUERY(jsonb '{"a": [1, 2]}', '$.a[*]'), JSON_QUERY(jsonb '{"a": 1}', '$.b'), JSON_QUERY(jsonb '{"a": "x"}', '$.a');
SELECT JSON_QUERY(jsonb '{"a": [1, 2]}', '$.a[*]' WITH WRAPPER), JSON_QUERY(jsonb '{"a": [1, 2]}', '$.a' WITH WRAPPER), JSON_QUERY(jsonb '{"a": [1, 2]}', '$.a' WITH CONDITIONAL WRAPPER), JSON_QUERY(jsonb '{"a": 1}', '$.a' WITH CONDITIONAL WRAPPER);
SELECT JSON_QUERY(jsonb '{"a": [1, 2]}', '$.a[*]' WITH UNCONDITIONAL ARRAY WRAPPER), JSON_QUERY(jsonb '{"a": [1, 2]}', '$.a[*]' WITHOUT WRAPPER);
SELECT JSON_QUERY(jsonb '{"a": [1, 2]}', '$.a[*]' ERROR ON ERROR);
SELECT JSON_QUERY(jsonb '{"a": "x"}', '$.a' KEEP QUOTES), JSON_QUERY(jsonb '{"a": "x"}', '$.a' OMIT QUOTES), JSON_QUERY(jsonb '{"a": "x"}', '$.a' RETURNING text), JSON_QUERY(jsonb '{"a": "x"}', '$.a' RETURNING text OMIT QUOTES);
SELECT JSON_QUERY(jsonb '{"a": 1}', '$.b' EMPTY ARRAY ON EMPTY), JSON_QUERY(jsonb '{"a": 1}', '$.b' EMPTY OBJECT ON EMPTY), JSON_QUERY(jsonb '{"a": [1, 2]}', '$.a[*]' EMPTY ARRAY ON ERROR);
SELECT JSON_QUERY(jsonb '{"a": {"b": 1}}', '$.a' RETURNING json), JSON_QUERY(jsonb '{"a": [1, 2]}', '$.a[$i]' PASSING 1 AS i);
SELECT id, JSON_QUERY(payload, '$.order.items[*].sku' WITH WRAPPER) FROM events ORDER BY id;
SELECT JSON_VALUE(jsonb '{"a": true}', '$.a'), JSON_VALUE(jsonb '{"a": "2024-03-01 10:00:00+02"}', '$.a.datetime()'), JSON_VALUE(jsonb '{"a": "2024-03-01 10:00:00+02"}', '$.a.datetime()' RETURNING timestamptz);
SELECT JSON_VALUE(jsonb '{}', '$d.type()' PASSING '2024-01-01'::date AS d), JSON_VALUE(jsonb '{}', '$d' PASSING 1.5::float8 AS d), JSON_VALUE(jsonb '{}', '$d' PASSING 'txt' AS d), JSON_VALUE(jsonb '{}', '$d.a' PASSING '{"a": 5}'::jsonb AS d);
SELECT JSON_VALUE(jsonb '{}', '$zz');
SELECT JSON_VALUE(NULL::jsonb, '$'), JSON_QUERY(jsonb '{}', NULL), JSON_EXISTS(NULL::jsonb, '$'), JSON_VALUE(jsonb '{"a": 1}', '$' || '.a');
SELECT JSON_VALUE(jsonb '{"a": 5}', '$.b' RETURNING int DEFAULT 1 ON EMPTY DEFAULT 2 ON ERROR), JSON_VALUE(jsonb '[1, 2]', 'strict $[5]' DEFAULT 9 ON ERROR), JSON_VALUE(jsonb '{"a": 1.5}', '$.a' RETURNING int);
SELECT JSON_QUERY(jsonb '{"a": "1"}', '$.a' RETURNING int OMIT QUOTES), JSON_QUERY(jsonb '{"a": "x"}', '$.a' RETURNING int), JSON_QUERY(jsonb '{"a": {"b": 1}}', '$.a' RETURNING bytea);
SELECT JSON_QUERY(jsonb '{"a": "x"}', '$.a' OMIT QUOTES ERROR ON ERROR);
SELECT JSON_VALUE(jsonb '{"a": "abc"}', '$.a' RETURNING varchar(2) ERROR ON ERROR);
SELECT JSON_VALUE(1, '$');
SELECT JSON_VALUE(jsonb '{"a": 1}', '$.a' EMPTY ON ERROR);
SELECT JSON_QUERY(jsonb '{"a": 1}', '$.a' TRUE ON ERROR);
SELECT JSON_EXISTS(jsonb '{"a": 1}', '$.a' NULL ON ERROR);
SELECT JSON_VALUE(jsonb '{"a": 1}', '$.a' RETURNING text FORMAT JSON);
SELECT JSON_VALUE(jsonb '{"a": "x"}', '$.a' RETURNING int DEFAULT 'z' ON ERROR);
SELECT * FROM JSON_TABLE(jsonb '[{"a": 1}, {"a": 2}]', '$[*]' COLUMNS (a int PATH '$.a')) AS jt;
SELECT * FROM JSON_TABLE(jsonb '[{"a": 1, "b": "x"}, {"a": "z"}, {"b": [1, 2]}]', '$[*]' COLUMNS (id FOR ORDINALITY, a int PATH '$.a', b text, bj jsonb PATH '$.b', e bool EXISTS PATH '$.b')) AS jt;
SELECT * FROM JSON_TABLE(jsonb '[{"a": 1}, {"a": "z"}]', '$[*]' COLUMNS (a int PATH '$.a' ERROR ON ERROR)) AS jt;
SELECT * FROM JSON_TABLE(jsonb '[{"a": 1}, {"a": "z"}]', '$[*]' COLUMNS (a int PATH '$.a') ERROR ON ERROR) AS jt;
SELECT * FROM JSON_TABLE(jsonb '{"a": 1}', 'strict $.b' COLUMNS (a int PATH '$.a')) AS jt;
SELECT * FROM JSON_TABLE(jsonb '{"a": 1}', 'strict $.b' COLUMNS (a int PATH '$.a') ERROR ON ERROR) AS jt;
SELECT * FROM JSON_TABLE(jsonb '[{"o": 1, "items": [{"s": "A"}, {"s": "B"}], "tags": ["t1"]}, {"o": 2, "items": []}]', '$[*]'
  COLUMNS (o int, n FOR ORDINALITY, NESTED PATH '$.items[*]' COLUMNS (s text, i FOR ORDINALITY), NESTED PATH '$.tags[*]' COLUMNS (tag text PATH '$'))) AS jt;
SELECT * FROM JSON_TABLE(jsonb '[1, 2]', '$[*] ? (@ > $m)' PASSING 1 AS m COLUMNS (v int PATH '$', w int PATH '$ + $m'));
SELECT * FROM JSON_TABLE(jsonb '[{"a": [1, 2]}]', '$[*]' COLUMNS (a int PATH '$.a', q jsonb PATH '$.a[*]' WITH WRAPPER, t text FORMAT JSON PATH '$.a', o text PATH '$.a[0]' DEFAULT 'none' ON EMPTY, k int EXISTS PATH '$.zz'));
SELECT * FROM JSON_TABLE(jsonb '{"a": "q"}', '$' COLUMNS (a text PATH '$.a' OMIT QUOTES, b jsonb PATH '$.a')), JSON_TABLE(NULL::jsonb, '$' COLUMNS (c int PATH '$.c')) AS n;
SELECT * FROM JSON_TABLE(jsonb '{}', '$' COLUMNS (a int PATH '$.a', a text PATH '$.b'));
SELECT e.id, jt.* FROM events e, JSON_TABLE(e.payload, '$.order.items[*]' COLUMNS (line FOR ORDINALITY, sku text, qty int, price numeric, amount numeric PATH '$.qty * $.price')) AS jt ORDER BY e.id, jt.line;
SELECT p.name, s.* FROM products p CROSS JOIN LATERAL JSON_TABLE(p.attrs, '$' COLUMNS (color text DEFAULT 'n/a' ON EMPTY, w int PATH '$.dims.w', tagged bool EXISTS PATH '$.tags[0]', NESTED PATH '$.stock[*]' COLUMNS (store text, qty int))) AS s ORDER BY p.id, s.store;
SELECT '{"a": 1}' IS JSON OBJECT, '[1]'::jsonb IS JSON ARRAY, 'x' IS JSON;

DROP TABLE events, products, saved_filters, orders;

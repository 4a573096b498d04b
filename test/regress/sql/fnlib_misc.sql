-- Function library odds and ends: casefold, pg_timezone_names(), functional notation.
SELECT casefold('Straße ẞ'), casefold('ı'), casefold('ΣΑΣ'), casefold('ǅ'), casefold('ﬀ');
SELECT name, utc_offset, is_dst FROM pg_timezone_names() WHERE name IN ('UTC', 'Asia/Tokyo', 'Asia/Kolkata') ORDER BY name;
SELECT * FROM (SELECT (pg_timezone_names()).name) ptn WHERE name = 'UTC';
SELECT count(*) = (SELECT count(*) FROM pg_timezone_names) AS same_as_view FROM pg_timezone_names();
CREATE TYPE fnmisc_pt AS (x int, y int);
SELECT x(p), y(p), x(p) + y(p) AS sum FROM (VALUES (ROW(1, 2)::fnmisc_pt), (ROW(3, 4)::fnmisc_pt)) v(p) ORDER BY 1;
SELECT z(ROW(1, 2)::fnmisc_pt);

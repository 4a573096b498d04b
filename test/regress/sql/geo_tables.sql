-- Geometric columns in an application schema: subscripts, updates, indexes, exclusion constraints.
CREATE TABLE geo_places (id serial PRIMARY KEY, name text NOT NULL, location point NOT NULL, area box, zone circle);
INSERT INTO geo_places (name, location, area, zone) VALUES
  ('depot', '(2.5,3.5)', '(4,5),(1,2)', '<(2.5,3.5),2>'),
  ('shop', point(10, -4), box(point(9,-5), point(11,-3)), circle(point(10,-4), 1)),
  ('home', '(0,0)', NULL, NULL);
SELECT id, name, location[0] AS x, location[1] AS y, area[0] AS high, area[1] AS low, area[0][1] AS top FROM geo_places ORDER BY id;
SELECT name FROM geo_places WHERE location[0] > 1 ORDER BY location[1];
SELECT name, location <-> point(0,0) AS dist FROM geo_places ORDER BY dist;
SELECT name FROM geo_places ORDER BY location <-> point(9, -4) LIMIT 1;
SELECT (point '(1,2)')[0], (point '(1,2)')[2], (point '(1,2)')[-1], (lseg '[(1,2),(3,4)]')[1], (line '{1,2,3}')[2], (point '(1,2)')[NULL];
SELECT (point '(1,2)')[0:1];
SELECT (circle '<(1,1),1>')[0];
SELECT (path '[(1,1),(2,2)]')[0];
UPDATE geo_places SET location[0] = location[0] + 1, area[1] = point(0, 0) WHERE name = 'depot' RETURNING location, area;
UPDATE geo_places SET location[1] = NULL WHERE name = 'home' RETURNING location;
UPDATE geo_places SET area[0][1] = 100 WHERE name = 'shop' RETURNING area;
UPDATE geo_places SET location[2] = 1;
UPDATE geo_places SET location[NULL] = 1;
UPDATE geo_places SET area[0] = 5;
UPDATE geo_places SET zone[0] = 5;
-- indexes
CREATE INDEX geo_places_location_gist ON geo_places USING gist (location);
CREATE INDEX geo_places_area_gist ON geo_places USING gist (area);
CREATE INDEX geo_places_zone_gist ON geo_places USING gist (zone);
CREATE INDEX geo_places_location_spgist ON geo_places USING spgist (location);
CREATE INDEX geo_places_area_spgist ON geo_places USING spgist (area);
CREATE INDEX geo_places_loc_btree ON geo_places (location);
CREATE INDEX geo_places_zone_hash ON geo_places USING hash (zone);
CREATE INDEX geo_places_zone_spgist ON geo_places USING spgist (zone);
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'geo_places' ORDER BY indexname;
INSERT INTO geo_places (name, location, area) VALUES ('kiosk', '(3,3)', '(3.5,3.5),(2.5,2.5)');
SELECT name FROM geo_places WHERE location <@ box '(5,5),(0,0)' ORDER BY name;
SELECT name FROM geo_places WHERE area && box '(3,3),(2,2)' ORDER BY name;
SELECT name FROM geo_places WHERE zone @> point '(10,-4.5)' ORDER BY name;
-- exclusion constraints
CREATE TABLE geo_plots (id int, lot box, EXCLUDE USING gist (lot WITH &&));
INSERT INTO geo_plots VALUES (1, '(2,2),(0,0)'), (2, '(5,5),(3,3)');
INSERT INTO geo_plots VALUES (3, '(4,4),(1.5,1.5)');
INSERT INTO geo_plots VALUES (4, '(10,10),(6,6)');
UPDATE geo_plots SET lot = '(3,3),(2.5,2.5)' WHERE id = 4;
SELECT * FROM geo_plots ORDER BY id;
CREATE TABLE geo_rings (id int, r circle, EXCLUDE USING gist (r WITH &&));
INSERT INTO geo_rings VALUES (1, '<(0,0),1>'), (2, '<(3,0),1>');
INSERT INTO geo_rings VALUES (3, '<(1.5,0),0.6>');
CREATE TABLE geo_bad1 (p point, EXCLUDE USING gist (p WITH <<));
CREATE TABLE geo_bad2 (b box, EXCLUDE USING gist (b WITH @>));
CREATE TABLE geo_bad3 (b box, EXCLUDE USING gist (b WITH =));
CREATE TABLE geo_bad4 (s lseg, EXCLUDE USING gist (s WITH =));
-- no ordering
CREATE TABLE geo_bad5 (p point PRIMARY KEY);
CREATE TABLE geo_bad6 (p point UNIQUE);
SELECT name FROM geo_places ORDER BY location;
SELECT DISTINCT zone FROM geo_places;
SELECT area, count(*) FROM geo_places GROUP BY area;
SELECT name, array_agg(location ORDER BY location[0]) FROM geo_places GROUP BY name ORDER BY name;
-- views and functions
CREATE VIEW geo_place_centers AS SELECT name, center(area) AS c, area(area) AS a, location[0] AS x FROM geo_places;
SELECT * FROM geo_place_centers ORDER BY name;
SELECT pg_get_viewdef('geo_place_centers');
CREATE FUNCTION geo_shift(p point, dx float8) RETURNS point LANGUAGE sql IMMUTABLE AS $$ SELECT point(p[0] + dx, p[1]) $$;
SELECT name, geo_shift(location, 1) FROM geo_places ORDER BY id;
CREATE FUNCTION geo_grow(b box) RETURNS box LANGUAGE plpgsql AS $$
DECLARE r box := b;
BEGIN
  r := box(point(b[0][0] + 1, b[0][1] + 1), point(b[1][0] - 1, b[1][1] - 1));
  RETURN r;
END $$;
SELECT name, geo_grow(area) FROM geo_places WHERE area IS NOT NULL ORDER BY id;
PREPARE geo_near(point) AS SELECT name FROM geo_places WHERE location <-> $1 < 3 ORDER BY name;
EXECUTE geo_near('(1,1)');
EXECUTE geo_near(point(10,-4));
DEALLOCATE geo_near;
DROP VIEW geo_place_centers;
DROP FUNCTION geo_shift(point, float8);
DROP FUNCTION geo_grow(box);
DROP TABLE geo_places, geo_plots, geo_rings;

-- Geometric functions, operators and casts on a small set of shapes.
CREATE TABLE geo_shapes (id int PRIMARY KEY, p point, b box, c circle, s lseg, pa path, pg polygon, l line);
INSERT INTO geo_shapes VALUES
  (1, '(0,0)', '(2,2),(0,0)', '<(0,0),1>', '[(0,0),(2,2)]', '[(0,0),(3,4)]', '((0,0),(4,0),(4,4),(0,4))', '{1,-1,0}'),
  (2, '(3,4)', '(5,5),(3,3)', '<(4,4),2>', '[(0,3),(3,0)]', '((0,0),(3,0),(3,3))', '((1,1),(3,1),(2,3))', '{0,-1,2}'),
  (3, '(-1,-1)', '(1,1),(-1,-1)', '<(-1,-1),0.5>', '[(5,5),(6,6)]', '[(1,1)]', '((10,10),(11,10),(11,11))', '{1,0,-3}'),
  (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- constructors
SELECT point(1.5, -2), box(point(1,1), point(0,0)), box(point(3,4)), circle(point(1,2), 3), lseg(point(0,0), point(1,1)),
       line(point(0,0), point(1,1)), path(polygon '((0,0),(1,1),(1,0))'), polygon(box '(1,1),(0,0)'), polygon(path '((0,0),(1,1),(1,0))');
SELECT polygon(4, circle '<(0,0),2>'), box(circle '<(0,0),2>'), circle(box '(2,2),(0,0)'), circle(polygon '((0,0),(2,0),(2,2),(0,2))');
SELECT point(box '(2,2),(0,0)'), point(lseg '[(0,0),(2,4)]'), point(circle '<(1,2),3>'), point(polygon '((0,0),(2,0),(2,2),(0,2))'), lseg(box '(2,2),(0,0)'), box(polygon '((0,0),(3,1),(1,2))');
SELECT line(point(1,1), point(1,1));
SELECT polygon(path '[(0,0),(1,1),(2,0)]');
SELECT polygon(1, circle '<(0,0),1>');
SELECT polygon(3, circle '<(0,0),0>');
-- measures
SELECT id, area(b), area(c), area(pa), width(b), height(b), center(b), center(c), diameter(c), radius(c), length(s), length(pa),
       npoints(pa), npoints(pg), isclosed(pa), isopen(pa), pclose(pa), popen(pa) FROM geo_shapes ORDER BY id;
SELECT id, slope(p, point(10, 10)), diagonal(b), bound_box(b, box '(10,10),(9,9)'), box_intersect(b, box '(4,4),(1,1)') FROM geo_shapes ORDER BY id;
SELECT id, isvertical(s), ishorizontal(s), isparallel(s, lseg '[(1,1),(2,2)]'), isperp(s, lseg '[(0,0),(1,-1)]'),
       isvertical(l), ishorizontal(l), isparallel(l, line '{1,-1,5}'), isperp(l, line '{1,1,0}') FROM geo_shapes ORDER BY id;
-- distances
SELECT a.id, b.id, a.p <-> b.p AS pp, a.b <-> b.b AS bb, a.c <-> b.c AS cc, a.s <-> b.s AS ss, a.pa <-> b.pa AS paths, a.pg <-> b.pg AS polys
  FROM geo_shapes a, geo_shapes b WHERE a.id < b.id ORDER BY a.id, b.id;
SELECT id, p <-> b AS pb, p <-> c AS pc, p <-> s AS ps, p <-> l AS pl, p <-> pa AS ppath, p <-> pg AS ppoly, s <-> b AS sb, s <-> l AS sl,
       c <-> pg AS cpoly, l <-> l AS ll FROM geo_shapes ORDER BY id;
-- position and containment
SELECT a.id, b.id, a.b << b.b, a.b >> b.b, a.b &< b.b, a.b &> b.b, a.b <<| b.b, a.b |>> b.b, a.b &<| b.b, a.b |&> b.b,
       a.b && b.b, a.b @> b.b, a.b <@ b.b, a.b ~= b.b, a.b = b.b, a.b < b.b, a.b >= b.b, a.b <^ b.b, a.b >^ b.b
  FROM geo_shapes a, geo_shapes b WHERE a.id <= 3 AND b.id <= 3 ORDER BY a.id, b.id;
SELECT a.id, b.id, a.c << b.c, a.c >> b.c, a.c && b.c, a.c @> b.c, a.c <@ b.c, a.c ~= b.c, a.c = b.c, a.c <> b.c, a.c < b.c, a.c <<| b.c, a.c |>> b.c,
       a.pg << b.pg, a.pg && b.pg, a.pg @> b.pg, a.pg ~= b.pg, a.pg |&> b.pg, a.pa ?# b.pa, a.pa = b.pa, a.pa < b.pa
  FROM geo_shapes a, geo_shapes b WHERE a.id <= 3 AND b.id <= 3 ORDER BY a.id, b.id;
SELECT a.id, b.id, a.p << b.p, a.p >> b.p, a.p <<| b.p, a.p |>> b.p, a.p <^ b.p, a.p >^ b.p, a.p ~= b.p, a.p <> b.p, a.p ?- b.p, a.p ?| b.p,
       a.p <@ b.b, a.p <@ b.c, a.p <@ b.pg, a.p <@ b.pa, a.p <@ b.s, a.p <@ b.l, b.b @> a.p, b.c @> a.p, b.pg @> a.p, b.pa @> a.p
  FROM geo_shapes a, geo_shapes b WHERE a.id <= 3 AND b.id <= 3 ORDER BY a.id, b.id;
SELECT a.id, b.id, a.s ?# b.s, a.s # b.s, a.s ?|| b.s, a.s ?-| b.s, a.s = b.s, a.s < b.s, a.s ?# b.b, a.s ?# b.l, a.s <@ b.b, a.s <@ b.l,
       a.l ?# b.l, a.l # b.l, a.l ?|| b.l, a.l ?-| b.l, a.l = b.l, a.l ?# b.b
  FROM geo_shapes a, geo_shapes b WHERE a.id <= 3 AND b.id <= 3 ORDER BY a.id, b.id;
-- closest points
SELECT id, p ## s, p ## b, p ## l, s ## b, l ## s, s ## lseg '[(10,0),(10,1)]' FROM geo_shapes ORDER BY id;
-- prefix operators
SELECT id, @@ b, @@ c, @@ s, @@ pg, # pa, # pg, @-@ s, @-@ pa, ?- s, ?| s, ?- l, ?| l FROM geo_shapes ORDER BY id;
-- arithmetic
SELECT id, p + point(1,1), p - point(1,1), p * point(0,1), p / point(2,0), b + point(1,1), b * point(2,0), b / point(0,2),
       c + point(1,1), c * point(0,2), c / point(2,0), pa + point(1,1), pa * point(2,0), pa + path '[(9,9)]' FROM geo_shapes ORDER BY id;
SELECT point(1,2) / point(0,0);
SELECT point(1e300,1) * point(1e300,1);
SELECT circle '<(1,1),1>' / point(0,0);
-- casts
SELECT p::box, b::point, b::lseg, b::polygon, b::circle, c::point, c::box, c::polygon, pg::point, pg::path, pg::box, pg::circle, s::point
  FROM geo_shapes ORDER BY id;
SELECT pa::polygon FROM geo_shapes WHERE id = 2;
SELECT pa::polygon FROM geo_shapes WHERE id = 1;
INSERT INTO geo_shapes (id, b) VALUES (5, point '(7,7)');
INSERT INTO geo_shapes (id, pg) VALUES (6, box '(1,1),(0,0)');
INSERT INTO geo_shapes (id, p) VALUES (7, box '(1,1),(0,0)');
SELECT id, b, pg FROM geo_shapes WHERE id >= 5 ORDER BY id;
-- no equality, ordering or hashing
SELECT point(1,2) = point(1,2);
SELECT p FROM geo_shapes ORDER BY p;
SELECT DISTINCT b FROM geo_shapes;
SELECT c, count(*) FROM geo_shapes GROUP BY c;
SELECT ARRAY[point(1,2)] = ARRAY[point(1,2)];
SELECT point(1,2) IS DISTINCT FROM point(1,2);
SELECT b FROM geo_shapes UNION SELECT b FROM geo_shapes;
SELECT b FROM geo_shapes UNION ALL SELECT b FROM geo_shapes ORDER BY 1;
SELECT count(*) FROM geo_shapes WHERE b = box '(4,4),(2,2)';
SELECT id FROM geo_shapes WHERE p <@ box '(10,10),(-0.5,-0.5)' ORDER BY id;
SELECT id FROM geo_shapes WHERE c && circle '<(3,3),1>' ORDER BY id;
DROP TABLE geo_shapes;

-- Geometric types: text input forms, output, errors, arrays and type facts.
SELECT '(1,2)'::point, ' ( 1.5 , -0 ) '::point, '3,4'::point, '(1e-300,-1e300)'::point, '(Infinity,NaN)'::point;
SELECT 'asdfasdf'::point;
SELECT '(10.0 10.0)'::point;
SELECT '(10.0,10.0) x'::point;
SELECT '(10.0,10.0'::point;
SELECT '(10.0, 1e+500)'::point;
SELECT ''::point;
SELECT '[(1,2),(3,4)]'::lseg, '(1,2),(3,4)'::lseg, '((1,2),(3,4))'::lseg, '1,2,3,4'::lseg;
SELECT '[(1,2),(3,4)'::lseg;
SELECT '{1,2,3}'::line, '{0,-1,5}'::line, '[(0,0),(1,1)]'::line, '(0,0),(2,1)'::line, '{1,0,-3}'::line;
SELECT '{0,0,1}'::line;
SELECT '[(1,1),(1,1)]'::line;
SELECT '{1,2}'::line;
SELECT '(1,1),(0,0)'::box, '(0,0),(1,1)'::box, '((3,1),(1,3))'::box, '1,2,3,4'::box, '(2,2),(2,2)'::box;
SELECT '[(1,1),(0,0)]'::box;
SELECT '(1,1),(0,0),(2,2)'::box;
SELECT '[(0,0),(1,1),(2,0)]'::path, '((0,0),(1,1),(2,0))'::path, '(0,0),(1,1),(2,0)'::path, '(1,2)'::path, '0,0,1,1'::path;
SELECT '[(0,0),(1,1)'::path;
SELECT '(0,0),(1,1),(2'::path;
SELECT '[]'::path;
SELECT '((0,0),(1,1),(2,0))'::polygon, '(0,0),(1,1),(2,0)'::polygon, '0,0,1,1,2,0'::polygon, '(1,2)'::polygon;
SELECT '[(0,0),(1,1),(2,0)]'::polygon;
SELECT '(0,0),(1,1),(2'::polygon;
SELECT '<(1,2),3>'::circle, '((1,2),3)'::circle, '(1,2),3'::circle, '1,2,3'::circle, ' < ( 1 , 2 ) , 3 > '::circle, '<(0,0),0>'::circle;
SELECT '<(1,2),-3>'::circle;
SELECT '<(1,2),3'::circle;
SELECT '<(1,2),3>>'::circle;
SELECT '(1,2)'::circle;
-- float formatting follows extra_float_digits
SELECT point(0.1, 1.0/3), circle(point(0.1, 0.2), 1.0/3), box(point(2.0/3, 1), point(0, 0));
SET extra_float_digits = 0;
SELECT point(0.1, 1.0/3), circle(point(0.1, 0.2), 1.0/3), line(point(0,0), point(3,1));
SET extra_float_digits = 3;
SELECT point(0.1, 1.0/3), lseg(point(0.1,0.2), point(1.0/3,1));
RESET extra_float_digits;
-- arrays (box arrays use ; between elements)
SELECT ARRAY[point(1,2), point(3,4)], '{"(1,2)",NULL}'::point[], ARRAY[box '(1,1),(0,0)', box '(2,2),(1,1)'];
SELECT '{(1,1),(0,0);(3,3),(2,2)}'::box[], ('{(1,1),(0,0);(3,3),(2,2)}'::box[])[2];
SELECT ARRAY[circle '<(0,0),1>'], ARRAY[path '[(0,0),(1,1)]', path '((0,0),(1,1),(1,0))'], ARRAY[polygon '((0,0),(1,1),(1,0))'];
-- types
SELECT pg_typeof(point(1,2)), pg_typeof(lseg '[(0,0),(1,1)]'), pg_typeof(line '{1,2,3}'), pg_typeof(box '(1,1),(0,0)'),
       pg_typeof(path '[(0,0),(1,1)]'), pg_typeof(polygon '((0,0),(1,1),(1,0))'), pg_typeof(circle '<(0,0),1>');
SELECT t::regtype, t::regtype::oid, format_type(t::regtype, NULL) FROM unnest(ARRAY['point','lseg','path','box','polygon','line','circle','point[]','box[]','circle[]']) t;
SELECT typname, typlen, typcategory, typdelim, typelem::regtype, typarray::regtype FROM pg_type WHERE oid IN (600, 601, 602, 603, 604, 628, 718) ORDER BY oid;
SELECT pg_input_is_valid('(1,2)', 'point'), pg_input_is_valid('1,y', 'point'), pg_input_is_valid('<(1,2),-1>', 'circle');
SELECT * FROM pg_input_error_info('1,y', 'point');
SELECT * FROM pg_input_error_info('{0,0,1}', 'line');
SELECT * FROM pg_input_error_info('(1,1e500)', 'box');
-- text casts and json
SELECT point(1,2)::text, box '(1,1),(0,0)'::varchar, 'text'::text || circle '<(1,2),3>';
SELECT '(5,6)'::text::point, to_json(point(1,2)), to_jsonb(ARRAY[box '(1,1),(0,0)']), row(point(1,2), lseg '[(0,0),(1,1)]');
SELECT json_build_object('p', point(1,2), 'c', circle '<(0,0),1>');

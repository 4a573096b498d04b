-- Array subscripts: at most 6 dimensions, read and assigned.
CREATE TABLE grids (id int, cells int[]);
INSERT INTO grids VALUES (1, '{{1,2},{3,4}}');
SELECT cells[1][2], cells[2:2][1:2] FROM grids;
SELECT ('{}'::int[])[1][2][3][4][5][6];
SELECT ('{}'::int[])[1][2][3][4][5][6][7];
SELECT cells[1][1][1][1][1][1][1] FROM grids;
SELECT cells[1:2][1][1][1][1][1][1] FROM grids;
INSERT INTO grids (id, cells[1][1][1][1][1][1][1]) VALUES (2, 1);
UPDATE grids SET cells[1][1][1][1][1][1][1] = 1;
UPDATE grids SET cells[1][2] = 20 RETURNING cells;

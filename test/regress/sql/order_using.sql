-- ORDER BY ... USING < / > in a leaderboard: sort, window, aggregate and set-operation ORDER BY,
-- NULLS defaults, and operators that are not ordering operators.
CREATE TABLE scores (player text PRIMARY KEY, points int, finished date);
INSERT INTO scores VALUES ('ana', 40, '2024-03-01'), ('bo', NULL, NULL), ('cy', 75, '2024-02-11'), ('di', 40, '2024-01-05');
SELECT player, points FROM scores ORDER BY points USING >, player USING <;
SELECT player, points FROM scores ORDER BY points USING <, player;
SELECT player, points FROM scores ORDER BY points USING > NULLS LAST, player USING >;
SELECT player, finished FROM scores ORDER BY finished USING < NULLS FIRST, player;
SELECT player, rank() OVER (ORDER BY points USING > NULLS LAST) FROM scores ORDER BY player;
SELECT string_agg(player, ',' ORDER BY points USING >, player USING >) FROM scores;
SELECT player FROM scores WHERE points > 50 UNION SELECT 'zed' ORDER BY player USING >;
SELECT player FROM scores ORDER BY player USING OPERATOR(pg_catalog.<);
SELECT player FROM scores ORDER BY points USING =;
SELECT player FROM scores ORDER BY points USING <>;
SELECT player FROM scores ORDER BY points USING <=;

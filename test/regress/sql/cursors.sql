-- Cursors over an application's tables: paging, scrolling, holdable cursors, pg_cursors.
CREATE TABLE tickets (id int PRIMARY KEY, subject text, priority int, status text);
INSERT INTO tickets SELECT g, 'ticket ' || g, g % 3, CASE WHEN g % 4 = 0 THEN 'closed' ELSE 'open' END FROM generate_series(1, 12) g;

-- A forward-only (NO SCROLL) cursor: ABSOLUTE may only move forward.
BEGIN;
DECLARE open_tickets NO SCROLL CURSOR FOR SELECT id, subject FROM tickets WHERE status = 'open' ORDER BY id;
FETCH 2 FROM open_tickets;
FETCH ABSOLUTE 4 FROM open_tickets;
FETCH ABSOLUTE 6 FROM open_tickets;
FETCH ABSOLUTE 6 FROM open_tickets;
ROLLBACK;
BEGIN;
DECLARE open_tickets NO SCROLL CURSOR FOR SELECT id FROM tickets ORDER BY id;
FETCH ABSOLUTE 0 FROM open_tickets;
FETCH ABSOLUTE 1 FROM open_tickets;
MOVE ALL IN open_tickets;
FETCH ABSOLUTE 13 FROM open_tickets;
FETCH ABSOLUTE 14 FROM open_tickets;
FETCH ABSOLUTE 12 FROM open_tickets;
ROLLBACK;
BEGIN;
DECLARE t NO SCROLL CURSOR FOR SELECT id FROM tickets ORDER BY id;
MOVE 8 IN t;
FETCH ABSOLUTE 2 FROM t;
ROLLBACK;

-- SCROLL cursors: every direction.
BEGIN;
DECLARE s SCROLL CURSOR FOR SELECT id, priority FROM tickets ORDER BY priority DESC, id;
FETCH LAST FROM s;
FETCH PRIOR FROM s;
FETCH ABSOLUTE -2 FROM s;
FETCH RELATIVE -3 FROM s;
FETCH RELATIVE 0 FROM s;
FETCH FIRST FROM s;
FETCH BACKWARD 2 FROM s;
FETCH FORWARD 3 FROM s;
MOVE FORWARD ALL IN s;
FETCH BACKWARD ALL FROM s;
MOVE ABSOLUTE 5 IN s;
FETCH NEXT FROM s;
SELECT name, statement, is_holdable, is_binary, is_scrollable FROM pg_cursors ORDER BY name;
CLOSE s;
CLOSE s;
ROLLBACK;

-- WITH HOLD: the rows survive COMMIT; the cursor sees the data as of its declaration.
BEGIN;
DECLARE held CURSOR WITH HOLD FOR SELECT id, status FROM tickets WHERE priority = 0 ORDER BY id;
FETCH 1 FROM held;
UPDATE tickets SET status = 'archived' WHERE priority = 0;
COMMIT;
SELECT name, is_holdable, is_scrollable FROM pg_cursors;
FETCH ALL FROM held;
FETCH ABSOLUTE 1 FROM held;
CLOSE held;
BEGIN;
DECLARE held2 NO SCROLL CURSOR WITH HOLD FOR SELECT id FROM tickets ORDER BY id;
FETCH 3 FROM held2;
COMMIT;
FETCH 1 FROM held2;
FETCH ABSOLUTE 5 FROM held2;
FETCH ABSOLUTE 5 FROM held2;
CLOSE held2;
BEGIN;
DECLARE gone CURSOR WITH HOLD FOR SELECT id FROM tickets;
ROLLBACK;
FETCH 1 FROM gone;
DECLARE outside CURSOR FOR SELECT 1;
CLOSE ALL;

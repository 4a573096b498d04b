-- regress: where
-- PL/pgSQL: declarations, assignments, control flow, queries, dynamic SQL, cursors, RAISE,
-- exception blocks as subtransactions, diagnostics, and the errors (with CONTEXT) Postgres reports.
CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric(12,2) NOT NULL DEFAULT 0 CHECK (balance >= 0));
INSERT INTO accounts VALUES (1, 'alice', 100), (2, 'bob', 50), (3, 'carol', 0);
CREATE FUNCTION transfer(src int, dst int, amount numeric) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  src_balance accounts.balance%TYPE;
  dst_row accounts%ROWTYPE;
BEGIN
  IF amount <= 0 THEN
    RAISE EXCEPTION 'amount must be positive, got %', amount USING ERRCODE = 'check_violation', HINT = 'Use a positive amount.';
  END IF;
  SELECT balance INTO STRICT src_balance FROM accounts WHERE id = src;
  SELECT * INTO dst_row FROM accounts WHERE id = dst;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'account % does not exist', dst USING ERRCODE = 'P0002';
  END IF;
  UPDATE accounts SET balance = balance - amount WHERE id = src;
  UPDATE accounts SET balance = balance + amount WHERE id = dst;
  RETURN format('%s -> %s: %s', src, dst_row.owner, amount);
END $$;
SELECT transfer(1, 2, 30);
SELECT id, balance FROM accounts ORDER BY id;
SELECT transfer(1, 2, -5);
SELECT transfer(1, 9, 5);
SELECT transfer(9, 1, 5);
SELECT transfer(3, 1, 10);
SELECT id, balance FROM accounts ORDER BY id;
CREATE FUNCTION safe_transfer(src int, dst int, amount numeric) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN transfer(src, dst, amount);
EXCEPTION
  WHEN check_violation THEN
    RETURN 'rejected: ' || SQLERRM;
  WHEN no_data_found OR SQLSTATE 'P0002' THEN
    RETURN 'missing: ' || SQLSTATE;
END $$;
SELECT safe_transfer(3, 1, 10), safe_transfer(1, 7, 1), safe_transfer(2, 1, 0), safe_transfer(2, 3, 5);
SELECT id, balance FROM accounts ORDER BY id;
CREATE FUNCTION stats(OUT total numeric, OUT richest text, OUT n int) LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  total := 0; n := 0;
  FOR r IN SELECT owner, balance FROM accounts ORDER BY balance DESC, id LOOP
    total := total + r.balance;
    n := n + 1;
    IF n = 1 THEN richest := r.owner; END IF;
  END LOOP;
END $$;
SELECT * FROM stats();
CREATE FUNCTION fib(n int) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF n < 2 THEN RETURN n; END IF;
  RETURN fib(n - 1) + fib(n - 2);
END $$;
SELECT fib(0), fib(1), fib(10), fib(20);
CREATE FUNCTION loops() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  i int;
  arr int[] := ARRAY[[1,2],[3,4]];
  x int;
  s int[];
  k int := 0;
BEGIN
  FOR i IN REVERSE 10..1 BY 3 LOOP RETURN NEXT 'rev ' || i; END LOOP;
  FOR i IN 1..10 LOOP
    CONTINUE WHEN i % 2 = 0;
    EXIT WHEN i > 5;
    RETURN NEXT 'odd ' || i;
  END LOOP;
  FOREACH x IN ARRAY arr LOOP RETURN NEXT 'elem ' || x; END LOOP;
  FOREACH s SLICE 1 IN ARRAY arr LOOP RETURN NEXT 'slice ' || s::text; END LOOP;
  <<outer_loop>>
  LOOP
    k := k + 1;
    WHILE true LOOP
      EXIT outer_loop WHEN k >= 3;
      CONTINUE outer_loop;
    END LOOP;
  END LOOP outer_loop;
  RETURN NEXT 'k ' || k;
  RETURN QUERY SELECT owner FROM accounts WHERE balance > 60 ORDER BY id;
  RETURN QUERY EXECUTE 'SELECT $1 || owner FROM accounts WHERE id = $2' USING 'dyn ', 3;
END $$;
SELECT * FROM loops();
CREATE FUNCTION classify(v int) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  CASE
    WHEN v < 0 THEN RETURN 'negative';
    WHEN v = 0 THEN RETURN 'zero';
  END CASE;
  CASE v % 2 WHEN 0 THEN RETURN 'even'; WHEN 1, -1 THEN RETURN 'odd'; END CASE;
END $$;
SELECT classify(-1), classify(0), classify(4), classify(7);
CREATE FUNCTION classify2(v text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  CASE v WHEN 'a' THEN RETURN 'A'; END CASE;
  RETURN 'unreachable';
END $$;
SELECT classify2('a');
SELECT classify2('b');
CREATE FUNCTION dyn(tbl text, col text, key int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE result text; n bigint;
BEGIN
  EXECUTE format('SELECT %I::text FROM %I WHERE id = $1', col, tbl) INTO result USING key;
  EXECUTE format('UPDATE %I SET balance = balance WHERE id <= $1', tbl) USING key;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN result || ' / ' || n;
END $$;
SELECT dyn('accounts', 'owner', 2);
SELECT dyn('accounts', 'nosuch', 2);
SELECT dyn('nosuch', 'owner', 2);
CREATE FUNCTION raiser(level text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF level = 'notice' THEN RAISE NOTICE 'plain notice % and %%', 1;
  ELSIF level = 'warning' THEN RAISE WARNING 'careful: %', level USING DETAIL = 'some detail';
  ELSIF level = 'info' THEN RAISE INFO 'info %', NULL;
  ELSIF level = 'debug' THEN RAISE DEBUG 'hidden';
  ELSIF level = 'custom' THEN RAISE EXCEPTION USING ERRCODE = 'P1234', MESSAGE = 'custom code', DETAIL = 'd', HINT = 'h', COLUMN = 'c', CONSTRAINT = 'k', DATATYPE = 't', TABLE = 'tb', SCHEMA = 'sc';
  ELSIF level = 'named' THEN RAISE unique_violation USING MESSAGE = 'dup!';
  ELSIF level = 'sqlstate' THEN RAISE SQLSTATE '22012';
  ELSIF level = 'bare' THEN RAISE;
  ELSE RAISE 'default level %', level;
  END IF;
END $$;
SELECT raiser('notice');
SELECT raiser('warning');
SELECT raiser('info');
SELECT raiser('debug');
SELECT raiser('custom');
SELECT raiser('named');
SELECT raiser('sqlstate');
SELECT raiser('bare');
SELECT raiser('other');

CREATE TABLE items (id int PRIMARY KEY, name text UNIQUE, qty int NOT NULL DEFAULT 0);
CREATE TABLE log (id serial PRIMARY KEY, msg text);
CREATE FUNCTION add_items(names text[]) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  n text;
  added int := 0;
  i int := 0;
BEGIN
  FOREACH n IN ARRAY names LOOP
    i := i + 1;
    BEGIN
      INSERT INTO items VALUES (i, n, i * 10);
      INSERT INTO log (msg) VALUES ('added ' || n);
      added := added + 1;
    EXCEPTION WHEN unique_violation THEN
      INSERT INTO log (msg) VALUES ('duplicate ' || n);
    END;
  END LOOP;
  RETURN added;
END $$;
SELECT add_items(ARRAY['a', 'b', 'a', 'c']);
SELECT * FROM items ORDER BY id;
SELECT msg FROM log ORDER BY id;
CREATE FUNCTION diag() RETURNS text LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text; hnt text; ctx text; tbl text; con text; col text; sch text;
BEGIN
  INSERT INTO items VALUES (1, 'zz');
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT,
    ctx = PG_EXCEPTION_CONTEXT, tbl = TABLE_NAME, con = CONSTRAINT_NAME, col = COLUMN_NAME, sch = SCHEMA_NAME;
  RETURN concat_ws(' | ', st, msg, det, hnt, ctx, tbl, con, col, sch);
END $$;
SELECT diag();
CREATE FUNCTION nested_ctx() RETURNS text LANGUAGE plpgsql AS $$
DECLARE ctx text;
BEGIN
  PERFORM diag();
  GET DIAGNOSTICS ctx = PG_CONTEXT;
  RETURN ctx;
END $$;
SELECT nested_ctx();
CREATE FUNCTION rollback_demo() RETURNS text LANGUAGE plpgsql AS $$
DECLARE x int := 1;
BEGIN
  BEGIN
    UPDATE items SET qty = 999 WHERE id = 1;
    x := 2;
    PERFORM 1 / 0;
  EXCEPTION WHEN division_by_zero THEN
    RETURN 'x=' || x || ' qty=' || (SELECT qty FROM items WHERE id = 1);
  END;
END $$;
SELECT rollback_demo();
CREATE FUNCTION reraise() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    RAISE EXCEPTION 'inner problem' USING ERRCODE = '22023';
  EXCEPTION WHEN invalid_parameter_value THEN
    RAISE NOTICE 'caught %, re-raising', SQLSTATE;
    RAISE;
  END;
END $$;
SELECT reraise();
CREATE FUNCTION uncaught() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    PERFORM 1 / 0;
  EXCEPTION WHEN unique_violation THEN
    RAISE NOTICE 'not reached';
  END;
END $$;
SELECT uncaught();
CREATE FUNCTION asserts(v int) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  ASSERT v > 0;
  ASSERT v < 10, 'v too big: ' || v;
  RETURN 'ok';
END $$;
SELECT asserts(5);
SELECT asserts(0);
SELECT asserts(50);
CREATE FUNCTION conflict(id int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT qty FROM items WHERE id = id);
END $$;
SELECT conflict(1);
CREATE FUNCTION qualified(id int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT qty FROM items i WHERE i.id = qualified.id);
END $$;
SELECT qualified(2);
CREATE FUNCTION consts() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  c CONSTANT int := 42;
  nn int NOT NULL := 1;
BEGIN
  nn := NULL;
  RETURN c;
END $$;
SELECT consts();
CREATE FUNCTION records() RETURNS text LANGUAGE plpgsql AS $$
DECLARE r record; it items; s text := '';
BEGIN
  SELECT * INTO it FROM items WHERE id = 2;
  s := it.name || ':' || it.qty;
  it.qty := it.qty + 1;
  s := s || ' ' || it.qty;
  r := it;
  s := s || ' ' || r.name;
  SELECT 1 AS a, 'two' AS b INTO r;
  s := s || ' ' || r.b;
  r := ROW(7, 8);
  s := s || ' ' || r.f2;
  RETURN s;
END $$;
SELECT records();
CREATE FUNCTION unassigned() RETURNS text LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  RETURN r.x;
END $$;
SELECT unassigned();
CREATE FUNCTION wrongfield() RETURNS text LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  SELECT 1 AS a INTO r;
  RETURN r.b;
END $$;
SELECT wrongfield();
CREATE FUNCTION table_fn(min_qty int) RETURNS TABLE (item_name text, doubled int) LANGUAGE plpgsql AS $$
BEGIN
  FOR item_name, doubled IN SELECT name, qty * 2 FROM items WHERE qty >= min_qty ORDER BY id LOOP
    RETURN NEXT;
  END LOOP;
  item_name := 'total'; doubled := (SELECT sum(qty) FROM items);
  RETURN NEXT;
END $$;
SELECT * FROM table_fn(15);
CREATE FUNCTION poly_max(a anyelement, b anyelement) RETURNS anyelement LANGUAGE plpgsql AS $$
BEGIN
  IF a > b THEN RETURN a; END IF;
  RETURN b;
END $$;
SELECT poly_max(1, 2), poly_max('x'::text, 'a'), poly_max(2.5, 1.5);
CREATE FUNCTION noreturn() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;
SELECT noreturn();
CREATE FUNCTION badcast() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 'abc'; END $$;
SELECT badcast();
CREATE FUNCTION initerr() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  a int := 1;
  b int := 10 / (a - 1);
BEGIN
  RETURN b;
END $$;
SELECT initerr();
CREATE FUNCTION toomany() RETURNS int LANGUAGE plpgsql AS $$
DECLARE x int;
BEGIN
  SELECT id INTO STRICT x FROM items;
  RETURN x;
END $$;
SELECT toomany();
CREATE FUNCTION nodest() RETURNS int LANGUAGE plpgsql AS $$ BEGIN SELECT 1; RETURN 1; END $$;
SELECT nodest();
CREATE FUNCTION stable_writer() RETURNS int LANGUAGE plpgsql STABLE AS $$ BEGIN INSERT INTO log (msg) VALUES ('x'); RETURN 1; END $$;
SELECT stable_writer();

-- Cursors
CREATE TABLE nums (id int);
INSERT INTO nums VALUES (1), (2), (3);
create function c1() returns int language plpgsql as $$
declare
  c cursor for select id from nums order by id;
  r record;
  n int := 0;
  cur refcursor;
  v int;
begin
  open c;
  fetch c into r;
  n := n + r.id;
  fetch next from c into r;
  n := n + r.id;
  close c;
  for rr in c loop n := n + rr.id * 10; end loop;
  open cur for select id from nums where id > 1 order by id desc;
  fetch cur into v;
  n := n + v * 100;
  move cur;
  fetch cur into v;
  raise notice 'v=% found=%', v, found;
  fetch cur into v;
  raise notice 'v=% found=%', v, found;
  close cur;
  return n;
end $$;
select c1();
create function c2() returns int language plpgsql as $$
declare c cursor (k int) for select id from nums where id >= k order by id; s int := 0;
begin
  for r in c(2) loop s := s + r.id; end loop;
  open c(3); fetch c into s; close c;
  close c;
  return s;
end $$;
select c2();
create function c3() returns text language plpgsql as $$
declare c refcursor := 'mycur'; x int;
begin
  open c for select 1; open c for select 2;
  return c;
end $$;
select c3();
create function c4() returns text language plpgsql as $$
declare c refcursor; x int;
begin
  open c for execute 'select $1 * 2' using 21; fetch c into x; close c;
  fetch c into x;
  return x;
end $$;
select c4();

-- Errors at creation
CREATE FUNCTION s1() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  retur 1;
END $$;
CREATE FUNCTION s2() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  IF true THEN RETURN 1;
END $$;
CREATE FUNCTION s3() RETURNS int LANGUAGE plpgsql AS $$
DECLARE v nosuchtype;
BEGIN RETURN 1; END $$;
CREATE FUNCTION s4() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN 1;
EXCEPTION WHEN no_such_condition THEN RETURN 2;
END $$;
CREATE FUNCTION s5() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  undeclared := 1;
  RETURN 1;
END $$;
CREATE FUNCTION s6() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RETURN 1;
END $$;
CREATE FUNCTION s7() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '% %', 1;
  RETURN 1;
END $$;
CREATE FUNCTION s8() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  EXIT;
END $$;
CREATE FUNCTION s9() RETURNS int LANGUAGE plpgsql AS $$
DECLARE t nosuchtable%ROWTYPE;
BEGIN RETURN 1; END $$;
CREATE FUNCTION s11() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  SELECT 1 INTO x;
END $$;
CREATE FUNCTION s12(a int) RETURNS SETOF int LANGUAGE plpgsql AS $$
BEGIN
  RETURN NEXT a;
  RETURN a;
END $$;
CREATE FUNCTION ok1() RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN missing_col FROM nosuch_table;
END $$;
SELECT ok1();

-- Errors at run time, with their CONTEXT
CREATE TABLE pairs (id int primary key, v text);
create function e1() returns int language plpgsql as $$
begin
  if nosuch > 1 then return 1; end if;
  return 0;
end $$;
select e1();
create function e2() returns int language plpgsql as $$
declare x int;
begin
  x := nosuch + 1;
  return 0;
end $$;
select e2();
create function e3() returns int language plpgsql as $$
begin
  return nosuch;
end $$;
select e3();
create function e4() returns int language plpgsql as $$
begin
  raise notice 'x %', nosuch;
  return 1;
end $$;
select e4();
create function e5() returns int language plpgsql as $$
begin
  perform nosuch;
  return 1;
end $$;
select e5();
create function e6() returns int language plpgsql as $$
declare x int;
begin
  select nosuch into x from pairs;
  return 1;
end $$;
select e6();
create function e7() returns int language plpgsql as $$
begin
  return 1/0;
end $$;
select e7();
create function e8() returns int language plpgsql as $$
begin
  if 1/0 > 1 then return 1; end if;
  return 1;
end $$;
select e8();
create function e9() returns int language plpgsql as $$
declare x int;
begin
  x := 'abc';
  return x;
end $$;
select e9();
create function e10() returns int language plpgsql as $$
begin
  return 'abc';
end $$;
select e10();
create function e11() returns int language plpgsql as $$
declare x int := 1/0;
begin
  return x;
end $$;
select e11();
create function e12() returns int language plpgsql as $$
declare x int;
begin
  x := (select id from pairs);
  insert into pairs values (1, 'a'), (2, 'b');
  x := (select id from pairs);
  return x;
end $$;
select e12();
create function e13() returns int language plpgsql as $$
declare x int;
begin
  x := id from pairs;
  return x;
end $$;
select e13();
create function e14() returns int language plpgsql as $$
declare x text;
begin
  x := 12;
  return x;
end $$;
select e14();
create function e15() returns void language plpgsql as $$
begin
  for i in 1..3 loop
    insert into pairs values (i, 'z');
  end loop;
end $$;
select e15();

CREATE TABLE kv (id int, v text);
INSERT INTO kv VALUES (1,'a'),(2,'b');
create function a1() returns int language plpgsql as $$ declare x int; begin x := id from kv; return x; end $$;
select a1();
create function a2() returns int language plpgsql as $$ declare x int; begin x := (1, 2); return x; end $$;
select a2();
create function a3() returns int language plpgsql as $$ declare x int; begin x := id, v from kv; return x; end $$;
select a3();
create function a4(p int) returns int language plpgsql as $$ declare x int; begin x := p / 0; return x; end $$;
select a4(1);
create function a5(p int) returns int language plpgsql as $$ begin return p / 0; end $$;
select a5(1);
create function a6(p int) returns int language plpgsql as $$ begin return p + 1/0; end $$;
select a6(1);
create function a7() returns int language plpgsql as $$ declare x int; begin x := 'abc'::text; return x; end $$;
select a7();
create function a8() returns int language plpgsql as $$ declare x int; begin select id into x from kv; return x; end $$;
select a8();
create function a9() returns int language plpgsql as $$ declare x int; begin select id into strict x from kv; return x; end $$;
select a9();
create function a10() returns int language plpgsql as $$ declare x int; begin select id into strict x from kv where false; return x; end $$;
select a10();
create function a11() returns int language plpgsql as $$ declare x int; y text; begin select id, v, 3 into x, y from kv limit 1; return x; end $$;
select a11();
create function a12() returns int language plpgsql as $$ declare x int; y text; begin select id into x, y from kv limit 1; return x; end $$;
select a12();
create function a13() returns int language plpgsql as $$ declare x int; begin update kv set v = 'z' returning id into x; return x; end $$;
select a13();
create function a14() returns int language plpgsql as $$ begin select 1; return 1; end $$;
select a14();
create function a15() returns int language plpgsql as $$ begin end $$;
select a15();
create function a16() returns int language plpgsql as $$ declare x int not null := 1; begin x := null; return x; end $$;
select a16();
create function a17() returns setof int language plpgsql as $$ begin return next 1; return next 2; return query select id from kv; end $$;
select * from a17();
select a17();
create function a18(out a int, out b text) language plpgsql as $$ begin a := 1; b := 'x'; end $$;
select * from a18();
select a18();
create function a19() returns int language plpgsql as $$ declare r record; begin return r.x; end $$;
select a19();
create function a20() returns int language plpgsql as $$ declare r record; begin select 1 as y into r; return r.x; end $$;
select a20();
create function a21() returns text language plpgsql as $$ declare r kv; begin select * into r from kv where id = 2; return r.v || r.id; end $$;
select a21();
create function a22() returns void language plpgsql as $$ begin perform 1; end $$;
select a22();

-- CONTEXT lines of errors in EXECUTE, RETURN QUERY, FOR loops, nested calls, SQL functions, triggers
CREATE TABLE ctx_t (id int PRIMARY KEY);
create function ctx_e1() returns void language plpgsql as $$ begin execute 'insert into ctx_t values (1), (1)'; end $$;
select ctx_e1();
create function ctx_e2() returns void language plpgsql as $$ begin execute 'select 1/0'; end $$;
select ctx_e2();
create function ctx_e3(n int) returns int language plpgsql as $$ begin return (select count(*) from ctx_t) / n; end $$;
select ctx_e3(0);
create function ctx_e4() returns setof int language plpgsql as $$ begin return query select 1/0; end $$;
select * from ctx_e4();
create function ctx_e5() returns void language plpgsql as $$ declare r record; begin for r in select 1/0 as x loop end loop; end $$;
select ctx_e5();
create function ctx_e6() returns void language plpgsql as $$ begin perform ctx_e2(); end $$;
select ctx_e6();
create function ctx_e7() returns int language sql as $$ select ctx_e3(0) $$;
select ctx_e7();
do $$ declare x int; begin x := 1; raise notice 'done %', x; perform 1/0; end $$;
create function ctx_e8() returns trigger language plpgsql as $$ begin perform 1/0; return new; end $$;
create trigger ctx_tr before insert on ctx_t for each row execute function ctx_e8();
insert into ctx_t values (5);
create function ctx_e9() returns void language plpgsql as $$ begin insert into ctx_t values (6); end $$;
select ctx_e9();

-- Constant folding: errors Postgres raises while planning an expression
create function v1(a int) returns int language plpgsql as $$ begin raise notice '%', a % 0; return 1; end $$;
select v1(0);
create function v2(a int) returns int language plpgsql as $$ begin raise notice '%', greatest(1, a % 0); return 1; end $$;
select v2(0);
create function v3(a int) returns int language plpgsql as $$ begin raise notice '%', greatest(0, 2147483647) - -1; return 1; end $$;
select v3(0);
create function v4(a int) returns int language plpgsql as $$ begin raise notice '%', (a % 0) + (greatest(0, 2147483647) - -1); return 1; end $$;
select v4(0);
create function v5(a int) returns int language plpgsql as $$ begin return a % 0; end $$;
select v5(0);
create function v6(a int) returns int language plpgsql as $$ begin raise notice '%', (a % 0) + (2147483647 - -1); return 1; end $$;
select v6(0);
create function v7(a int) returns int language plpgsql as $$ begin if greatest(1, 2) < a / 0 then return 1; end if; return 2; end $$;
select v7(0);
create function v8(a int) returns int language plpgsql as $$ declare x int; begin x := greatest(a, 1) / 0; return 2; end $$;
select v8(0);

-- Idioms of real trigger and RPC code
CREATE TABLE names (id int PRIMARY KEY, name text, n int DEFAULT 0);
insert into names values (1, 'a'), (2, 'b');
create function keep_old() returns trigger language plpgsql as $$ begin if new.name = 'x' then new := old; end if; return coalesce(new, old); end $$;
create trigger names_k before update or delete on names for each row execute function keep_old();
update names set name = 'x' where id = 1 returning *;
delete from names where id = 2 returning *;
create function by_name(name text) returns table(id int, name text) language plpgsql as $$ begin return query select id, name from names where names.name = by_name.name; end $$;
select * from by_name('a');
create function by_name2(p text) returns table(id int, name text) language plpgsql as $$ begin return query select names.id, names.name from names where names.name = p; end $$;
select * from by_name2('a');
create function counter() returns int language plpgsql as $$ declare c int; begin update names set n = n + 1; get diagnostics c = row_count; if found then return c; end if; return -1; end $$;
select counter();
create function jwt() returns text language plpgsql as $$ begin return coalesce(current_setting('request.jwt.claims', true), 'none'); end $$;
select jwt();
create function fmt(v text) returns text language plpgsql as $$ declare r text; begin execute format('select %L || %s', v, '''!''') into r; return r; end $$;
select fmt('it''s');
create function arr() returns int[] language plpgsql as $$ declare a int[] := '{}'; begin a := a || 1; a[3] := 3; a := array_append(a, 4); return a; end $$;
select arr();
create function json_trg() returns trigger language plpgsql as $$ begin raise notice '%', jsonb_build_object('op', tg_op, 'new', to_jsonb(new)); return new; end $$;
create trigger names_j after insert on names for each row execute function json_trg();
insert into names values (3, 'c');

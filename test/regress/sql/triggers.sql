-- regress: where
-- Triggers: timing, level, WHEN, UPDATE OF, TG_* variables, transition tables, FK cascades,
-- ON CONFLICT, INSTEAD OF on views, deferred constraint triggers, TRUNCATE, recursion, errors.
create table t(id int primary key, v text, g int generated always as (id * 2) stored, updated text);
create table audit(op text, who text, old_v text, new_v text, lvl text);
create function trg_before() returns trigger language plpgsql as $$
begin
  raise notice '% % % % new=% old=% g=%', tg_name, tg_when, tg_level, tg_op, new, old, case when tg_op <> 'DELETE' then new.g end;
  if tg_op = 'DELETE' then return old; end if;
  new.v := upper(new.v);
  new.g := 99;
  if new.v = 'SKIP' then return null; end if;
  return new;
end $$;
create function trg_after() returns trigger language plpgsql as $$
begin
  insert into audit values (tg_op, tg_name, old.v, new.v, tg_level);
  return null;
end $$;
create function trg_stmt() returns trigger language plpgsql as $$
begin
  raise notice 'stmt % % % nargs=% argv=% argv0=%', tg_name, tg_when, tg_op, tg_nargs, tg_argv, tg_argv[0];
  return null;
end $$;
create trigger b1 before insert or update or delete on t for each row execute function trg_before();
create trigger a1 after insert or update or delete on t for each row execute function trg_after();
create trigger s1 before insert on t for each statement execute function trg_stmt('x', 42);
create trigger s2 after insert or delete on t execute function trg_stmt();
insert into t(id, v) values (1, 'a'), (2, 'skip'), (3, 'c') returning *;
select * from t order by id;
select * from audit;
update t set v = 'b' where id = 1;
delete from t where id = 3;
select * from t order by id;
select op, who, old_v, new_v, lvl from audit;
create trigger w1 before update of v on t for each row when (old.v is distinct from new.v) execute function trg_stmt();
update t set updated = 'x';
update t set v = 'B';
update t set v = 'zz';
alter table t disable trigger b1;
insert into t(id, v) values (10, 'lower');
alter table t enable trigger b1;
alter table t disable trigger all;
insert into t(id, v) values (11, 'lower');
alter table t enable trigger all;
select id, v from t order by id;
drop trigger w1 on t;
drop trigger w1 on t;
drop trigger if exists w1 on t;
create trigger b1 before insert on t for each row execute function trg_before();
create trigger bad before insert on t for each row execute function nosuch();
create function notrig() returns int language sql as 'select 1';
create trigger bad before insert on t for each row execute function notrig();
create trigger bad before insert on t for each row when (old.id > 0) execute function trg_stmt();
create trigger bad before delete on t for each row when (new.id > 0) execute function trg_stmt();
create trigger bad instead of insert on t for each row execute function trg_stmt();
create trigger bad before truncate on t for each row execute function trg_stmt();
create trigger bad before insert on t referencing new table as nt for each statement execute function trg_stmt();
create trigger bad after delete on t referencing new table as nt for each statement execute function trg_stmt();
create trigger bad after insert on t for each statement when (new.id > 0) execute function trg_stmt();
drop function trg_after();
select * from t order by id;

create table parent(id int primary key, name text);
create table child(id int primary key, parent_id int references parent on delete cascade on update cascade, note text);
create table grandchild(id int primary key, child_id int references child on delete set null);
create table trig_events(what text);
create function note() returns trigger language plpgsql as $$
begin
  insert into trig_events values (tg_table_name || ' ' || tg_when || ' ' || tg_level || ' ' || tg_op || coalesce(' old=' || old.id, '') || coalesce(' new=' || new.id || '/' || coalesce(new.parent_id::text, '-'), ''));
  if tg_level = 'ROW' and tg_op = 'DELETE' then return old; end if;
  return new;
end $$;
create function note_gc() returns trigger language plpgsql as $$
begin
  insert into trig_events values (tg_table_name || ' ' || tg_when || ' ' || tg_op || coalesce(' old=' || old.child_id, '-') || coalesce(' new=' || new.child_id, '-'));
  return new;
end $$;
create trigger c_row_b before insert or update or delete on child for each row execute function note();
create trigger c_row_a after insert or update or delete on child for each row execute function note();
create trigger c_stmt_b before insert or update or delete on child for each statement execute function note();
create trigger c_stmt_a after insert or update or delete on child for each statement execute function note();
create trigger g_row after update on grandchild for each row execute function note_gc();
insert into parent values (1, 'p1'), (2, 'p2');
insert into child values (10, 1, 'a'), (11, 1, 'b'), (20, 2, 'c');
insert into grandchild values (100, 10), (101, 11);
delete from trig_events;
update parent set id = 3 where id = 1;
select * from trig_events;
delete from trig_events;
delete from parent where id = 3;
select * from trig_events;
delete from trig_events;
create table trig_counts(tbl text primary key, n int);
create function count_new() returns trigger language plpgsql as $$
begin
  insert into trig_counts select 'child', count(*) from new_rows on conflict (tbl) do update set n = trig_counts.n + excluded.n;
  insert into trig_events select 'new ' || id || ' ' || note from new_rows order by id;
  return null;
end $$;
create trigger c_trans after insert on child referencing new table as new_rows for each statement execute function count_new();
insert into child values (30, 2, 'x'), (31, 2, 'y');
select * from trig_counts;
select * from trig_events order by what;
delete from trig_events;
create function upd_diff() returns trigger language plpgsql as $$
declare r record;
begin
  for r in select o.id, o.note as old_note, n.note as new_note from old_t o join new_t n using (id) order by o.id loop
    insert into trig_events values ('changed ' || r.id || ': ' || r.old_note || ' -> ' || r.new_note);
  end loop;
  return null;
end $$;
create trigger c_upd_trans after update on child referencing old table as old_t new table as new_t for each statement execute function upd_diff();
update child set note = upper(note) where parent_id = 2;
select * from trig_events where what like 'changed%' order by what;
delete from trig_events;
create table kv(k text primary key, v int);
create function kv_trg() returns trigger language plpgsql as $$
begin
  insert into trig_events values (tg_when || ' ' || tg_op || ' ' || coalesce(new.k, old.k) || ' ' || coalesce(new.v::text, '') || ' ' || coalesce(old.v::text, ''));
  return new;
end $$;
create trigger kv_b before insert or update on kv for each row execute function kv_trg();
create trigger kv_a after insert or update on kv for each row execute function kv_trg();
create trigger kv_s before insert or update on kv for each statement execute function kv_trg();
insert into kv values ('a', 1);
insert into kv values ('a', 2), ('b', 3) on conflict (k) do update set v = excluded.v + 100;
insert into kv values ('a', 5) on conflict do nothing;
select * from trig_events;
select * from kv order by k;

create table base(id int primary key, name text, deleted_at text);
insert into base values (1, 'a', null), (2, 'b', null), (3, 'c', 'gone');
create view live as select id, name from base where deleted_at is null;
create function live_ins() returns trigger language plpgsql as $$
begin
  insert into base values (new.id, upper(new.name), null);
  return new;
end $$;
create function live_upd() returns trigger language plpgsql as $$
begin
  update base set name = new.name where id = old.id;
  return new;
end $$;
create function live_del() returns trigger language plpgsql as $$
begin
  update base set deleted_at = 'soft' where id = old.id;
  if old.id = 2 then return null; end if;
  return old;
end $$;
create trigger live_i instead of insert on live for each row execute function live_ins();
create trigger live_u instead of update on live for each row execute function live_upd();
create trigger live_d instead of delete on live for each row execute function live_del();
insert into live values (4, 'd'), (5, 'e') returning *;
update live set name = name || '!' where id > 1 returning id, name;
delete from live where id in (1, 2);
select * from base order by id;
select * from live order by id;
create view ro as select id from base;
create table checked(id int primary key, n int);
create function check_n() returns trigger language plpgsql as $$
begin
  if new.n < 0 then raise exception 'n must be >= 0, got %', new.n using errcode = '23514', table = tg_table_name, column = 'n'; end if;
  raise notice 'deferred check for %', new.id;
  return null;
end $$;
create constraint trigger t_check after insert or update on checked deferrable initially deferred for each row execute function check_n();
insert into checked values (1, 1);
begin;
insert into checked values (2, 2);
insert into checked values (3, -3);
select count(*) from checked;
commit;
select * from checked order by id;
begin;
insert into checked values (4, 4);
rollback;
create function trunc_note() returns trigger language plpgsql as $$
begin raise notice 'truncate % on %', tg_when, tg_table_name; return null; end $$;
create trigger t_trunc_b before truncate on checked for each statement execute function trunc_note();
create trigger t_trunc_a after truncate on checked for each statement execute function trunc_note();
truncate checked;
create table r(id int primary key, depth int);
create function recurse() returns trigger language plpgsql as $$
begin
  if new.depth < 3 then insert into r values (new.id + 1, new.depth + 1); end if;
  return new;
end $$;
create trigger r_rec after insert on r for each row execute function recurse();
insert into r values (1, 0);
select * from r order by id;

-- A BEFORE trigger's errors and their CONTEXT; a trigger function called directly.
create table signups (id int primary key, email text not null, created_at text);
create function validate_signup() returns trigger language plpgsql as $$
begin
  if new.email !~ '@' then
    raise exception 'invalid email: %', new.email using errcode = '22023', hint = 'An address needs an @.';
  end if;
  new.email := lower(new.email);
  return new;
end $$;
create trigger signups_validate before insert or update on signups for each row execute function validate_signup();
insert into signups (id, email) values (1, 'Ada@Example.com') returning email;
insert into signups (id, email) values (2, 'nope');
update signups set email = 'still-nope' where id = 1;
select validate_signup();
create function wrong_shape() returns trigger language plpgsql as $$ begin return row(1); end $$;
create trigger signups_shape before insert on signups for each row execute function wrong_shape();
insert into signups (id, email) values (3, 'x@y');
drop trigger signups_shape on signups;
create function no_return() returns trigger language plpgsql as $$ begin perform 1; end $$;
create trigger signups_noret before insert on signups for each row execute function no_return();
insert into signups (id, email) values (4, 'x@y');
drop trigger signups_noret on signups;
drop function validate_signup();
drop function validate_signup() cascade;
insert into signups (id, email) values (5, 'NO-AT-SIGN');
select id, email from signups order by id;

-- t.* and (expr).* in VALUES expand into the row's fields
create table rvs_a (x int, y text);
create table rvs_log (x int, y text);
create function rvs_audit() returns trigger as $$
begin
  insert into rvs_log values (new.*);
  return new;
end $$ language plpgsql;
create trigger rvs_t after insert on rvs_a for each row execute function rvs_audit();
insert into rvs_a values (1, 'one'), (2, 'two');
select * from rvs_log order by x;
insert into rvs_log values ((select row(3, 'three')::rvs_a).*);
insert into rvs_log values ((row(4, 'four')::rvs_a).*), (5, 'five');
select * from (values ((row(1, 'a')::rvs_a).*), (2, 'b')) v order by 1;
insert into rvs_log values ((row(4, 'four')::rvs_a).*, 1);
select * from rvs_log order by x;
-- composite parameters of SQL functions: p.*, fn.p.*, fn.p.field
create temp table rvs_compos (f1 int, f2 text);
create function rvs_f1(v rvs_compos) returns void as $$ insert into rvs_compos values (v.*); $$ language sql;
create function rvs_f2(v rvs_compos) returns void as $$ select rvs_f1(v); $$ language sql;
create function rvs_f3(v rvs_compos) returns void as $$ select rvs_f1(rvs_f3.v.*); $$ language sql;
create function rvs_f4(v rvs_compos) returns text as $$ select v.f2 || (v).f2 || rvs_f4.v.f2 $$ language sql;
create function rvs_bad(v rvs_compos) returns void as $$insert into rvs_compos values (v)$$ language sql;
select rvs_f1(row(1, 'one'));
select rvs_f2(row(2, 'two'));
select rvs_f3(row(3, 'three'));
select rvs_f4(row(4, 'x'));
select * from rvs_compos order by f1;
select text(row(1, 'a')::rvs_compos);
drop table rvs_a, rvs_log cascade;
drop function rvs_audit();

-- Automatically updatable views: what makes a view not updatable, error texts
create table vau_base (a int primary key, b text default 'Unspecified');
insert into vau_base select i, 'Row ' || i from generate_series(-2, 2) g(i);
-- a set-returning function in the select list
create view vau_srf as select a, b, generate_series(1, a) g from vau_base;
update vau_srf set b = upper(b);
insert into vau_srf (a) values (7);
delete from vau_srf;
select table_name, is_updatable, is_insertable_into from information_schema.views where table_name = 'vau_srf';
-- (a set-returning function inside a subquery does not count)
create view vau_srf_sub as select a, b, (select max(x) from generate_series(1, 3) x) m from vau_base;
update vau_srf_sub set b = b where a = 1;
-- two view columns over one base column
create view vau_dup as select a, b, a as aa from vau_base;
insert into vau_dup values (3, 'Row 3', 3);
insert into vau_dup (a, b, aa) values (3, 'Row 3', 3);
insert into vau_dup (a, b, a) values (3, 'Row 3', 3);
update vau_dup set a = 3, aa = -3 where a = 3;
update vau_dup set aa = -3, aa = 3 where a = 3;
update vau_dup set nosuch = 1, nosuch = 2;
insert into vau_dup (a, b) values (1, 'x') on conflict (a) do update set a = 1, aa = 2;
-- a computed column set by ON CONFLICT DO UPDATE
create view vau_upper as select a, upper(b) from vau_base;
insert into vau_upper (a) values (3) on conflict (a) do update set upper = 'blarg';
-- computed columns with a subquery without FROM, read through MERGE and RETURNING
create view vau_sub as select *, 'Const' as c, (select concat('b: ', b)) as d from vau_base where a > 0;
merge into vau_sub t using (values (1, 'ROW 1'), (2, 'ROW 2'), (5, 'ROW 5')) as v(a, b) on t.a = v.a
  when matched and t.a <= 1 then update set b = v.b
  when matched then delete
  when not matched then insert (a) values (v.a)
  returning merge_action(), v.*, old, new, t.*;
update vau_sub t set b = 'x' where a = 1 returning t.d, d;
select * from vau_base order by a;
-- a primary key the view's grouping relies on cannot be dropped
create table vau_keyed (key int primary key, data varchar(20));
create view vau_keyed_v as select * from vau_keyed group by key;
create view vau_keyed_k as select key from vau_keyed group by key;
create view vau_keyed_vv as select * from vau_keyed_v;
alter table vau_keyed drop constraint vau_keyed_pkey;
create view vau_keyed_h as select from vau_keyed group by key having length(data) > 0;
alter table vau_keyed drop constraint vau_keyed_pkey;
alter table vau_keyed drop constraint vau_keyed_pkey cascade;
select * from vau_keyed_k;
select viewname from pg_views where viewname like 'vau_keyed%' order by 1;
drop table vau_keyed cascade;
drop table vau_base cascade;

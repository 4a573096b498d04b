-- Row comparisons against subqueries: <> and ordering operators compare rows, not column by column
create table rtc (a int, b int);
insert into rtc values (1, 1), (1, 5), (2, 0), (3, null);
select a, b, (a, b) < any (select 1, 3) as lt_any, (a, b) <= all (select 2, 0 union all select 3, 1) as le_all from rtc order by a, b;
select a, b, (a, b) <> any (select 1, 1) as ne_any, (a, b) <> all (select 1, 1 union all select 2, 0) as ne_all from rtc order by a, b;
select a, b, (a, b) > any (select 1, 1) as gt_any, (a, b) >= all (select 1, 5) as ge_all from rtc order by a, b;
select (5, 2) < any (select 5, 3), (5, 2) < any (select 5, 2), (5, 2) <= any (select 5, 2);
select (5, null) <> any (select 5, 3), (5, null) <> any (select 6, 3), (5, null::int) < any (select 6, 2);
select (1, 'a') in (select 1, 'a'::text), ('1', 2) = any (select 1, 2), (null, 2) in (select 1, 2);
select (1, 2) ~~ any (select 'a', 'b');
-- composite values compare as records
create type rtc_t1 as (a int, b int);
create type rtc_t3 as (a int, b text);
create type rtc_t5 as (a int);
select row(1, 2)::rtc_t1 < row(1, 'abc')::rtc_t3;
select row(1, 2)::rtc_t1 <> row(1)::rtc_t5;
select row(1, 2)::rtc_t1 < row(1, 3)::rtc_t1, row(1, 2)::rtc_t1 = row(1, 2);
select row() = row();
select row() < row();
drop type rtc_t1, rtc_t3, rtc_t5;
drop table rtc;

-- Materialized views WITH NO DATA: the query is analyzed, never run
create table vmn_t (id int primary key, v text);
insert into vmn_t values (1, 'a'), (2, 'b');
create materialized view vmn_mv as select * from vmn_t with no data;
-- views, matviews WITH NO DATA and EXPLAIN over an unpopulated matview are fine
create view vmn_v as select id from vmn_mv;
create materialized view vmn_mv2 as select count(*) from vmn_mv with no data;
explain (costs off) select * from vmn_mv;
-- reading it is not
select * from vmn_mv;
select * from vmn_v;
select * from vmn_t where id in (select id from vmn_mv);
create materialized view vmn_err as select 1/0 as x with no data;
refresh materialized view vmn_err;
select * from vmn_err;
drop materialized view vmn_err;
refresh materialized view vmn_mv;
select * from vmn_v order by id;
refresh materialized view vmn_mv with no data;
select count(*) from vmn_mv;
refresh materialized view vmn_mv;
-- the name is checked before the query runs, after it is analyzed
create materialized view vmn_mv as select 1/0;
create materialized view vmn_mv as select * from no_such_table;
create materialized view if not exists vmn_mv as select 1/0;
create table vmn_t as select 1/0;
create table if not exists vmn_t as select 1/0;
-- no row locks, no temporary relations
select * from vmn_mv for share;
select * from vmn_mv for update;
create temp table vmn_temp (a int);
create materialized view vmn_tmv as select * from vmn_temp;
create materialized view vmn_tmv as select * from vmn_temp with no data;
create materialized view vmn_tmv as select a from vmn_t, lateral (select * from vmn_temp) s;
drop materialized view vmn_mv cascade;
drop table vmn_t cascade;

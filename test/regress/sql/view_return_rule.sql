-- A view's ON SELECT rule "_RETURN": it exists, goes only with the view, cannot be renamed
create table vrr_t (a int);
create view vrr_v as select * from vrr_t;
create rule vrr_r1 as on insert to vrr_v do instead insert into vrr_t values (new.a);
drop rule "_RETURN" on vrr_v;
drop rule if exists "_RETURN" on vrr_v;
alter rule vrr_r1 on vrr_v rename to "_RETURN";
alter rule "_RETURN" on vrr_v rename to abc;
alter rule "_RETURN" on vrr_v rename to "_RETURN";
alter rule nosuch on vrr_v rename to abc;
create materialized view vrr_m as select 1 as x;
drop rule "_RETURN" on vrr_m;
drop rule "_RETURN" on vrr_t;
drop rule if exists "_RETURN" on vrr_t;
insert into vrr_v values (1);
select * from vrr_v;
drop materialized view vrr_m;
drop table vrr_t cascade;

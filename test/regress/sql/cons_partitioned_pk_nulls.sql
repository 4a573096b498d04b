-- ADD PRIMARY KEY on a partitioned table scans its partitions' rows for NULL key values.
create table cons_pkp (a int, b int) partition by list (a);
create table cons_pkp1 partition of cons_pkp for values in (1, null);
insert into cons_pkp1 values (null, 1);
alter table cons_pkp add primary key (a);
select attrelid::regclass, attnotnull from pg_attribute where attname = 'a' and attrelid in ('cons_pkp'::regclass, 'cons_pkp1'::regclass) order by 1;
delete from cons_pkp;
insert into cons_pkp values (1, 1);
alter table cons_pkp add primary key (a);
insert into cons_pkp values (null, 2);
create table cons_pkq (a int, b int) partition by list (b);
create table cons_pkq1 partition of cons_pkq for values in (1);
insert into cons_pkq values (1, 1), (null, 1);
alter table cons_pkq add primary key (a, b);
drop table cons_pkp, cons_pkq;

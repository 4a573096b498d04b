-- A table whose row type is stored in another table's column
create table rta_name (first text, last text);
create table rta_people (fn rta_name, bd date);
insert into rta_people values ('(Joe,Blow)', '1984-01-10');
alter table rta_name add column suffix text default '';
alter table rta_name add column suffix text default null;
alter table rta_name add column middle text;
alter table rta_name alter column first type varchar(10);
select * from rta_people;
select (fn).suffix, (fn).first, (fn).middle from rta_people;
create table rta_arrs (x rta_name[]);
drop table rta_people;
alter table rta_name add column s3 text default 'x';
alter table rta_name alter column first type varchar(10);
drop table rta_arrs;
alter table rta_name add column s3 text default 'x';
alter table rta_name alter column first type varchar(10);
select * from rta_name;
drop table rta_name;

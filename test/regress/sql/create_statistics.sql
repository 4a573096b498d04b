-- Extended statistics objects: CREATE / ALTER / DROP STATISTICS on an order-analytics schema,
-- pg_statistic_ext, pg_get_statisticsobjdef, psql's "Statistics objects:" query, and what
-- happens to them with their table.
CREATE TABLE shipments (
  id int PRIMARY KEY,
  country text NOT NULL,
  city text NOT NULL,
  zip text,
  carrier text,
  weight_g int,
  shipped_on date,
  meta jsonb
);
INSERT INTO shipments VALUES (1, 'FR', 'Paris', '75001', 'laposte', 1200, '2024-01-02', '{}'), (2, 'DE', 'Berlin', '10115', 'dhl', 300, '2024-01-03', NULL);
CREATE STATISTICS shipments_geo ON country, city, zip FROM shipments;
CREATE STATISTICS shipments_carrier (ndistinct, mcv) ON carrier, country FROM shipments;
CREATE STATISTICS ON city, carrier FROM shipments;
CREATE STATISTICS ON (lower(city)), (weight_g / 1000) FROM shipments;
CREATE STATISTICS ON (date_trunc('month', shipped_on)) FROM shipments;
CREATE STATISTICS (dependencies) ON zip, (upper(country)) FROM shipments;
SELECT stxname, stxrelid::regclass, stxnamespace::regnamespace, stxkeys, stxstattarget, stxkind, stxexprs IS NOT NULL AS has_exprs
  FROM pg_statistic_ext WHERE stxrelid = 'shipments'::regclass ORDER BY stxname;
SELECT stxname, pg_get_statisticsobjdef(oid), pg_get_statisticsobjdef_columns(oid)
  FROM pg_statistic_ext WHERE stxrelid = 'shipments'::regclass ORDER BY stxname;
-- psql's \d query for the footer
SELECT stxrelid::pg_catalog.regclass, stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS nsp, stxname,
  pg_catalog.pg_get_statisticsobjdef_columns(oid) AS columns,
  'd' = any(stxkind) AS ndist_enabled,
  'f' = any(stxkind) AS deps_enabled,
  'm' = any(stxkind) AS mcv_enabled,
  stxstattarget
FROM pg_catalog.pg_statistic_ext
WHERE stxrelid = 'shipments'::regclass
ORDER BY nsp, stxname;
-- Errors
CREATE STATISTICS shipments_geo ON country, city FROM shipments;
CREATE STATISTICS IF NOT EXISTS shipments_geo ON country, city FROM shipments;
CREATE STATISTICS one_col ON country FROM shipments;
CREATE STATISTICS dup_col ON country, country FROM shipments;
CREATE STATISTICS dup_expr ON (lower(city)), (lower(city)) FROM shipments;
CREATE STATISTICS single_kinds (mcv) ON (lower(city)) FROM shipments;
CREATE STATISTICS bad_kind (histogram) ON country, city FROM shipments;
CREATE STATISTICS no_col ON country, region FROM shipments;
CREATE STATISTICS sys_col ON country, xmin FROM shipments;
CREATE STATISTICS agg_expr ON (max(weight_g)), country FROM shipments;
CREATE STATISTICS sub_expr ON ((SELECT 1)), country FROM shipments;
CREATE STATISTICS json_col ON meta, country FROM shipments;
CREATE STATISTICS too_many ON id, country, city, zip, carrier, weight_g, shipped_on, (id + 1), (id + 2) FROM shipments;
CREATE STATISTICS no_table ON a, b FROM missing_table;
CREATE STATISTICS two_tables ON a, b FROM shipments, shipments;
CREATE VIEW shipment_view AS SELECT * FROM shipments;
CREATE STATISTICS on_view ON country, city FROM shipment_view;
DROP VIEW shipment_view;
CREATE INDEX shipments_city_idx ON shipments (city);
CREATE STATISTICS on_index ON country, city FROM shipments_city_idx;
-- ALTER STATISTICS
ALTER STATISTICS shipments_geo SET STATISTICS 500;
SELECT stxname, stxstattarget FROM pg_statistic_ext WHERE stxname = 'shipments_geo';
ALTER STATISTICS shipments_geo SET STATISTICS -1;
SELECT stxname, stxstattarget FROM pg_statistic_ext WHERE stxname = 'shipments_geo';
ALTER STATISTICS shipments_geo SET STATISTICS -2;
ALTER STATISTICS shipments_geo SET STATISTICS 200;
ALTER STATISTICS shipments_geo SET STATISTICS DEFAULT;
SELECT stxname, stxstattarget FROM pg_statistic_ext WHERE stxname = 'shipments_geo';
ALTER STATISTICS missing_stat SET STATISTICS 10;
ALTER STATISTICS IF EXISTS missing_stat SET STATISTICS 10;
ALTER STATISTICS shipments_geo RENAME TO shipments_location;
ALTER STATISTICS shipments_location RENAME TO shipments_carrier;
CREATE SCHEMA analytics;
ALTER STATISTICS shipments_location SET SCHEMA analytics;
SELECT stxname, stxnamespace::regnamespace, pg_get_statisticsobjdef(oid) FROM pg_statistic_ext WHERE stxname = 'shipments_location';
ALTER STATISTICS shipments_location RENAME TO geo;
ALTER STATISTICS analytics.shipments_location RENAME TO geo;
COMMENT ON STATISTICS analytics.geo IS 'country, city and zip move together';
SELECT obj_description(oid, 'pg_statistic_ext') FROM pg_statistic_ext WHERE stxname = 'geo';
-- Dropping a column drops the statistics objects that use it; retyping keeps them.
ALTER TABLE shipments DROP COLUMN carrier;
SELECT stxname, pg_get_statisticsobjdef_columns(oid) FROM pg_statistic_ext WHERE stxrelid = 'shipments'::regclass ORDER BY stxname;
ALTER TABLE shipments ALTER COLUMN zip TYPE varchar(10);
SELECT stxname, pg_get_statisticsobjdef_columns(oid) FROM pg_statistic_ext WHERE stxrelid = 'shipments'::regclass ORDER BY stxname;
-- LIKE ... INCLUDING STATISTICS copies them under new names (comments with INCLUDING COMMENTS).
CREATE TABLE shipments_archive (LIKE shipments INCLUDING STATISTICS INCLUDING COMMENTS);
SELECT stxname, stxnamespace::regnamespace, pg_get_statisticsobjdef_columns(oid), obj_description(oid, 'pg_statistic_ext')
  FROM pg_statistic_ext WHERE stxrelid = 'shipments_archive'::regclass ORDER BY stxname;
CREATE TABLE shipments_copy (LIKE shipments INCLUDING ALL);
SELECT stxname FROM pg_statistic_ext WHERE stxrelid = 'shipments_copy'::regclass ORDER BY stxname;
CREATE TABLE shipments_bare (LIKE shipments INCLUDING ALL EXCLUDING STATISTICS);
SELECT count(*) FROM pg_statistic_ext WHERE stxrelid = 'shipments_bare'::regclass;
-- DROP STATISTICS
DROP STATISTICS analytics.geo;
DROP STATISTICS geo;
DROP STATISTICS IF EXISTS geo, shipments_carrier;
SELECT stxname FROM pg_statistic_ext WHERE stxrelid = 'shipments'::regclass ORDER BY stxname;
BEGIN;
DROP STATISTICS shipments_city_carrier_stat;
ROLLBACK;
DROP TABLE shipments_archive;
SELECT count(*) FROM pg_statistic_ext WHERE stxname LIKE 'shipments_archive%';
-- Statistics on a partitioned table
CREATE TABLE readings (sensor int, site text, taken date, value numeric) PARTITION BY RANGE (taken);
CREATE STATISTICS readings_sensor_site ON sensor, site FROM readings;
SELECT stxname, stxkind FROM pg_statistic_ext WHERE stxrelid = 'readings'::regclass;
DROP TABLE readings;
SELECT count(*) FROM pg_statistic_ext WHERE stxname = 'readings_sensor_site';

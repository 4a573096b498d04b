-- A partitioned schema as pg_dump writes it: partitions created as tables and attached, keys
-- and indexes on ONLY the partitioned table, the partitions' own indexes attached to them.
CREATE TABLE public.measurement (
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peaktemp integer,
    unitsales integer
)
PARTITION BY RANGE (logdate);
CREATE TABLE public.measurement_y2024 (
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peaktemp integer,
    unitsales integer
);
ALTER TABLE ONLY public.measurement ATTACH PARTITION public.measurement_y2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.measurement_y2025 (
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peaktemp integer,
    unitsales integer
);
ALTER TABLE ONLY public.measurement ATTACH PARTITION public.measurement_y2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO public.measurement VALUES (1, '2024-03-03', 10, 5), (2, '2025-04-04', 20, 6);
ALTER TABLE ONLY public.measurement ADD CONSTRAINT measurement_pkey PRIMARY KEY (city_id, logdate);
ALTER TABLE ONLY public.measurement_y2024 ADD CONSTRAINT measurement_y2024_pkey PRIMARY KEY (city_id, logdate);
ALTER TABLE ONLY public.measurement_y2025 ADD CONSTRAINT measurement_y2025_pkey PRIMARY KEY (city_id, logdate);
CREATE INDEX measurement_logdate_idx ON ONLY public.measurement USING btree (logdate);
CREATE INDEX measurement_y2024_logdate_idx ON public.measurement_y2024 USING btree (logdate);
CREATE INDEX measurement_y2025_logdate_idx ON public.measurement_y2025 USING btree (logdate);
ALTER INDEX public.measurement_pkey ATTACH PARTITION public.measurement_y2024_pkey;
ALTER INDEX public.measurement_pkey ATTACH PARTITION public.measurement_y2025_pkey;
ALTER INDEX public.measurement_logdate_idx ATTACH PARTITION public.measurement_y2024_logdate_idx;
ALTER INDEX public.measurement_logdate_idx ATTACH PARTITION public.measurement_y2025_logdate_idx;
ALTER INDEX public.measurement_logdate_idx ATTACH PARTITION public.measurement_y2025_pkey;
SELECT indexrelid::regclass, indrelid::regclass, indisvalid FROM pg_index WHERE indrelid::regclass::text LIKE 'measurement%' ORDER BY indexrelid::regclass::text;
SELECT inhrelid::regclass, inhparent::regclass FROM pg_inherits ORDER BY inhrelid::regclass::text;
SELECT * FROM pg_partition_tree('measurement_pkey') ORDER BY relid::text;
INSERT INTO public.measurement VALUES (1, '2024-03-03', 11, 5);
CREATE TABLE public.measurement_y2026 PARTITION OF public.measurement FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'measurement_y2026'::regclass ORDER BY 1::regclass::text;
DROP INDEX measurement_y2024_logdate_idx;
SELECT count(*) FROM measurement;

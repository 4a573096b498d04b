-- Object addresses: pg_identify_object, pg_identify_object_as_address, pg_describe_object and
-- pg_get_object_address for the objects an application has.
CREATE SCHEMA inv;
CREATE TABLE inv.products (id serial PRIMARY KEY, sku text NOT NULL, price numeric DEFAULT 0 CONSTRAINT price_ok CHECK (price >= 0));
CREATE INDEX products_sku ON inv.products (sku);
CREATE VIEW inv.cheap AS SELECT * FROM inv.products WHERE price < 10;
CREATE MATERIALIZED VIEW inv.counts AS SELECT count(*) FROM inv.products;
CREATE TYPE inv.colour AS ENUM ('red', 'blue');
CREATE DOMAIN inv.qty AS int CONSTRAINT qty_positive CHECK (VALUE > 0);
CREATE TYPE inv.dims AS (w int, h int);
CREATE FUNCTION inv.price_of(p_id int, "Currency" text DEFAULT 'EUR') RETURNS numeric LANGUAGE sql AS $$ SELECT price FROM inv.products WHERE id = p_id $$;
CREATE PROCEDURE inv.reprice(pct numeric) LANGUAGE sql AS $$ UPDATE inv.products SET price = price * (1 + pct / 100) $$;
CREATE FUNCTION inv.stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER products_stamp BEFORE UPDATE ON inv.products FOR EACH ROW EXECUTE FUNCTION inv.stamp();
CREATE POLICY products_visible ON inv.products USING (price > 0);
CREATE RULE no_delete AS ON DELETE TO inv.products DO INSTEAD NOTHING;
CREATE TABLE "Mixed Case" ("Weird Col" int);
CREATE ROLE regress_objaddr_role;
CREATE FUNCTION objaddr_evt() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER objaddr_evt ON ddl_command_end EXECUTE FUNCTION objaddr_evt();
CREATE PUBLICATION objaddr_pub FOR TABLE inv.products;

-- round trip: names -> address -> identity -> address again
WITH objects (type, names, args) AS (VALUES
    ('table', '{inv, products}'::text[], '{}'::text[]),
    ('index', '{inv, products_sku}', '{}'),
    ('index', '{inv, products_pkey}', '{}'),
    ('sequence', '{inv, products_id_seq}', '{}'),
    ('view', '{inv, cheap}', '{}'),
    ('materialized view', '{inv, counts}', '{}'),
    ('table column', '{inv, products, sku}', '{}'),
    ('table column', '{Mixed Case, Weird Col}', '{}'),
    ('type', '{inv.colour}', '{}'),
    ('type', '{inv.qty}', '{}'),
    ('type', '{inv.dims}', '{}'),
    ('type', '{integer[]}', '{}'),
    ('type', '{text}', '{}'),
    ('function', '{inv, price_of}', '{int4, text}'),
    ('procedure', '{inv, reprice}', '{numeric}'),
    ('table constraint', '{inv, products, price_ok}', '{}'),
    ('table constraint', '{inv, products, products_pkey}', '{}'),
    ('default value', '{inv, products, price}', '{}'),
    ('trigger', '{inv, products, products_stamp}', '{}'),
    ('policy', '{inv, products, products_visible}', '{}'),
    ('rule', '{inv, products, no_delete}', '{}'),
    ('schema', '{inv}', '{}'),
    ('role', '{regress_objaddr_role}', '{}'),
    ('event trigger', '{objaddr_evt}', '{}'),
    ('publication', '{objaddr_pub}', '{}')
  )
SELECT o.type, (pg_identify_object(a.classid, a.objid, a.objsubid)).*,
       pg_describe_object(a.classid, a.objid, a.objsubid) AS description,
       ioa.type AS addr_type, ioa.object_names, ioa.object_args,
       (SELECT (b.classid, b.objid, b.objsubid) = (a.classid, a.objid, a.objsubid)
          FROM pg_get_object_address(ioa.type, ioa.object_names, ioa.object_args) b) AS roundtrip
FROM objects o,
     pg_get_object_address(o.type, o.names, o.args) a,
     pg_identify_object_as_address(a.classid, a.objid, a.objsubid) ioa
ORDER BY o.type, ioa.object_names::text;

-- catalog tables, built-in types and functions
SELECT * FROM pg_identify_object('pg_class'::regclass, 'pg_class'::regclass, 0);
SELECT * FROM pg_identify_object('pg_class'::regclass, 'pg_class'::regclass, 2);
SELECT pg_describe_object('pg_class'::regclass, 'pg_class'::regclass, 2);
SELECT * FROM pg_identify_object('pg_type'::regclass, 'int4'::regtype, 0);
SELECT * FROM pg_identify_object('pg_type'::regclass, 'timestamptz'::regtype, 0);
SELECT * FROM pg_identify_object_as_address('pg_type'::regclass, '_text'::regtype, 0);
SELECT * FROM pg_identify_object('pg_namespace'::regclass, 'public'::regnamespace, 0);
SELECT * FROM pg_get_object_address('function', '{pg_catalog, now}', '{}');
SELECT * FROM pg_get_object_address('type', '{int4}', '{}');

-- descriptions qualify what the search path does not find
SET search_path = inv, public;
SELECT pg_describe_object('pg_class'::regclass, 'inv.products'::regclass, 0);
SELECT pg_describe_object('pg_proc'::regclass, 'inv.price_of'::regproc, 0);
RESET search_path;
SELECT pg_describe_object('pg_class'::regclass, 'inv.products'::regclass, 0);
SELECT pg_describe_object('pg_proc'::regclass, 'inv.price_of'::regproc, 0);

-- objects that do not exist
SELECT * FROM pg_identify_object('pg_class'::regclass, 0, 0);
SELECT * FROM pg_identify_object_as_address('pg_proc'::regclass, 0, 0);
SELECT * FROM pg_identify_object('pg_class'::regclass, 'inv.products'::regclass, 99);
SELECT pg_describe_object('pg_type'::regclass, 0, 0);
SELECT pg_describe_object(0, 0, 0);
SELECT * FROM pg_identify_object(1234, 5, 0);

-- pg_get_object_address's errors
SELECT * FROM pg_get_object_address('stone', '{}', '{}');
SELECT * FROM pg_get_object_address('toast table', '{x}', '{}');
SELECT * FROM pg_get_object_address('table', '{}', '{}');
SELECT * FROM pg_get_object_address('table', '{NULL}', '{}');
SELECT * FROM pg_get_object_address('table', '{inv, nope}', '{}');
SELECT * FROM pg_get_object_address('table', '{nope, products}', '{}');
SELECT * FROM pg_get_object_address('table', '{a, b, c}', '{}');
SELECT * FROM pg_get_object_address('view', '{inv, products}', '{}');
SELECT * FROM pg_get_object_address('table column', '{products}', '{}');
SELECT * FROM pg_get_object_address('table column', '{inv, products, nope}', '{}');
SELECT * FROM pg_get_object_address('type', '{inv.nope}', '{}');
SELECT * FROM pg_get_object_address('type', '{a, b}', '{}');
SELECT * FROM pg_get_object_address('function', '{inv, price_of}', '{int8}');
SELECT * FROM pg_get_object_address('aggregate', '{nope}', '{}');
SELECT * FROM pg_get_object_address('schema', '{nope}', '{}');
SELECT * FROM pg_get_object_address('schema', '{a, b}', '{}');
SELECT * FROM pg_get_object_address('role', '{nope}', '{}');
SELECT * FROM pg_get_object_address('event trigger', '{nope}', '{}');
SELECT * FROM pg_get_object_address('table constraint', '{products}', '{}');
SELECT * FROM pg_get_object_address('table constraint', '{inv, products, nope}', '{}');
SELECT * FROM pg_get_object_address('trigger', '{inv, products, nope}', '{}');
SELECT * FROM pg_get_object_address('policy', '{inv, products, nope}', '{}');
SELECT * FROM pg_get_object_address('language', '{nope}', '{}');
SELECT * FROM pg_get_object_address('database', '{nope}', '{}');
SELECT * FROM pg_get_object_address('large object', '{blargh}', '{}');
SELECT * FROM pg_get_object_address('large object', '{123}', '{}');
SELECT * FROM pg_get_object_address('operator', '{+}', '{int4}');
SELECT * FROM pg_get_object_address('cast', '{int8}', '{}');

DROP EVENT TRIGGER objaddr_evt;
DROP PUBLICATION objaddr_pub;
DROP ROLE regress_objaddr_role;

-- Assignment through indirection, as a customer-profile app writes it: tags arrays, jsonb
-- settings documents, address composites (nested), domains over them; UPDATE SET, INSERT
-- column lists, ON CONFLICT DO UPDATE and MERGE; multi-column SET from sub-SELECTs.

CREATE TYPE address AS (street text, city text, zip text);
CREATE TYPE geo AS (lat numeric, lng numeric);
CREATE TYPE location AS (addr address, pos geo, aliases text[]);
CREATE DOMAIN tag_list AS text[] CHECK (array_length(VALUE, 1) <= 4);
CREATE DOMAIN us_address AS address CHECK ((VALUE).zip ~ '^[0-9]{5}$');
CREATE TABLE customers (
  id int PRIMARY KEY,
  name text NOT NULL,
  tags text[],
  settings jsonb,
  billing address,
  site location,
  labels tag_list,
  shipping us_address,
  scores int[][],
  visits int NOT NULL DEFAULT 0
);
INSERT INTO customers (id, name, tags, settings, billing, site, labels, shipping, scores) VALUES
  (1, 'Acme', '{b2b,priority}', '{"theme": "dark", "notify": {"email": true}}',
   ROW('1 Main St', 'Springfield', '01101'), ROW(ROW('9 Dock Rd', 'Portland', '04101'), ROW(43.66, -70.25), '{HQ}'),
   '{a,b}', ROW('5 Elm St', 'Boston', '02108'), '{{1,2},{3,4}}'),
  (2, 'Globex', NULL, NULL, NULL, NULL, NULL, NULL, NULL);

-- Array elements: replace, grow at either end (NULL gaps), assign into a NULL array.
UPDATE customers SET tags[2] = 'vip' WHERE id = 1 RETURNING tags;
UPDATE customers SET tags[4] = 'late', tags[0] = 'early' WHERE id = 1 RETURNING tags, array_lower(tags, 1);
UPDATE customers SET tags[3] = 'new' WHERE id = 2 RETURNING tags, array_dims(tags);
UPDATE customers SET tags = '{}' WHERE id = 2;
UPDATE customers SET tags[-2] = 'neg' WHERE id = 2 RETURNING tags;
-- Slices.
UPDATE customers SET tags[1:2] = '{x,y,z}' WHERE id = 1 RETURNING tags;
UPDATE customers SET tags[6:7] = '{p,q}' WHERE id = 2 RETURNING tags;
UPDATE customers SET tags[:] = '{s}' WHERE id = 1;
UPDATE customers SET tags[3:2] = '{s}' WHERE id = 1;
UPDATE customers SET tags[1:2] = NULL WHERE id = 1 RETURNING tags;
UPDATE customers SET tags = NULL WHERE id = 2;
UPDATE customers SET tags[:2] = '{a,b}' WHERE id = 2;
UPDATE customers SET tags[2:3] = '{a,b,c}' WHERE id = 2 RETURNING tags;
-- Two dimensions: no growing, slices within bounds.
UPDATE customers SET scores[2][1] = 30 WHERE id = 1 RETURNING scores;
UPDATE customers SET scores[3][1] = 5 WHERE id = 1;
UPDATE customers SET scores[1] = 5 WHERE id = 1;
UPDATE customers SET scores[1:2][2] = '{20,40}' WHERE id = 1 RETURNING scores;
UPDATE customers SET scores[1:2][2] = '{20}' WHERE id = 1;
UPDATE customers SET scores[1][1] = 7 WHERE id = 2 RETURNING scores, array_dims(scores);
-- Subscript errors.
UPDATE customers SET tags[NULL] = 'x' WHERE id = 1;
UPDATE customers SET tags[1][2] = 'x' WHERE id = 1;
UPDATE customers SET tags[2147483647] = 'x' WHERE id = 1;
UPDATE customers SET tags['one'] = 'x' WHERE id = 1;
UPDATE customers SET tags[1.6] = 'x' WHERE id = 1 RETURNING tags;
UPDATE customers SET tags[true] = 'x' WHERE id = 1;
UPDATE customers SET visits[1] = 1 WHERE id = 1;
UPDATE customers SET tags[1] = 5 WHERE id = 1 RETURNING tags;
UPDATE customers SET scores[1][1] = 'high' WHERE id = 1;
UPDATE customers SET scores[1][1] = now() WHERE id = 1;

-- jsonb documents: keys and positions created as needed, nulls filled in arrays.
UPDATE customers SET settings['theme'] = '"light"' WHERE id = 1 RETURNING settings;
UPDATE customers SET settings['notify']['sms'] = 'false', settings['langs'][2] = '"fr"' WHERE id = 1 RETURNING settings;
UPDATE customers SET settings['langs'][0] = '"en"' WHERE id = 1 RETURNING settings -> 'langs';
UPDATE customers SET settings['langs'][-1] = '"de"' WHERE id = 1 RETURNING settings -> 'langs';
UPDATE customers SET settings['langs'][-5] = '"xx"' WHERE id = 1;
UPDATE customers SET settings['theme']['mode'] = '1' WHERE id = 1;
UPDATE customers SET settings['notify'] = NULL WHERE id = 1 RETURNING settings;
UPDATE customers SET settings['a'][1]['b'] = '[]' WHERE id = 2 RETURNING settings;
UPDATE customers SET settings = NULL WHERE id = 2;
UPDATE customers SET settings[1] = '"first"' WHERE id = 2 RETURNING settings;
UPDATE customers SET settings['x'] = '1' WHERE id = 2;
UPDATE customers SET settings = '"plain"' WHERE id = 2;
UPDATE customers SET settings['x'] = '1' WHERE id = 2;
UPDATE customers SET settings[NULL] = '1' WHERE id = 1;
UPDATE customers SET settings[1:2] = '1' WHERE id = 1;
UPDATE customers SET settings[1.5] = '1' WHERE id = 1;
UPDATE customers SET settings['k'] = 'not json' WHERE id = 1;
UPDATE customers SET settings['k'] = 42 WHERE id = 1;
UPDATE customers SET settings['k'] = to_jsonb(42) WHERE id = 1 RETURNING settings -> 'k';

-- Composite fields, nested, and arrays inside composites.
UPDATE customers SET billing.city = 'Shelbyville', billing.zip = '01102' WHERE id = 1 RETURNING billing;
UPDATE customers SET billing.city = 'Ogdenville' WHERE id = 2 RETURNING billing;
UPDATE customers SET site.addr.city = 'Bangor', site.pos.lat = 44.8 WHERE id = 1 RETURNING site;
UPDATE customers SET site.aliases[2] = 'Warehouse', site.aliases[4] = 'Annex' WHERE id = 1 RETURNING site;
UPDATE customers SET site.addr.country = 'US' WHERE id = 1;
UPDATE customers SET name.first = 'A' WHERE id = 1;
UPDATE customers SET billing.city = 5 WHERE id = 1 RETURNING billing;
UPDATE customers SET site.pos.lat = 'north' WHERE id = 1;
UPDATE customers SET site.pos = ROW(1, 2) WHERE id = 1 RETURNING site;
UPDATE customers SET site.pos = 'x'::text WHERE id = 1;
UPDATE customers SET billing.city = DEFAULT WHERE id = 1;
UPDATE customers SET tags[1] = DEFAULT WHERE id = 1;
UPDATE customers SET customers.name = 'x' WHERE id = 1;

-- Several assignments to one column apply in order; mixing with a whole-column assignment fails.
UPDATE customers SET tags[1] = 'one', tags[1] = 'uno' WHERE id = 1 RETURNING tags;
UPDATE customers SET billing.street = '2 Main St', billing.street = upper((billing).street) WHERE id = 1 RETURNING billing;
UPDATE customers SET tags[1] = 'one', tags = '{}' WHERE id = 1;
UPDATE customers SET tags = '{}', tags[1] = 'one' WHERE id = 1;
UPDATE customers SET name = 'a', name = 'b' WHERE id = 1;

-- Domains over arrays and composites are checked after the assignment.
UPDATE customers SET labels[3] = 'c' WHERE id = 1 RETURNING labels;
UPDATE customers SET labels[6] = 'f' WHERE id = 1;
UPDATE customers SET shipping.zip = '02110' WHERE id = 1 RETURNING shipping;
UPDATE customers SET shipping.zip = 'N/A' WHERE id = 1;
UPDATE customers SET labels[1] = 'z' WHERE id = 2 RETURNING labels;

-- INSERT into subscripted and field columns (starting from NULL), several per column.
INSERT INTO customers (id, name, tags[2], settings['plan'], billing.city, billing.zip)
  VALUES (3, 'Initech', 'trial', '"pro"', 'Austin', '73301') RETURNING tags, settings, billing;
INSERT INTO customers (id, name, tags[1], tags[3], site.aliases[1], site.pos.lat)
  VALUES (4, 'Hooli', 'a', 'c', 'Campus', 37.4) RETURNING tags, site;
INSERT INTO customers (id, name, settings['a']['b'])
  SELECT 5, 'Umbrella', to_jsonb(count(*)) FROM customers RETURNING settings;
INSERT INTO customers (id, name, tags[1]) VALUES (6, 'x', 'a'), (7, 'y', 'b') RETURNING id, tags;
INSERT INTO customers (id, name, tags, tags[1]) VALUES (8, 'x', '{}', 'a');
INSERT INTO customers (id, name, tags[1], tags) VALUES (8, 'x', 'a', '{}');
INSERT INTO customers (id, name, tags[1]) VALUES (8, 'x', DEFAULT);
INSERT INTO customers (id, name, billing.zip) VALUES (8, 'x', DEFAULT);
INSERT INTO customers (id, name, shipping.zip) VALUES (8, 'x', 'bad');
INSERT INTO customers (id, name, billing.nope) VALUES (8, 'x', 'bad');
INSERT INTO customers (id, name, tags[NULL]) VALUES (8, 'x', 'bad');

-- ON CONFLICT DO UPDATE through indirection, with EXCLUDED.
INSERT INTO customers (id, name, tags, settings) VALUES (1, 'Acme', '{renewed}', '{"theme": "blue"}')
  ON CONFLICT (id) DO UPDATE SET tags[5] = EXCLUDED.tags[1], settings['theme'] = EXCLUDED.settings['theme'],
    billing.city = 'Capital City', visits = customers.visits + 1
  RETURNING tags, settings, billing, visits;
INSERT INTO customers (id, name) VALUES (1, 'Acme')
  ON CONFLICT (id) DO UPDATE SET (visits, tags[1]) = (SELECT count(*), 'counted' FROM customers) RETURNING visits, tags;
INSERT INTO customers (id, name) VALUES (1, 'Acme')
  ON CONFLICT (id) DO UPDATE SET tags[1] = DEFAULT;
INSERT INTO customers (id, name) VALUES (1, 'Acme')
  ON CONFLICT (id) DO UPDATE SET tags[1] = 'a', tags = NULL;

-- MERGE: UPDATE SET and INSERT through indirection.
UPDATE customers SET settings = NULL WHERE id = 2;
MERGE INTO customers c
USING (VALUES (2, 'gold'), (9, 'silver')) AS s(id, tier) ON c.id = s.id
WHEN MATCHED THEN UPDATE SET tags[1] = s.tier, settings['tier'] = to_jsonb(s.tier), billing.zip = '99999'
WHEN NOT MATCHED THEN INSERT (id, name, tags[2], settings['tier'], billing.city) VALUES (s.id, 'New ' || s.tier, s.tier, to_jsonb(s.tier), 'Nowhere')
RETURNING merge_action(), c.id, c.tags, c.settings, c.billing;

-- Multi-column SET from a sub-SELECT (correlated), ROW(...) and DEFAULT.
UPDATE customers c SET (name, visits) = (SELECT upper(c.name), count(*) FROM customers d WHERE d.id <= c.id)
  WHERE id IN (1, 2) RETURNING id, name, visits;
UPDATE customers SET (tags[1], visits) = (SELECT 'sub', 100) WHERE id = 3 RETURNING tags, visits;
UPDATE customers c SET (tags, settings) = (SELECT '{ghost}'::text[], '{}'::jsonb WHERE false) WHERE id = 4 RETURNING tags, settings;
UPDATE customers SET (name, visits) = ROW('Row Co', DEFAULT) WHERE id = 5 RETURNING name, visits;
UPDATE customers SET (name, visits) = ('Paren Co', 7) WHERE id = 5 RETURNING name, visits;
UPDATE customers SET (name, visits) = (SELECT name, visits FROM customers) WHERE id = 5;
UPDATE customers SET (name, visits) = (SELECT 'one');
UPDATE customers SET (name, visits) = ('a', 1, 2);
UPDATE customers SET (name, visits) = (1);
UPDATE customers SET (name, visits) = (SELECT 1, 'x');
UPDATE customers SET (name, visits) = (SELECT 'x', 1) WHERE id = 99 RETURNING id;

SELECT id, name, tags, settings, billing, site, labels, shipping, scores, visits FROM customers ORDER BY id;

-- ROW(t.*) as the source of a multi-column SET.
CREATE TABLE price_changes (id int, new_name text, new_visits int);
INSERT INTO price_changes VALUES (1, 'ACME', 500);
UPDATE customers c SET (name, visits) = ROW(p.new_name, p.new_visits) FROM price_changes p WHERE c.id = p.id RETURNING c.id, c.name, c.visits;
UPDATE customers c SET (id, name, visits) = ROW(p.*) FROM price_changes p WHERE c.id = p.id RETURNING c.id, c.name, c.visits;
UPDATE customers c SET (name, visits) = ROW(p.*) FROM price_changes p WHERE c.id = p.id;
UPDATE customers c SET (name, visits) = (p.*) FROM price_changes p WHERE c.id = p.id;

-- DDL as an application's migrations send it: an online shop (schema shop), a SaaS app with
-- orgs/members/projects/tasks (schema saas) and a blog (public). Random or time-dependent values
-- are never printed; facts about them are (`created_at IS NOT NULL`).

-- Extensions first, into public, as hosted Postgres setups do.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION citext;
CREATE EXTENSION citext;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION no_such_extension;

-- Schemas and search_path
CREATE SCHEMA shop;
CREATE SCHEMA IF NOT EXISTS shop;
CREATE SCHEMA shop;
CREATE SCHEMA saas;
SHOW search_path;
SELECT current_schema(), current_schemas(false);
SET search_path TO shop, public;
SHOW search_path;
SELECT current_schema(), current_schemas(false);

-- The shop: customers with citext emails, uuid external ids, timestamps
CREATE TABLE customers (
  id bigserial PRIMARY KEY,
  email citext NOT NULL UNIQUE,
  full_name text NOT NULL,
  external_id uuid NOT NULL DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  marketing_opt_in boolean NOT NULL DEFAULT false
);
INSERT INTO customers (email, full_name)
VALUES ('Alice@Example.com', 'Alice Archer')
RETURNING id, email, external_id IS NOT NULL AS has_external_id, created_at IS NOT NULL AS has_created_at, marketing_opt_in;
INSERT INTO customers (email, full_name) VALUES ('alice@example.COM', 'Alice Again');
INSERT INTO customers (email, full_name) VALUES ('bob@example.com', 'Bob Baker') RETURNING id;
SELECT id, email, full_name FROM customers WHERE email = 'ALICE@EXAMPLE.COM';
SELECT count(DISTINCT external_id) AS distinct_ids, min(length(external_id::text)) AS uuid_length FROM shop.customers;
SELECT created_at <= now() AS not_in_future FROM customers WHERE email = 'alice@example.com';

CREATE TABLE products (
  id serial PRIMARY KEY,
  sku varchar(32) NOT NULL,
  name text NOT NULL,
  description text,
  price_cents integer NOT NULL DEFAULT 0,
  currency char(3) NOT NULL DEFAULT 'EUR',
  active boolean NOT NULL DEFAULT true,
  tags text[] NOT NULL DEFAULT '{}',
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE TABLE IF NOT EXISTS products (id integer);
CREATE TABLE products (id integer);
SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
  FROM information_schema.columns
 WHERE table_schema = 'shop' AND table_name = 'products'
 ORDER BY ordinal_position;
SELECT pg_get_serial_sequence('shop.products', 'id'), pg_get_serial_sequence('shop.customers', 'id');
INSERT INTO products (sku, name, price_cents) VALUES ('TSHIRT-S', 'T-shirt S', 1999), ('MUG', 'Mug', 899)
RETURNING id, sku, currency, active, tags, attributes;

CREATE TABLE categories (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  parent_id integer REFERENCES categories (id)
);
CREATE TABLE product_categories (
  product_id integer NOT NULL REFERENCES products ON DELETE CASCADE,
  category_id integer NOT NULL REFERENCES categories ON DELETE CASCADE,
  PRIMARY KEY (product_id, category_id)
);
INSERT INTO categories (name) VALUES ('Apparel'), ('Kitchen') RETURNING id, name, parent_id;
INSERT INTO categories (name, parent_id) VALUES ('T-shirts', 1) RETURNING id;
INSERT INTO product_categories VALUES (1, 3), (2, 2);

-- CREATE TABLE ... LIKE
CREATE TABLE products_archive (LIKE products);
INSERT INTO products_archive (id, sku, name) VALUES (1, 'OLD-1', 'Old product');
INSERT INTO products_archive (id, sku, name, price_cents, currency, active, tags, attributes)
VALUES (1, 'OLD-1', 'Old product', 500, 'EUR', false, '{}', '{}');
CREATE TABLE products_staging (LIKE products INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
INSERT INTO products_staging (sku, name) VALUES ('NEW-1', 'Staged') RETURNING id, price_cents, currency;
INSERT INTO products_staging (id, sku, name) VALUES (3, 'NEW-2', 'Staged again');
CREATE TABLE products_copy (LIKE products INCLUDING ALL, imported_at timestamptz);
SELECT column_name FROM information_schema.columns WHERE table_schema = 'shop' AND table_name = 'products_copy' ORDER BY ordinal_position;

-- Sequences
SELECT lastval();
CREATE SEQUENCE order_number_seq START 1000 INCREMENT 10;
CREATE SEQUENCE order_number_seq;
CREATE SEQUENCE IF NOT EXISTS order_number_seq;
SELECT nextval('order_number_seq');
SELECT nextval('order_number_seq');
SELECT currval('order_number_seq');
SELECT lastval();
SELECT setval('order_number_seq', 5000);
SELECT nextval('order_number_seq');
SELECT setval('order_number_seq', 42, false);
SELECT nextval('order_number_seq');
SELECT last_value, is_called FROM order_number_seq;
CREATE SEQUENCE invoice_seq;
SELECT currval('invoice_seq');
SELECT nextval('no_such_seq');
CREATE SEQUENCE tiny_seq MAXVALUE 2;
SELECT nextval('tiny_seq');
SELECT nextval('tiny_seq');
SELECT nextval('tiny_seq');
SELECT setval('tiny_seq', 10);
CREATE SEQUENCE ticket_seq MINVALUE 1 MAXVALUE 3 CYCLE;
SELECT nextval('ticket_seq'), nextval('ticket_seq'), nextval('ticket_seq'), nextval('ticket_seq');
CREATE SEQUENCE countdown_seq INCREMENT BY -1 MINVALUE 1 MAXVALUE 3;
SELECT nextval('countdown_seq'), nextval('countdown_seq');
ALTER SEQUENCE order_number_seq RESTART WITH 1 INCREMENT BY 1;
SELECT nextval('order_number_seq');
SELECT nextval('products_id_seq');
INSERT INTO products (sku, name) VALUES ('HAT', 'Hat') RETURNING id;
ALTER SEQUENCE invoice_seq OWNED BY products.description;
DROP SEQUENCE invoice_seq;
DROP SEQUENCE products_id_seq;
DROP SEQUENCE IF EXISTS no_such_seq;

-- Enums
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
CREATE TYPE order_status AS ENUM ('new');
ALTER TYPE order_status ADD VALUE 'refunded';
ALTER TYPE order_status ADD VALUE 'delivered' AFTER 'shipped';
ALTER TYPE order_status ADD VALUE 'draft' BEFORE 'pending';
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'paid';
ALTER TYPE order_status ADD VALUE 'paid';
ALTER TYPE order_status ADD VALUE 'on_hold' BEFORE 'no_such_label';
ALTER TYPE order_status RENAME VALUE 'cancelled' TO 'canceled';
SELECT enum_range(NULL::order_status);
SELECT 'delivered'::order_status > 'shipped'::order_status AS after_shipped, 'draft'::order_status < 'pending' AS draft_first;
SELECT 'lost'::order_status;

CREATE TABLE orders (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  order_number integer NOT NULL DEFAULT nextval('order_number_seq'),
  customer_id bigint NOT NULL REFERENCES customers (id),
  status order_status NOT NULL DEFAULT 'pending',
  placed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO orders (customer_id) SELECT id FROM customers ORDER BY id RETURNING id, order_number, status;
INSERT INTO orders (customer_id, status)
SELECT id, 'shipped' FROM customers WHERE email = 'bob@example.com'
RETURNING id, status;
INSERT INTO orders (customer_id, status) VALUES (2, 'paid');
SELECT status, count(*) FROM orders GROUP BY status ORDER BY status;

-- Domains
CREATE DOMAIN email_address AS citext CHECK (VALUE ~ '^[^@[:space:]]+@[^@[:space:]]+$');
CREATE DOMAIN positive_cents AS integer NOT NULL DEFAULT 0 CHECK (VALUE >= 0);
CREATE DOMAIN sku_code AS varchar(16) CONSTRAINT sku_code_format CHECK (VALUE ~ '^[A-Z0-9-]+$');
CREATE DOMAIN email_address AS text;
SELECT 'Carol@Example.com'::email_address;
SELECT 'not-an-email'::email_address;
SELECT (-5)::positive_cents;
SELECT NULL::positive_cents;
SELECT 'gc-1'::sku_code;
SELECT 'GIFT-CARD-CODE-TOO-LONG'::sku_code;
CREATE TABLE gift_cards (
  code sku_code PRIMARY KEY,
  balance positive_cents,
  owner_email email_address
);
INSERT INTO gift_cards (code) VALUES ('GC-1') RETURNING code, balance, owner_email;
INSERT INTO gift_cards (code, balance) VALUES ('GC-2', -1);
INSERT INTO gift_cards (code, balance) VALUES ('GC-2', NULL);
INSERT INTO gift_cards (code, owner_email) VALUES ('GC-3', 'dave@example.com');
ALTER DOMAIN positive_cents SET DEFAULT 500;
INSERT INTO gift_cards (code) VALUES ('GC-4') RETURNING balance;
ALTER DOMAIN sku_code ADD CONSTRAINT sku_code_prefix CHECK (VALUE LIKE 'GC-%');
ALTER DOMAIN sku_code ADD CONSTRAINT sku_code_short CHECK (length(VALUE) <= 3);
ALTER DOMAIN sku_code DROP CONSTRAINT sku_code_prefix;
SELECT code, balance FROM gift_cards ORDER BY code;

-- The SaaS app: orgs, members, projects, tasks; ALTER TABLE in all its forms
RESET search_path;
SHOW search_path;
CREATE TABLE saas.orgs (
  id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  slug text NOT NULL
);
INSERT INTO saas.orgs (name, slug) VALUES ('Acme', 'acme'), ('Globex', 'globex'), ('Initech', 'Initech');
ALTER TABLE saas.orgs ADD COLUMN plan text NOT NULL DEFAULT 'free';
ALTER TABLE saas.orgs ADD COLUMN seats integer;
ALTER TABLE saas.orgs ADD COLUMN IF NOT EXISTS seats integer;
ALTER TABLE saas.orgs ADD COLUMN seats integer;
ALTER TABLE saas.orgs ADD COLUMN billing_email text NOT NULL;
SELECT id, name, plan, seats FROM saas.orgs ORDER BY id;
ALTER TABLE saas.orgs ALTER COLUMN seats SET DEFAULT 5;
INSERT INTO saas.orgs (name, slug) VALUES ('Umbrella', 'umbrella') RETURNING id, seats;
ALTER TABLE saas.orgs ALTER COLUMN seats SET NOT NULL;
UPDATE saas.orgs SET seats = 1 WHERE seats IS NULL;
ALTER TABLE saas.orgs ALTER COLUMN seats SET NOT NULL;
INSERT INTO saas.orgs (name, slug, seats) VALUES ('Hooli', 'hooli', NULL);
ALTER TABLE saas.orgs ALTER COLUMN seats DROP NOT NULL;
ALTER TABLE saas.orgs ALTER COLUMN seats DROP DEFAULT;
INSERT INTO saas.orgs (name, slug) VALUES ('Hooli', 'hooli') RETURNING id, seats;
ALTER TABLE saas.orgs RENAME COLUMN name TO display_name;
ALTER TABLE saas.orgs RENAME COLUMN no_such_column TO whatever;
SELECT display_name FROM saas.orgs WHERE id = 1;
SELECT name FROM saas.orgs;
ALTER TABLE saas.orgs ADD CONSTRAINT orgs_slug_key UNIQUE (slug);
INSERT INTO saas.orgs (display_name, slug) VALUES ('Acme 2', 'acme');
ALTER TABLE saas.orgs ADD CONSTRAINT orgs_slug_format CHECK (slug ~ '^[a-z0-9-]+$');
ALTER TABLE saas.orgs ADD CONSTRAINT orgs_slug_format CHECK (slug ~ '^[a-z0-9-]+$') NOT VALID;
INSERT INTO saas.orgs (display_name, slug) VALUES ('Bad Slug Inc', 'Bad Slug');
ALTER TABLE saas.orgs VALIDATE CONSTRAINT orgs_slug_format;
UPDATE saas.orgs SET slug = lower(slug) WHERE slug <> lower(slug);
ALTER TABLE saas.orgs VALIDATE CONSTRAINT orgs_slug_format;
SELECT conname, contype, convalidated FROM pg_constraint WHERE conrelid = 'saas.orgs'::regclass ORDER BY conname;
ALTER TABLE saas.orgs DROP CONSTRAINT no_such_constraint;
ALTER TABLE saas.orgs DROP CONSTRAINT IF EXISTS no_such_constraint;
ALTER TABLE saas.orgs DROP CONSTRAINT orgs_slug_format;
ALTER TABLE saas.orgs ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
SELECT count(*) AS orgs, count(DISTINCT created_at) AS distinct_created_at, bool_and(created_at <= now()) AS all_in_past FROM saas.orgs;
CREATE TYPE saas.plan_tier AS ENUM ('free', 'pro', 'enterprise');
ALTER TABLE saas.orgs ALTER COLUMN plan TYPE integer;
ALTER TABLE saas.orgs ALTER COLUMN plan TYPE integer USING plan::integer;
ALTER TABLE saas.orgs ALTER COLUMN plan DROP DEFAULT;
ALTER TABLE saas.orgs ALTER COLUMN plan TYPE saas.plan_tier USING plan::saas.plan_tier;
ALTER TABLE saas.orgs ALTER COLUMN plan SET DEFAULT 'free';
ALTER TABLE saas.orgs ALTER COLUMN seats TYPE bigint;
ALTER TABLE saas.orgs ALTER COLUMN slug TYPE varchar(8);
ALTER TABLE saas.orgs ALTER COLUMN slug TYPE varchar(6);
SELECT column_name, data_type, udt_name, character_maximum_length, column_default
  FROM information_schema.columns WHERE table_schema = 'saas' AND table_name = 'orgs' ORDER BY ordinal_position;
ALTER TABLE saas.orgs DROP COLUMN created_at;
ALTER TABLE saas.orgs DROP COLUMN created_at;
ALTER TABLE saas.orgs DROP COLUMN IF EXISTS created_at;
ALTER TABLE saas.orgs RENAME TO organizations;
SELECT count(*) FROM saas.orgs;
ALTER TABLE saas.organizations
  ADD COLUMN archived_at timestamptz,
  ADD COLUMN archived_reason text,
  ALTER COLUMN seats SET DEFAULT 1,
  DROP COLUMN IF EXISTS billing_email;
INSERT INTO saas.organizations (display_name, slug) VALUES ('Stark', 'stark') RETURNING *;
ALTER TABLE saas.organizations ADD COLUMN a int, ADD COLUMN a int;
ALTER TABLE IF EXISTS saas.no_such_table ADD COLUMN x integer;
ALTER TABLE saas.no_such_table ADD COLUMN x integer;
SELECT * FROM saas.organizations ORDER BY id;

CREATE TABLE saas.users (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  email text NOT NULL,
  name text
);
CREATE TABLE saas.members (
  org_id bigint NOT NULL REFERENCES saas.organizations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES saas.users (id) ON DELETE CASCADE,
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
  PRIMARY KEY (org_id, user_id)
);
CREATE TABLE saas.projects (
  id bigserial PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES saas.organizations (id),
  name text NOT NULL,
  archived boolean NOT NULL DEFAULT false
);
CREATE TABLE saas.tasks (
  id bigserial PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES saas.projects (id),
  title text NOT NULL,
  done boolean NOT NULL DEFAULT false,
  due_date date
);
INSERT INTO saas.users (id, email, name) VALUES
  ('6f1c1f9e-0c4e-4a43-9d1b-2f7c0e7a9a01', 'Ann@Acme.test', 'Ann'),
  ('6f1c1f9e-0c4e-4a43-9d1b-2f7c0e7a9a02', 'ben@acme.test', 'Ben');
INSERT INTO saas.users (email) VALUES ('no-id@acme.test') RETURNING id IS NOT NULL AS has_id;
INSERT INTO saas.members (org_id, user_id, role) VALUES
  (1, '6f1c1f9e-0c4e-4a43-9d1b-2f7c0e7a9a01', 'owner'),
  (1, '6f1c1f9e-0c4e-4a43-9d1b-2f7c0e7a9a02', DEFAULT);
INSERT INTO saas.projects (org_id, name) VALUES (1, 'Website'), (1, 'Mobile app'), (2, 'Old site');
UPDATE saas.projects SET archived = true WHERE name = 'Old site';
INSERT INTO saas.tasks (project_id, title, due_date) VALUES
  (1, 'Design homepage', '2025-03-01'), (1, 'Write copy', NULL), (2, 'Login screen', '2025-02-15');

-- Indexes: plain, unique, partial, expression, IF NOT EXISTS
CREATE INDEX members_user_idx ON saas.members (user_id);
CREATE INDEX IF NOT EXISTS members_user_idx ON saas.members (user_id);
CREATE INDEX members_user_idx ON saas.members (role);
CREATE UNIQUE INDEX users_email_lower_idx ON saas.users (lower(email));
INSERT INTO saas.users (email) VALUES ('ann@acme.test');
CREATE UNIQUE INDEX tasks_open_title_idx ON saas.tasks (project_id, title) WHERE NOT done;
INSERT INTO saas.tasks (project_id, title) VALUES (1, 'Write copy');
UPDATE saas.tasks SET done = true WHERE title = 'Write copy';
INSERT INTO saas.tasks (project_id, title) VALUES (1, 'Write copy') RETURNING id, done;
CREATE INDEX ON saas.tasks (due_date DESC NULLS LAST);
CREATE INDEX ON saas.tasks (project_id, done);
CREATE UNIQUE INDEX tasks_title_idx ON saas.tasks (title);
CREATE UNIQUE INDEX IF NOT EXISTS projects_org_name_idx ON saas.projects (org_id, name);
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'saas' AND tablename = 'tasks' ORDER BY indexname;
ALTER INDEX saas.tasks_due_date_idx RENAME TO tasks_due_idx;
DROP INDEX saas.tasks_due_idx;
DROP INDEX saas.tasks_due_idx;
DROP INDEX IF EXISTS saas.tasks_due_idx;
DROP INDEX saas.tasks_pkey;

-- Views, including automatically updatable ones
CREATE VIEW saas.active_projects AS
  SELECT id, org_id, name FROM saas.projects WHERE NOT archived;
SELECT * FROM saas.active_projects ORDER BY id;
INSERT INTO saas.active_projects (org_id, name) VALUES (2, 'New site') RETURNING *;
UPDATE saas.active_projects SET name = 'Marketing website' WHERE id = 1 RETURNING id, name;
UPDATE saas.active_projects SET name = 'Renamed archived' WHERE id = 3;
DELETE FROM saas.active_projects WHERE name = 'New site' RETURNING id;
CREATE VIEW saas.project_task_counts AS
  SELECT p.id, p.name, count(t.id) AS task_count
    FROM saas.projects p LEFT JOIN saas.tasks t ON t.project_id = p.id
   GROUP BY p.id, p.name;
SELECT * FROM saas.project_task_counts ORDER BY id;
INSERT INTO saas.project_task_counts (id, name, task_count) VALUES (9, 'x', 0);
CREATE OR REPLACE VIEW saas.active_projects AS
  SELECT id, org_id, name, archived FROM saas.projects WHERE NOT archived;
CREATE OR REPLACE VIEW saas.active_projects AS
  SELECT id, name FROM saas.projects WHERE NOT archived;
CREATE VIEW saas.active_projects AS SELECT 1 AS one;
CREATE VIEW saas.acme_projects AS
  SELECT * FROM saas.projects WHERE org_id = 1
  WITH CHECK OPTION;
INSERT INTO saas.acme_projects (org_id, name) VALUES (1, 'Intranet') RETURNING id, org_id;
INSERT INTO saas.acme_projects (org_id, name) VALUES (2, 'Not Acme');
SELECT table_name, is_updatable, is_insertable_into FROM information_schema.views WHERE table_schema = 'saas' ORDER BY table_name;

-- COMMENT ON
COMMENT ON TABLE saas.organizations IS 'Customer organisations';
COMMENT ON COLUMN saas.organizations.slug IS 'URL-safe identifier, unique';
COMMENT ON SCHEMA saas IS 'The SaaS application';
COMMENT ON VIEW saas.active_projects IS 'Projects that are not archived';
COMMENT ON TYPE saas.plan_tier IS 'Billing plans';
COMMENT ON INDEX saas.users_email_lower_idx IS 'Case-insensitive email uniqueness';
COMMENT ON COLUMN saas.organizations.no_such_column IS 'x';
SELECT obj_description('saas.organizations'::regclass, 'pg_class') AS table_comment,
       col_description('saas.organizations'::regclass, 3) AS slug_comment,
       obj_description('saas.active_projects'::regclass, 'pg_class') AS view_comment,
       obj_description('saas.plan_tier'::regtype, 'pg_type') AS type_comment;
COMMENT ON TABLE saas.organizations IS NULL;
SELECT obj_description('saas.organizations'::regclass, 'pg_class') IS NULL AS comment_removed;

-- DROP ... RESTRICT / CASCADE and dependency errors
DROP VIEW saas.organizations;
DROP TABLE saas.active_projects;
DROP TABLE saas.projects;
DROP TABLE saas.projects RESTRICT;
DROP VIEW saas.project_task_counts;
DROP TABLE saas.projects CASCADE;
SELECT count(*) FROM saas.tasks;
INSERT INTO saas.tasks (project_id, title) VALUES (999, 'Orphan allowed now') RETURNING project_id;
DROP TYPE shop.order_status;
DROP TYPE shop.order_status RESTRICT;
DROP TABLE IF EXISTS saas.projects;
DROP TABLE saas.projects;
DROP TABLE IF EXISTS saas.projects, saas.tasks;
DROP DOMAIN shop.positive_cents;
DROP SCHEMA saas;
DROP SCHEMA IF EXISTS no_such_schema;
DROP EXTENSION citext;
DROP SCHEMA saas CASCADE;
SELECT count(*) FROM information_schema.tables WHERE table_schema = 'saas';

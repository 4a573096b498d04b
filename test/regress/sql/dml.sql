-- Data modification as the SaaS app (orgs, users, members, projects, tasks) sends it: inserts,
-- upserts, updates, deletes, RETURNING, TRUNCATE and statement atomicity.

CREATE TABLE orgs (
  id bigserial PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  plan text NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise')),
  seats integer NOT NULL DEFAULT 3
);
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  display_name text,
  login_count integer NOT NULL DEFAULT 0,
  last_login date
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE TABLE members (
  org_id bigint NOT NULL REFERENCES orgs ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  role text NOT NULL DEFAULT 'member',
  invited_by bigint REFERENCES users,
  CONSTRAINT members_pkey PRIMARY KEY (org_id, user_id)
);
CREATE TABLE projects (
  id bigserial PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs ON DELETE CASCADE,
  name text NOT NULL,
  archived boolean NOT NULL DEFAULT false,
  UNIQUE (org_id, name)
);
CREATE TABLE tasks (
  id bigserial PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES projects ON DELETE CASCADE,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'todo',
  priority smallint NOT NULL DEFAULT 2,
  assignee_id bigint REFERENCES users ON DELETE SET NULL,
  estimate_hours numeric(5, 1)
);
CREATE UNIQUE INDEX tasks_one_open_title ON tasks (project_id, title) WHERE status <> 'done';
CREATE TABLE settings (
  org_id bigint PRIMARY KEY REFERENCES orgs ON DELETE CASCADE,
  theme text NOT NULL DEFAULT 'light',
  notifications boolean NOT NULL DEFAULT true
);
CREATE TABLE audit_log (id bigserial PRIMARY KEY, action text NOT NULL DEFAULT 'unknown', detail jsonb);

-- INSERT: multi-row, column lists, DEFAULT, DEFAULT VALUES, INSERT ... SELECT
INSERT INTO orgs (slug, name) VALUES ('acme', 'Acme Inc'), ('globex', 'Globex'), ('initech', 'Initech');
INSERT INTO orgs (slug, name, plan, seats) VALUES ('umbrella', 'Umbrella', 'enterprise', DEFAULT) RETURNING id, plan, seats;
INSERT INTO orgs VALUES (DEFAULT, 'hooli', 'Hooli', 'pro', 25) RETURNING *;
INSERT INTO orgs (slug, name) VALUES ('stark', 'Stark', 'pro');
INSERT INTO orgs (slug, name, plan) VALUES ('wayne', 'Wayne');
INSERT INTO orgs (slug) VALUES ('nameless');
INSERT INTO orgs (slug, name, nope) VALUES ('x', 'y', 1);
INSERT INTO orgs (slug, name, slug) VALUES ('x', 'y', 'z');
INSERT INTO audit_log DEFAULT VALUES RETURNING id, action, detail;
INSERT INTO audit_log (detail) VALUES ('{"event": "signup"}'), (NULL) RETURNING id, action, detail;
INSERT INTO users (email, display_name) VALUES
  ('ann@acme.test', 'Ann'), ('ben@acme.test', 'Ben'), ('cat@globex.test', 'Cat'), ('dan@initech.test', NULL), ('eve@acme.test', 'Eve');
INSERT INTO members (org_id, user_id, role)
SELECT 1, id, CASE WHEN email LIKE 'ann@%' THEN 'owner' ELSE 'member' END FROM users WHERE email LIKE '%@acme.test';
INSERT INTO members (org_id, user_id, role, invited_by) VALUES (2, 3, 'owner', NULL), (3, 4, 'owner', NULL), (2, 1, 'admin', 3);
SELECT org_id, user_id, role, invited_by FROM members ORDER BY org_id, user_id;
INSERT INTO settings (org_id) SELECT id FROM orgs WHERE plan <> 'free' RETURNING org_id, theme, notifications;
INSERT INTO projects (org_id, name) VALUES (1, 'Website'), (1, 'Mobile app'), (2, 'Billing'), (3, 'TPS reports');
INSERT INTO tasks (project_id, title, priority, assignee_id, estimate_hours) VALUES
  (1, 'Design homepage', 1, 1, 8), (1, 'Write copy', 2, 2, 3.25), (1, 'Set up CI', 3, NULL, NULL),
  (2, 'Login screen', 1, 5, 5.5), (3, 'Invoice export', 2, 3, 13), (4, 'New cover sheet', 3, 4, 0.5);
SELECT id, project_id, title, priority, estimate_hours FROM tasks ORDER BY id;

-- Statement atomicity: a multi-row insert failing on its third row inserts nothing
SELECT count(*) FROM tasks;
INSERT INTO tasks (project_id, title) VALUES (1, 'Alpha'), (1, 'Beta'), (999, 'Gamma'), (1, 'Delta');
INSERT INTO tasks (project_id, title) VALUES (2, 'One'), (2, 'Two'), (2, 'One');
SELECT count(*) FROM tasks;
INSERT INTO tasks (project_id, title) VALUES (2, 'After failures') RETURNING id;
UPDATE tasks SET priority = priority * 20000 WHERE project_id = 1;
SELECT id, priority FROM tasks WHERE project_id = 1 ORDER BY id;
UPDATE users SET email = 'ann@acme.test' WHERE id IN (2, 3);
SELECT id, email FROM users WHERE id IN (2, 3) ORDER BY id;
INSERT INTO users (email) SELECT 'bulk' || g || '@acme.test' FROM generate_series(1, 5) g
UNION ALL SELECT 'ANN@acme.test';
SELECT count(*) FROM users;

-- ON CONFLICT DO NOTHING
INSERT INTO orgs (slug, name) VALUES ('acme', 'Acme again') ON CONFLICT DO NOTHING;
INSERT INTO orgs (slug, name) VALUES ('acme', 'Acme again'), ('cyberdyne', 'Cyberdyne') ON CONFLICT (slug) DO NOTHING RETURNING id, slug;
INSERT INTO members (org_id, user_id) VALUES (1, 1), (1, 3) ON CONFLICT ON CONSTRAINT members_pkey DO NOTHING RETURNING org_id, user_id, role;
INSERT INTO users (email) VALUES ('BEN@acme.test') ON CONFLICT (lower(email)) DO NOTHING RETURNING id;
INSERT INTO users (email) VALUES ('BEN@acme.test') ON CONFLICT (email) DO NOTHING;
INSERT INTO orgs (slug, name) VALUES ('acme', 'x') ON CONFLICT (name) DO NOTHING;
INSERT INTO orgs (slug, name) VALUES ('acme', 'x') ON CONFLICT ON CONSTRAINT no_such_constraint DO NOTHING;

-- ON CONFLICT DO UPDATE: upserts with EXCLUDED, WHERE, counters
INSERT INTO settings (org_id, theme) VALUES (4, 'dark')
ON CONFLICT (org_id) DO UPDATE SET theme = EXCLUDED.theme
RETURNING org_id, theme, notifications;
INSERT INTO settings (org_id, theme, notifications) VALUES (1, 'dark', false), (5, 'solarized', false)
ON CONFLICT (org_id) DO UPDATE SET theme = EXCLUDED.theme, notifications = EXCLUDED.notifications
RETURNING org_id, theme, notifications;
INSERT INTO settings AS s (org_id, theme) VALUES (1, 'light'), (4, 'light')
ON CONFLICT (org_id) DO UPDATE SET theme = EXCLUDED.theme WHERE s.notifications
RETURNING org_id, theme;
SELECT org_id, theme, notifications FROM settings ORDER BY org_id;
INSERT INTO users (email, login_count, last_login) VALUES ('ann@acme.test', 1, '2025-01-10')
ON CONFLICT (lower(email)) DO UPDATE SET login_count = users.login_count + EXCLUDED.login_count, last_login = EXCLUDED.last_login
RETURNING id, email, login_count, last_login;
INSERT INTO users (email, login_count, last_login) VALUES ('Ann@Acme.test', 1, '2025-01-11')
ON CONFLICT (lower(email)) DO UPDATE SET login_count = users.login_count + EXCLUDED.login_count, last_login = EXCLUDED.last_login
RETURNING id, email, login_count, last_login;
INSERT INTO tasks (project_id, title, priority) VALUES (1, 'Write copy', 1)
ON CONFLICT (project_id, title) WHERE status <> 'done' DO UPDATE SET priority = EXCLUDED.priority
RETURNING id, title, priority;
INSERT INTO tasks (project_id, title, priority) VALUES (1, 'Write copy', 1)
ON CONFLICT (project_id, title) DO UPDATE SET priority = EXCLUDED.priority;
INSERT INTO members (org_id, user_id, role) VALUES (1, 2, 'admin'), (1, 2, 'owner')
ON CONFLICT (org_id, user_id) DO UPDATE SET role = EXCLUDED.role;
INSERT INTO members (org_id, user_id, role) VALUES (1, 2, 'admin')
ON CONFLICT ON CONSTRAINT members_pkey DO UPDATE SET role = EXCLUDED.role
RETURNING org_id, user_id, role;
INSERT INTO orgs (slug, name) VALUES ('globex', 'Globex Corporation')
ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, seats = orgs.seats + 1
RETURNING id, slug, name, seats;
INSERT INTO orgs (slug, name) VALUES ('initech', 'Initech LLC')
ON CONFLICT (slug) DO UPDATE SET slug = 'acme';
INSERT INTO orgs (slug, name) VALUES ('initech', 'Initech LLC')
ON CONFLICT (slug) DO UPDATE SET plan = 'platinum';

-- UPDATE: FROM, row assignments, subqueries, RETURNING expressions
UPDATE tasks SET status = 'in_progress' WHERE id = 1 RETURNING id, status;
UPDATE tasks SET status = 'done' WHERE id = 999;
UPDATE tasks t SET status = 'blocked'
  FROM projects p
 WHERE p.id = t.project_id AND p.org_id = 1 AND t.assignee_id IS NULL
RETURNING t.id, t.title, p.name AS project;
UPDATE tasks SET (priority, estimate_hours) = (1, 2.5) WHERE title = 'Set up CI' RETURNING priority, estimate_hours;
UPDATE tasks SET (status, assignee_id) = (SELECT 'review', id FROM users WHERE email = 'cat@globex.test') WHERE id = 5
RETURNING id, status, assignee_id;
UPDATE tasks SET estimate_hours = estimate_hours * 1.1 WHERE estimate_hours IS NOT NULL
RETURNING id, estimate_hours, estimate_hours::text || 'h' AS label;
UPDATE tasks SET priority = priority + 1
 WHERE project_id IN (SELECT id FROM projects WHERE org_id = (SELECT id FROM orgs WHERE slug = 'acme'))
RETURNING id, priority;
UPDATE users u SET display_name = upper(m.role) || ': ' || coalesce(u.display_name, u.email)
  FROM members m
 WHERE m.user_id = u.id AND m.org_id = 2
RETURNING u.id, u.display_name;
UPDATE projects SET name = 'Website' WHERE id = 2;
UPDATE tasks SET title = NULL WHERE id = 1;
UPDATE tasks SET nope = 1;
UPDATE tasks SET priority = 'high' WHERE id = 1;
UPDATE tasks SET status = 'done', priority = DEFAULT WHERE id = 6 RETURNING old.status AS old_status, new.status AS new_status, old.priority, new.priority;
SELECT id, status, priority, assignee_id, estimate_hours FROM tasks ORDER BY id;

-- DELETE: USING, subqueries, RETURNING
DELETE FROM tasks WHERE id = 999;
DELETE FROM tasks t USING projects p
 WHERE p.id = t.project_id AND p.name = 'TPS reports'
RETURNING t.id, t.title, p.name;
DELETE FROM members WHERE user_id = (SELECT id FROM users WHERE email = 'eve@acme.test') RETURNING *;
DELETE FROM users WHERE id = 5 RETURNING id, email, old.display_name;
DELETE FROM users WHERE id = 3;
UPDATE members SET invited_by = NULL WHERE invited_by = 3;
DELETE FROM users WHERE id = 3;
SELECT id, assignee_id FROM tasks WHERE id = 5;
DELETE FROM users WHERE email LIKE 'bulk%';
DELETE FROM orgs WHERE slug = 'acme';
SELECT count(*) AS projects, (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM members) AS members FROM projects;

-- Data-modifying CTEs, as an app creates an org with its owner in one round trip
WITH new_org AS (
  INSERT INTO orgs (slug, name, plan) VALUES ('acme', 'Acme Reborn', 'pro') RETURNING id
), owner AS (
  INSERT INTO members (org_id, user_id, role) SELECT id, 1, 'owner' FROM new_org RETURNING org_id, user_id
)
INSERT INTO settings (org_id, theme) SELECT org_id, 'dark' FROM owner RETURNING org_id, theme;
SELECT o.slug, m.user_id, m.role, s.theme FROM orgs o JOIN members m ON m.org_id = o.id JOIN settings s ON s.org_id = o.id WHERE o.slug = 'acme';
WITH moved AS (DELETE FROM tasks WHERE status = 'review' RETURNING project_id, title)
INSERT INTO audit_log (action, detail) SELECT 'task_removed', jsonb_build_object('title', title) FROM moved RETURNING action, detail;

-- TRUNCATE
TRUNCATE audit_log;
INSERT INTO audit_log (action) VALUES ('after truncate') RETURNING id;
TRUNCATE audit_log RESTART IDENTITY;
INSERT INTO audit_log (action) VALUES ('after restart') RETURNING id;
TRUNCATE audit_log CONTINUE IDENTITY;
INSERT INTO audit_log (action) VALUES ('after continue') RETURNING id;
TRUNCATE projects;
TRUNCATE projects, tasks;
SELECT count(*) FROM projects;
TRUNCATE orgs RESTRICT;
TRUNCATE TABLE orgs RESTART IDENTITY CASCADE;
SELECT (SELECT count(*) FROM orgs) AS orgs, (SELECT count(*) FROM members) AS members, (SELECT count(*) FROM settings) AS settings, (SELECT count(*) FROM users) AS users;
INSERT INTO orgs (slug, name) VALUES ('fresh', 'Fresh start') RETURNING id;
TRUNCATE no_such_table;

-- Transactions: a failed statement aborts the block until ROLLBACK
BEGIN;
INSERT INTO orgs (slug, name) VALUES ('tx-1', 'In transaction');
SELECT count(*) FROM orgs;
ROLLBACK;
SELECT count(*) FROM orgs;
BEGIN;
INSERT INTO orgs (slug, name) VALUES ('tx-2', 'Kept');
INSERT INTO orgs (slug, name) VALUES ('fresh', 'Duplicate');
SELECT count(*) FROM orgs;
COMMIT;
SELECT slug FROM orgs ORDER BY id;
BEGIN;
INSERT INTO orgs (slug, name) VALUES ('tx-3', 'Kept');
SAVEPOINT before_dup;
INSERT INTO orgs (slug, name) VALUES ('fresh', 'Duplicate');
ROLLBACK TO SAVEPOINT before_dup;
INSERT INTO orgs (slug, name) VALUES ('tx-4', 'Also kept');
COMMIT;
SELECT slug FROM orgs ORDER BY id;
COMMIT;
ROLLBACK;

-- WITH queries on UPDATE, DELETE and INSERT (plain SELECT / VALUES queries, recursive ones, and
-- together with data-modifying ones); an unreferenced WITH query is never run.
CREATE TABLE wq (id int PRIMARY KEY, v int);
INSERT INTO wq VALUES (1, 10), (2, 20), (3, 30);
WITH x AS (SELECT 2 AS id) UPDATE wq SET v = v + 1 FROM x WHERE wq.id = x.id RETURNING wq.*;
WITH x AS (SELECT 3 AS id) DELETE FROM wq USING x WHERE wq.id = x.id RETURNING wq.id;
WITH x AS (SELECT 1 AS id) DELETE FROM wq WHERE id IN (SELECT id FROM x);
WITH x AS (SELECT 5 AS id, 50 AS v) INSERT INTO wq SELECT * FROM x RETURNING *;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) UPDATE wq SET v = v * 2 WHERE id IN (SELECT n FROM r);
WITH d AS (DELETE FROM wq WHERE id = 5 RETURNING *) UPDATE wq SET v = (SELECT count(*) FROM d) WHERE id = 2 RETURNING *;
WITH x AS (SELECT 1/0 AS id) UPDATE wq SET v = 1 WHERE id = 1 RETURNING *;
WITH x AS (SELECT 1/0 AS id) UPDATE wq SET v = 1 WHERE id IN (SELECT id FROM x);
WITH x AS (SELECT 7 AS id) INSERT INTO wq VALUES ((SELECT id FROM x), 70) RETURNING *;
WITH x AS (SELECT 8 AS id), y AS (SELECT id + 1 AS id FROM x) INSERT INTO wq SELECT id, 0 FROM y RETURNING *;
WITH a AS (SELECT 1 AS id) INSERT INTO wq WITH b AS (SELECT id + 20 AS id FROM a) SELECT id, 1 FROM b RETURNING *;
WITH x AS (SELECT id FROM wq WHERE v > 25) DELETE FROM wq WHERE id IN (SELECT id FROM x) RETURNING id;
WITH x(q) AS (VALUES (2), (9)) UPDATE wq SET v = -1 FROM x WHERE wq.id = x.q RETURNING wq.id, x.q;
WITH totals AS (SELECT sum(v) AS s FROM wq), bumped AS (SELECT id FROM wq ORDER BY id LIMIT 1) UPDATE wq SET v = (SELECT s FROM totals) WHERE id IN (SELECT id FROM bumped) RETURNING *;
WITH x AS (SELECT 1 AS id) INSERT INTO wq DEFAULT VALUES;
WITH x AS (SELECT 99 AS nope) UPDATE wq SET v = nope;
SELECT * FROM wq ORDER BY id;

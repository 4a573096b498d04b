-- btree_gin: multi-column GIN indexes mixing a tenant key with array / jsonb columns.
CREATE TABLE documents (
  id int PRIMARY KEY,
  tenant_id int NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  title text NOT NULL,
  meta jsonb NOT NULL DEFAULT '{}',
  published date,
  price numeric,
  owner uuid,
  archived bool NOT NULL DEFAULT false
);
CREATE INDEX documents_tenant_tags ON documents USING gin (tenant_id, tags);
CREATE EXTENSION btree_gin;
SELECT extname, extversion FROM pg_extension WHERE extname = 'btree_gin';
SELECT name, default_version, installed_version, comment FROM pg_available_extensions WHERE name = 'btree_gin';
CREATE INDEX documents_tenant_tags ON documents USING gin (tenant_id, tags);
CREATE INDEX documents_tenant_meta ON documents USING gin (tenant_id, meta jsonb_path_ops);
CREATE INDEX documents_owner ON documents USING gin (owner);
CREATE INDEX documents_archived ON documents USING gin (archived);
CREATE INDEX documents_tenant_explicit ON documents USING gin (tenant_id int4_ops);
CREATE INDEX documents_lower_title ON documents USING gin (lower(title));
SELECT indexrelid::regclass AS index, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'documents'::regclass ORDER BY 1;
INSERT INTO documents VALUES
  (1, 1, '{news,tech}', 'Hello', '{"lang": "en"}', '2024-01-01', 9.5, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', false),
  (2, 1, '{tech}', 'World', '{"lang": "fr"}', '2024-02-01', 12, NULL, true),
  (3, 2, '{news}', 'Other tenant', '{"lang": "en"}', NULL, NULL, NULL, false);
SELECT id FROM documents WHERE tenant_id = 1 AND tags @> '{tech}' ORDER BY id;
SELECT id FROM documents WHERE tenant_id = 1 AND meta @> '{"lang": "en"}' ORDER BY id;
SELECT id FROM documents WHERE archived ORDER BY id;
SELECT id FROM documents WHERE tenant_id IN (1, 2) AND tenant_id < 2 ORDER BY id;
UPDATE documents SET tenant_id = 2 WHERE id = 2;
SELECT tenant_id, count(*) FROM documents GROUP BY 1 ORDER BY 1;
CREATE INDEX documents_bad ON documents USING gin (id text_ops);
CREATE INDEX documents_bad2 ON documents USING gin (price numeric_ops, published);
DROP EXTENSION btree_gin;
DROP INDEX documents_tenant_tags, documents_tenant_meta, documents_archived, documents_tenant_explicit, documents_lower_title, documents_bad2;
DROP EXTENSION btree_gin;
DROP INDEX documents_owner;
DROP EXTENSION btree_gin;
CREATE INDEX documents_tenant_tags ON documents USING gin (tenant_id, tags);

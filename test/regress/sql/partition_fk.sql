-- Foreign keys from and to partitioned tables.
CREATE TABLE tenants (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO tenants VALUES (1, 'acme'), (2, 'globex'), (3, 'initech');
CREATE TABLE docs (
  tenant_id int NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id int NOT NULL,
  title text,
  PRIMARY KEY (tenant_id, id)
) PARTITION BY LIST (tenant_id);
CREATE TABLE docs_1 PARTITION OF docs FOR VALUES IN (1);
CREATE TABLE docs_2 PARTITION OF docs FOR VALUES IN (2, 3);
INSERT INTO docs VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 1, 'c'), (3, 2, 'd');
INSERT INTO docs VALUES (4, 1, 'x');
CREATE TABLE docs_4 PARTITION OF docs FOR VALUES IN (4);
INSERT INTO docs VALUES (4, 1, 'x');
INSERT INTO docs_4 VALUES (4, 1, 'x');
DELETE FROM tenants WHERE id = 3;
SELECT tableoid::regclass, * FROM docs ORDER BY tenant_id, id;
-- references to a partitioned table
CREATE TABLE comments (id serial PRIMARY KEY, tenant_id int, doc_id int, body text,
  FOREIGN KEY (tenant_id, doc_id) REFERENCES docs (tenant_id, id));
INSERT INTO comments (tenant_id, doc_id, body) VALUES (1, 1, 'nice'), (2, 1, 'ok');
INSERT INTO comments (tenant_id, doc_id, body) VALUES (2, 9, 'missing');
DELETE FROM docs WHERE tenant_id = 2;
DELETE FROM docs_2 WHERE tenant_id = 2;
UPDATE docs SET id = 5 WHERE tenant_id = 1;
DELETE FROM comments WHERE tenant_id = 2;
DELETE FROM docs WHERE tenant_id = 2;
DELETE FROM tenants WHERE id = 1;
SELECT conname, conrelid::regclass, confrelid::regclass, contype FROM pg_constraint WHERE contype = 'f' AND conparentid = 0 ORDER BY conname;
-- ALTER TABLE ... ADD FOREIGN KEY on a partitioned table checks the partitions' rows
CREATE TABLE orders (id int, tenant_id int, total int) PARTITION BY RANGE (id);
CREATE TABLE orders_a PARTITION OF orders FOR VALUES FROM (0) TO (100);
INSERT INTO orders VALUES (1, 2, 10), (2, 7, 20);
ALTER TABLE orders ADD CONSTRAINT orders_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id);
DELETE FROM orders WHERE tenant_id = 7;
ALTER TABLE orders ADD CONSTRAINT orders_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id);
INSERT INTO orders VALUES (3, 8, 30);
CREATE TABLE orders_b (id int, tenant_id int, total int);
INSERT INTO orders_b VALUES (150, 9, 1);
ALTER TABLE orders ATTACH PARTITION orders_b FOR VALUES FROM (100) TO (200);
UPDATE orders_b SET tenant_id = 2;
ALTER TABLE orders ATTACH PARTITION orders_b FOR VALUES FROM (100) TO (200);
DELETE FROM tenants WHERE id = 2;
SELECT * FROM orders ORDER BY id;
ALTER TABLE orders DETACH PARTITION orders_b;
SELECT conname, conrelid::regclass, confrelid::regclass FROM pg_constraint WHERE conrelid = 'orders_b'::regclass AND contype = 'f';
INSERT INTO orders_b VALUES (160, 99, 1);

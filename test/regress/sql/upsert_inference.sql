-- INSERT ... ON CONFLICT arbiter inference: repeated elements, COLLATE / operator classes,
-- expressions, partial indexes and their predicates, ON CONSTRAINT, error order and texts.
CREATE TABLE upsert_fruit (key int4, fruit text, note text);
INSERT INTO upsert_fruit VALUES (1, 'Apple', 'a');
INSERT INTO upsert_fruit VALUES (1, 'Apple') ON CONFLICT (key ASC) DO NOTHING;
INSERT INTO upsert_fruit VALUES (1, 'Apple') ON CONFLICT (key NULLS FIRST) DO NOTHING;
CREATE UNIQUE INDEX upsert_op_key ON upsert_fruit (key, fruit text_pattern_ops);
CREATE UNIQUE INDEX upsert_coll_key ON upsert_fruit (key, fruit COLLATE "C");
CREATE UNIQUE INDEX upsert_both_key ON upsert_fruit (key, fruit COLLATE "C" text_pattern_ops);
CREATE UNIQUE INDEX upsert_expr_key ON upsert_fruit (key, lower(fruit) COLLATE "C" text_pattern_ops);
EXPLAIN (COSTS OFF) INSERT INTO upsert_fruit VALUES (0, 'Fig') ON CONFLICT (key) DO NOTHING;
EXPLAIN (COSTS OFF) INSERT INTO upsert_fruit VALUES (0, 'Fig') ON CONFLICT (key, fruit) DO NOTHING;
EXPLAIN (COSTS OFF) INSERT INTO upsert_fruit VALUES (0, 'Fig') ON CONFLICT (fruit, key, fruit, key) DO NOTHING;
EXPLAIN (COSTS OFF) INSERT INTO upsert_fruit VALUES (0, 'Fig') ON CONFLICT (lower(fruit), key, lower(fruit), key) DO NOTHING;
EXPLAIN (COSTS OFF) INSERT INTO upsert_fruit VALUES (0, 'Fig') ON CONFLICT (key, fruit text_pattern_ops) DO NOTHING;
EXPLAIN (COSTS OFF) INSERT INTO upsert_fruit VALUES (0, 'Fig') ON CONFLICT (key, fruit COLLATE "C") DO NOTHING;
EXPLAIN (COSTS OFF) INSERT INTO upsert_fruit VALUES (0, 'Fig') ON CONFLICT (fruit COLLATE "C" text_pattern_ops, key) DO NOTHING;
EXPLAIN (COSTS OFF) INSERT INTO upsert_fruit VALUES (0, 'Fig') ON CONFLICT (lower(fruit) COLLATE "C", key, key) DO NOTHING;
DROP INDEX upsert_op_key, upsert_coll_key, upsert_both_key, upsert_expr_key;

CREATE UNIQUE INDEX upsert_key ON upsert_fruit (key);
INSERT INTO upsert_fruit VALUES (2, 'Orange') ON CONFLICT (key, key, key) DO UPDATE SET fruit = excluded.fruit;
INSERT INTO upsert_fruit VALUES (1, 'Pear') ON CONFLICT (key) DO UPDATE SET fruit = excluded.fruit RETURNING excluded.fruit;
INSERT INTO upsert_fruit VALUES (1, 'Pear') ON CONFLICT (keyy) DO UPDATE SET fruit = excluded.fruit;
INSERT INTO upsert_fruit VALUES (1, 'Pear') ON CONFLICT (keyy) DO NOTHING;
INSERT INTO upsert_fruit VALUES (1, 'Pear') ON CONFLICT (key, fruit) DO UPDATE SET upsert_fruit.fruit = 'x';
INSERT INTO upsert_fruit VALUES (1, 'Pear') ON CONFLICT (key) DO UPDATE SET note = excluded.ctid::text;
INSERT INTO upsert_fruit VALUES (1, 'Pear') ON CONFLICT (key) DO UPDATE SET note = excluded.xmin::text;
INSERT INTO upsert_fruit AS f VALUES (1, 'Pear') ON CONFLICT (key) DO UPDATE SET note = f.note || '+' RETURNING *;
EXPLAIN (COSTS OFF) INSERT INTO upsert_fruit AS f VALUES (1, 'Pear') ON CONFLICT (key) DO UPDATE SET fruit = excluded.fruit WHERE f.fruit <> 'Lime';
EXPLAIN (COSTS OFF) INSERT INTO upsert_fruit VALUES (1, 'Pear') ON CONFLICT (key) DO UPDATE SET fruit = excluded.fruit WHERE excluded.fruit <> 'Lime' AND upsert_fruit.key > 0;
DROP INDEX upsert_key;

-- Partial unique indexes: the WHERE given must imply the index predicate.
CREATE UNIQUE INDEX upsert_berry ON upsert_fruit (key) WHERE fruit LIKE '%berry';
INSERT INTO upsert_fruit VALUES (23, 'Blackberry') ON CONFLICT (key) WHERE fruit LIKE '%berry' DO UPDATE SET fruit = excluded.fruit;
INSERT INTO upsert_fruit AS t VALUES (23, 'Blackberry') ON CONFLICT (key) WHERE fruit LIKE '%berry' AND t.fruit = 'x' DO NOTHING;
INSERT INTO upsert_fruit VALUES (23, 'Blackberry') ON CONFLICT (key) DO UPDATE SET fruit = excluded.fruit;
INSERT INTO upsert_fruit VALUES (23, 'Blackberry') ON CONFLICT (key) WHERE fruit LIKE '%berry' OR fruit = 'x' DO NOTHING;
DROP INDEX upsert_berry;

CREATE TABLE upsert_nums (a bigint, b bigint);
CREATE UNIQUE INDEX upsert_nums_a ON upsert_nums (coalesce(a, 0));
CREATE UNIQUE INDEX upsert_nums_b ON upsert_nums (b) WHERE coalesce(a, 1) > 0;
INSERT INTO upsert_nums VALUES (1, 2) ON CONFLICT (coalesce(a, 0)) DO NOTHING;
INSERT INTO upsert_nums VALUES (1, 2) ON CONFLICT (b) WHERE coalesce(a, 1) > 0 DO NOTHING;
INSERT INTO upsert_nums VALUES (1, 2) ON CONFLICT (b) WHERE coalesce(a, 1) > 1 DO NOTHING;
INSERT INTO upsert_nums VALUES (1, 2) ON CONFLICT (b) WHERE coalesce(a, 1) >= 1 DO NOTHING;
INSERT INTO upsert_nums VALUES (1, 2) ON CONFLICT (b) WHERE coalesce(a, 1) > -1 DO NOTHING;
SELECT * FROM upsert_nums;

-- ON CONSTRAINT, and an equivalent unique index arbitrating too.
CREATE TABLE upsert_con (id int CONSTRAINT upsert_con_id UNIQUE, v text);
CREATE UNIQUE INDEX upsert_con_id2 ON upsert_con (id);
EXPLAIN (COSTS OFF) INSERT INTO upsert_con VALUES (1, 'a') ON CONFLICT ON CONSTRAINT upsert_con_id DO NOTHING;
INSERT INTO upsert_con VALUES (1, 'a') ON CONFLICT ON CONSTRAINT upsert_con_id DO UPDATE SET v = excluded.v;
INSERT INTO upsert_con VALUES (1, 'b') ON CONFLICT ON CONSTRAINT upsert_con_id DO UPDATE SET v = excluded.v RETURNING *;
INSERT INTO upsert_con VALUES (1, 'c') ON CONFLICT ON CONSTRAINT upsert_nope DO NOTHING;

-- Through a view.
CREATE VIEW upsert_con_v AS SELECT * FROM upsert_con;
INSERT INTO upsert_con_v AS t VALUES (1, 'd') ON CONFLICT (id) WHERE t.v IS NOT NULL DO UPDATE SET v = excluded.v RETURNING *;

/**
 * `npm run example`: loads the shop schema into a fresh in-memory database, runs a few
 * statements an application would, and prints what Postgres would answer.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Database, PgError } from '../../src/index.js';

const schema = readFileSync(fileURLToPath(new URL('./schema.sql', import.meta.url)), 'utf8');
const t0 = performance.now();
const db = await Database.create();
await db.exec(schema);
console.log(`schema loaded in ${(performance.now() - t0).toFixed(1)} ms`);

const { rows: [alice] } = await db.query(
  `INSERT INTO customers (email, name) VALUES ($1, $2) RETURNING id, email`,
  ['alice@example.com', 'Alice'],
);
console.log('inserted customer', alice);

await db.query(`INSERT INTO products (sku, name, price, stock) VALUES ('MUG-1', 'Mug', 12.50, 10), ('TEE-1', 'T-shirt', 20, 5)`);
const { rows: [order] } = await db.query(`INSERT INTO orders (customer_id) VALUES ($1) RETURNING id, status`, [alice.id]);
await db.query(
  `INSERT INTO order_items (order_id, product_id, quantity, unit_price)
   SELECT $1, id, 3, price FROM products WHERE sku = 'MUG-1'`,
  [order.id],
);
const totals = await db.query(
  `SELECT o.id, o.status, sum(i.line_total) AS total, count(*) AS items
     FROM orders o JOIN order_items i ON i.order_id = o.id
    GROUP BY o.id, o.status ORDER BY o.id`,
);
console.log('order totals', totals.rows);

try {
  await db.query(`INSERT INTO customers (email, name) VALUES ($1, $2)`, ['alice@example.com', 'Alice again']);
} catch (e) {
  const err = e as PgError;
  console.log('duplicate email:', { code: err.code, message: err.message, detail: err.detail, constraint: err.constraint });
}
try {
  await db.query(`UPDATE products SET stock = -1 WHERE sku = 'TEE-1'`);
} catch (e) {
  const err = e as PgError;
  console.log('negative stock:', { code: err.code, message: err.message, constraint: err.constraint });
}
await db.query(`DELETE FROM customers WHERE id = $1`, [alice.id]);
const left = await db.query(`SELECT count(*) AS orders FROM orders`);
console.log('orders after deleting the customer (ON DELETE CASCADE):', left.rows[0]);
await db.close();

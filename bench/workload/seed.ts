/**
 * Deterministic seed data for the benchmark schema (schema.sql / schema-notrigger.sql).
 *
 * Postgres counterpart: none. Rows are inserted without ids, in order, so identity columns hand
 * out 1..n in every engine and foreign keys can name parents by position. Two scales: `fixture`
 * (a few hundred rows, what a test suite loads before each test; used by `ready`, `insert`,
 * `parse_heavy`, `reset`, `memory`) and `dataset` (10,000 order_items; `select_pk`, `join_agg`).
 * Known gaps: timestamps other than `orders.placed_at` come from column defaults (now()).
 */
import { createPrng } from './prng.js';

/** Row counts per table for one seed scale. */
export interface SeedScale {
  readonly organizations: number;
  readonly users: number;
  readonly categories: number;
  readonly products: number;
  readonly customers: number;
  readonly orders: number;
  readonly orderItems: number;
  readonly payments: number;
  readonly reviews: number;
  readonly auditLog: number;
}

/** The small per-test fixture (about 420 rows). */
export const FIXTURE_SCALE: SeedScale = {
  organizations: 3,
  users: 12,
  categories: 8,
  products: 40,
  customers: 30,
  orders: 60,
  orderItems: 150,
  payments: 40,
  reviews: 30,
  auditLog: 50,
};

/** The read-side dataset: 10,000 order_items joined by `join_agg`. */
export const DATASET_SCALE: SeedScale = {
  organizations: 10,
  users: 50,
  categories: 20,
  products: 500,
  customers: 1000,
  orders: 4000,
  orderItems: 10000,
  payments: 3000,
  reviews: 1000,
  auditLog: 500,
};

const BATCH = 500;
const STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'cancelled'] as const;
const PLANS = ['free', 'pro', 'enterprise'] as const;
const ROLES = ['owner', 'admin', 'member'] as const;
const METHODS = ['card', 'transfer', 'voucher'] as const;
const COUNTRIES = ['US', 'FR', 'DE', 'JP', 'BR', 'IN', 'GB', 'CA'] as const;
const WORDS = ['amber', 'basalt', 'cedar', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'iris', 'juniper'] as const;

type Literal = string | number | null;

function lit(v: Literal): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  return `'${v.replace(/'/g, "''")}'`;
}

function inserts(table: string, columns: readonly string[], rows: readonly Literal[][]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows
      .slice(i, i + BATCH)
      .map((r) => `(${r.map(lit).join(', ')})`)
      .join(',\n  ');
    out.push(`INSERT INTO ${table} (${columns.join(', ')}) VALUES\n  ${values};`);
  }
  return out;
}

function range<T>(n: number, f: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

/** Builds the seed as a list of multi-row INSERT statements (at most 500 rows each), parents first. */
export function seedStatements(scale: SeedScale, seed = 42): string[] {
  const r = createPrng(seed);
  const s = scale;
  const word = (): string => r.pick(WORDS);
  const ts = (minute: number): string => {
    const d = new Date(Date.UTC(2024, 0, 1) + minute * 60_000);
    return d.toISOString().replace('T', ' ').replace('.000Z', '+00');
  };
  return [
    ...inserts('organizations', ['name', 'plan'], range(s.organizations, (i) => [`org-${i + 1} ${word()}`, r.pick(PLANS)])),
    ...inserts(
      'users',
      ['org_id', 'email', 'display_name', 'role', 'active'],
      range(s.users, (i) => [
        1 + (i % s.organizations),
        `user${i + 1}@example.com`,
        `${word()} ${word()}`,
        i < s.organizations ? 'owner' : r.pick(ROLES),
        r.next() < 0.9 ? 'true' : 'false',
      ]),
    ),
    ...inserts(
      'categories',
      ['parent_id', 'name', 'slug'],
      range(s.categories, (i) => [i < 4 ? null : 1 + (i % 4), `${word()} ${i + 1}`, `cat-${i + 1}`]),
    ),
    ...inserts(
      'products',
      ['org_id', 'category_id', 'sku', 'name', 'price_cents', 'stock'],
      range(s.products, (i) => [
        1 + (i % s.organizations),
        r.next() < 0.95 ? r.int(1, s.categories) : null,
        `SKU-${String(i + 1).padStart(6, '0')}`,
        `${word()} ${word()} ${i + 1}`,
        r.int(99, 99_999),
        r.int(0, 500),
      ]),
    ),
    ...inserts(
      'customers',
      ['org_id', 'email', 'full_name', 'country'],
      range(s.customers, (i) => [1 + (i % s.organizations), `customer${i + 1}@example.org`, `${word()} ${word()}`, r.pick(COUNTRIES)]),
    ),
    ...inserts(
      'orders',
      ['customer_id', 'created_by', 'status', 'note', 'placed_at'],
      range(s.orders, (i) => [
        r.int(1, s.customers),
        r.next() < 0.8 ? r.int(1, s.users) : null,
        r.pick(STATUSES),
        r.next() < 0.3 ? `deliver to ${word()} gate` : null,
        ts(i * 7),
      ]),
    ),
    ...inserts(
      'order_items',
      ['order_id', 'product_id', 'quantity', 'unit_price_cents'],
      range(s.orderItems, (i) => [i < s.orders ? i + 1 : r.int(1, s.orders), r.int(1, s.products), r.int(1, 9), r.int(99, 99_999)]),
    ),
    ...inserts(
      'payments',
      ['order_id', 'amount_cents', 'method'],
      range(s.payments, () => [r.int(1, s.orders), r.int(100, 500_000), r.pick(METHODS)]),
    ),
    // (product_id, customer_id) pairs are unique by construction: product i, customer (i * 7) mod n.
    ...inserts(
      'reviews',
      ['product_id', 'customer_id', 'rating', 'body'],
      range(s.reviews, (i) => [
        1 + (i % s.products),
        1 + ((i * 7 + Math.floor(i / s.products)) % s.customers),
        r.int(1, 5),
        r.next() < 0.5 ? `${word()} ${word()} ${word()}` : null,
      ]),
    ),
    ...inserts(
      'audit_log',
      ['user_id', 'action', 'entity', 'entity_id', 'details'],
      range(s.auditLog, (i) => [
        r.next() < 0.9 ? r.int(1, s.users) : null,
        r.pick(['create', 'update', 'delete']),
        r.pick(['order', 'product', 'customer']),
        r.int(1, 10_000),
        `{"seq": ${i + 1}, "source": "${word()}"}`,
      ]),
    ),
  ];
}

/** The seed as one script (statements joined), for engines' multi-statement `exec`. */
export function seedScript(scale: SeedScale, seed = 42): string {
  return seedStatements(scale, seed).join('\n');
}

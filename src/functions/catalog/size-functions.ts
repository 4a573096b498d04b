/**
 * Object sizes: pg_relation_size, pg_table_size, pg_indexes_size, pg_total_relation_size,
 * pg_database_size, and pg_size_pretty. Sizes follow Postgres's page model for small relations
 * (8 kB pages; an empty heap has none, an index has a metapage, a sequence one page, a table
 * with a TOAST-able column also has its TOAST index).
 * Postgres counterpart: src/backend/utils/adt/dbsize.c.
 * Known gaps: heap sizes of tables larger than a page are estimates (tuple header + column data).
 */
import { fn } from '../registry.js';
import { OID } from '../../types/oids.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import type { ExecContext } from '../../executor/context.js';
import type { RelationDef } from '../../catalog/objects.js';
import { typeFacts } from '../../catalog/system/type-facts.js';
import { numericIO } from '../../types/numeric.js';
import { DEFAULT_IO_CONTEXT } from '../../types/type-io.js';
import type { Numeric } from '../../types/numeric.js';

const PAGE = 8192;
const S = { volatility: 'v' as const };

function liveRows(rt: ExprRuntime, rel: RelationDef): number {
  const txn = (rt as Partial<ExecContext>).txn;
  if (!txn) return 0;
  let n = 0;
  for (const t of txn.heap(rel).all()) if (txn.visible(t)) n++;
  return n;
}

function heapPages(rt: ExprRuntime, rel: RelationDef): number {
  const rows = liveRows(rt, rel);
  if (rows === 0) return 0;
  const cat = rt.session.catalog();
  let width = 0;
  for (const c of rel.columns) if (!c.dropped) width += Math.max(typeFacts(cat, c.type).len, 8);
  const tuple = 4 + 24 + Math.ceil(width / 8) * 8;
  return Math.ceil((rows * tuple) / (PAGE - 24));
}

function hasToast(rt: ExprRuntime, rel: RelationDef): boolean {
  const cat = rt.session.catalog();
  return rel.columns.some((c) => !c.dropped && typeFacts(cat, c.type).storage !== 'p');
}

function relationSize(rt: ExprRuntime, rel: RelationDef): number {
  switch (rel.kind) {
    case 'r':
    case 'm':
      return heapPages(rt, rel) * PAGE;
    case 'i': {
      const table = rt.session.catalog().relations.get(rel.index!.relation);
      return table && liveRows(rt, table) > 0 ? 2 * PAGE : PAGE;
    }
    case 'S':
      return PAGE;
    default:
      return 0;
  }
}

function tableSize(rt: ExprRuntime, rel: RelationDef): number {
  return relationSize(rt, rel) + ((rel.kind === 'r' || rel.kind === 'm') && hasToast(rt, rel) ? PAGE : 0);
}

function indexesSize(rt: ExprRuntime, rel: RelationDef): number {
  const cat = rt.session.catalog();
  let n = 0;
  for (const o of cat.indexesByRelation.get(rel.oid) ?? []) n += relationSize(rt, cat.relation(o));
  return n;
}

function sized(f: (rt: ExprRuntime, rel: RelationDef) => number) {
  return (a: unknown[], rt: ExprRuntime) => {
    const rel = rt.session.catalog().relations.get(a[0] as number);
    return rel ? BigInt(f(rt, rel)) : null;
  };
}

fn('pg_relation_size', [OID.regclass], OID.int8, sized(relationSize), S);
fn('pg_relation_size', [OID.regclass, OID.text], OID.int8, (a, rt) => (a[1] === 'main' ? sized(relationSize)(a, rt) : 0n), S);
fn('pg_table_size', [OID.regclass], OID.int8, sized(tableSize), S);
fn('pg_indexes_size', [OID.regclass], OID.int8, sized(indexesSize), S);
fn('pg_total_relation_size', [OID.regclass], OID.int8, sized((rt, rel) => tableSize(rt, rel) + indexesSize(rt, rel)), S);

const UNITS = ['kB', 'MB', 'GB', 'TB', 'PB'];
const abs = (x: bigint) => (x < 0n ? -x : x);

/** pg_size_pretty's text for an integral number of bytes. */
export function sizePretty(size: bigint): string {
  if (abs(size) < 10n * 1024n) return `${size} bytes`;
  // Work in half-units so the last step can round half away from zero.
  let half = size / 512n;
  for (let k = 0; ; k++) {
    if (k === UNITS.length - 1 || abs(half) < 20n * 1024n - 1n) {
      const rounded = half >= 0n ? (half + 1n) / 2n : (half - 1n) / 2n;
      return `${rounded} ${UNITS[k]}`;
    }
    half /= 1024n;
  }
}

fn('pg_size_pretty', [OID.int8], OID.text, (a) => sizePretty(a[0] as bigint));
fn('pg_size_pretty', [OID.numeric], OID.text, (a) => {
  const text = numericIO.output(a[0] as Numeric, DEFAULT_IO_CONTEXT);
  const whole = BigInt(text.replace(/\..*$/, '') || '0');
  return abs(whole) < 10n * 1024n ? `${text} bytes` : sizePretty(whole);
});

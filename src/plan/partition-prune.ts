/**
 * Plan-time partition pruning: the leaf partitions of a partitioned table that rows matching the
 * scan's quals can be in. Only `key op constant` quals on a single-column key level are used
 * (op one of = < <= > >=, constant of the key's type), and for hash keys `= constant` or
 * `IS NULL` on every key column; anything else keeps every partition, so
 * pruning never changes a result, it only skips scans. Default partitions are always kept.
 *
 * Postgres counterpart: src/backend/partitioning/partprune.c (its plan-time half; run-time
 * pruning with parameters is not done).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { partitionsOf, type PartitionBound, type RangeDatum } from '../catalog/partition.js';
import type { Expr } from '../nodes/primnodes.js';
import { boundAccepts, compareToRangeBound, keyComparators } from '../executor/partition-route.js';
import { hashFunctionFor } from '../executor/partition-hash.js';
import { baseTypeOf } from '../types/registry.js';
import type { Value } from '../types/values.js';

type Op = '=' | '<' | '<=' | '>' | '>=';
const FLIP: Record<Op, Op> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** The `column op constant` conditions on one attnum of range entry `rti`. */
function conditions(quals: readonly Expr[], rti: number, attnum: number, type: number): { op: Op; value: Value }[] {
  const out: { op: Op; value: Value }[] = [];
  for (const q of quals) {
    if (q.kind !== 'OpExpr' || q.args.length !== 2 || !(q.op in FLIP)) continue;
    const [a, b] = q.args;
    const isKey = (e: Expr) => e.kind === 'Var' && e.levelsUp === 0 && e.rti === rti && e.attno === attnum && e.type === type;
    if (isKey(a) && b.kind === 'Const' && b.type === type && b.value !== null) out.push({ op: q.op as Op, value: b.value });
    else if (isKey(b) && a.kind === 'Const' && a.type === type && a.value !== null) out.push({ op: FLIP[q.op as Op], value: a.value });
  }
  return out;
}

/** Whether a bound may hold a value satisfying every condition. */
function mayMatch(b: PartitionBound, conds: readonly { op: Op; value: Value }[], cmp: (a: Value, b: Value) => number, hashes: ((v: Value) => bigint)[] | undefined): boolean {
  if (b.kind === 'default') return true;
  const eq = conds.find((c) => c.op === '=');
  if (b.kind === 'hash') return !eq || boundAccepts([cmp], hashes, b, [eq.value]);
  const holds = (v: Value) => conds.every((c) => {
    const r = cmp(v, c.value);
    return c.op === '=' ? r === 0 : c.op === '<' ? r < 0 : c.op === '<=' ? r <= 0 : c.op === '>' ? r > 0 : r >= 0;
  });
  if (b.kind === 'list') return b.values.some((v) => v !== null && holds(v));
  // Range [lower, upper): empty intersection with the conditions' interval.
  const lower: RangeDatum = b.lower[0];
  const upper: RangeDatum = b.upper[0];
  for (const c of conds) {
    const v = [c.value];
    const belowUpper = compareToRangeBound([cmp], v, [upper]); // < 0: value below the upper bound
    const vsLower = compareToRangeBound([cmp], v, [lower]); // >= 0: value at or above the lower bound
    switch (c.op) {
      case '=':
        if (vsLower < 0 || belowUpper >= 0) return false;
        break;
      case '<':
        if (vsLower <= 0) return false;
        break;
      case '<=':
        if (vsLower < 0) return false;
        break;
      case '>':
      case '>=':
        if (belowUpper >= 0) return false;
        break;
    }
  }
  return true;
}

/**
 * A hash key's values when every key column has an `= constant` or `IS NULL` qual (Postgres
 * prunes hash partitions only then); undefined otherwise.
 */
function hashKeyValues(quals: readonly Expr[], rti: number, parts: readonly { attnum: number; type: number }[]): Value[] | undefined {
  const values: Value[] = [];
  for (const p of parts) {
    if (!p.attnum) return undefined;
    const eq = conditions(quals, rti, p.attnum, p.type).find((c) => c.op === '=');
    if (eq) {
      values.push(eq.value);
      continue;
    }
    const isNull = quals.some(
      (q) => q.kind === 'NullTest' && q.isNull && !q.rowArg && q.arg.kind === 'Var' && q.arg.levelsUp === 0 && q.arg.rti === rti && q.arg.attno === p.attnum,
    );
    if (!isNull) return undefined;
    values.push(null);
  }
  return values;
}

/** The leaves of `rel` whose rows may satisfy `quals` (all of them when nothing prunes). */
export function prunedLeaves(cat: Catalog, rel: RelationDef, quals: readonly Expr[], rti: number): RelationDef[] {
  const out: RelationDef[] = [];
  const walk = (r: RelationDef) => {
    const key = r.partitionKey!;
    let keep = (_b: PartitionBound) => true;
    // Hash keys prune on a full key of constants; multi-column range/list keys on nothing here.
    const hashValues = key.strategy === 'hash' ? hashKeyValues(quals, rti, key.parts) : undefined;
    if (hashValues) {
      const hashes = key.parts.map((p) => hashFunctionFor(cat, p.type));
      const cmps = keyComparators(cat, key);
      keep = (b) => b.kind === 'default' || boundAccepts(cmps, hashes, b, hashValues);
    } else if (key.parts.length === 1 && key.parts[0].attnum && key.strategy !== 'hash') {
      const part = key.parts[0];
      const conds = conditions(quals, rti, part.attnum, part.type);
      if (conds.length) {
        const cmp = keyComparators(cat, key)[0];
        keep = (b) => mayMatch(b, conds, cmp, undefined);
      }
    }
    for (const c of partitionsOf(cat, r)) {
      if (!keep(c.partitionOf!.bound)) continue;
      if (c.kind === 'p') walk(c);
      else out.push(c);
    }
  };
  walk(rel);
  return out;
}

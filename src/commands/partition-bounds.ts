/**
 * Partition bounds in DDL: FOR VALUES ... of CREATE TABLE ... PARTITION OF and ATTACH PARTITION
 * as values of the key's types, and their checks against the other partitions (overlaps, empty
 * ranges, hash moduli, the default partition's rows).
 * Postgres counterpart: parser/parse_utilcmd.c (transformPartitionBound), partitioning/partbounds.c
 * (check_new_partition_bound, check_default_partition_contents).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { partitionLeaves, partitionsOf, rangeDatumsText, type PartitionBound, type PartitionKey, type PartitionKeyPart, type PartitionStrategy, type RangeDatum } from '../catalog/partition.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { emptyQuery } from '../nodes/query.js';
import { ParseState, charOffset } from '../analyze/parse-state.js';
import { transformExpr } from '../analyze/expr.js';
import { coerceTo } from '../analyze/coerce.js';
import { compileExpr } from '../executor/expr/compile.js';
import { boundAccepts, keyComparators } from '../executor/partition-route.js';
import { hashFunctionFor } from '../executor/partition-hash.js';
import { baseTypeOf } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { Session } from '../session/session.js';
import { makeExecContext } from '../session/run-select.js';

type AnyNode = Record<string, any>;

export const STRATEGIES: Record<string, PartitionStrategy> = {
  PARTITION_STRATEGY_RANGE: 'range',
  PARTITION_STRATEGY_LIST: 'list',
  PARTITION_STRATEGY_HASH: 'hash',
  r: 'range',
  l: 'list',
  h: 'hash',
};

/** A parse location as an error position (1-based characters). */
export function position(sql: string, loc: number | undefined): string | undefined {
  return loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1);
}

/** A bound datum: a constant coerced to the key's type (column references are refused). */
function boundDatum(session: Session, cat: Catalog, raw: AnyNode, part: PartitionKeyPart, sql: string): Value {
  const stmt = { catalog: cat, session, sql, paramTypes: [] as number[], inferParams: false, volatileSeen: false, mutableSeen: false, noFold: true };
  const ps = new ParseState(stmt, emptyQuery('select'), undefined);
  ps.exprKind = 'default';
  let e;
  try {
    e = transformExpr(ps, raw);
  } catch (err) {
    if (err instanceof PgError && err.code === SQLSTATE.undefined_column) {
      throw new PgError(SQLSTATE.feature_not_supported, 'cannot use column reference in partition bound expression', { position: err.position });
    }
    throw err;
  }
  e = coerceTo(ps, cat, e, part.type, -1, 'assignment');
  return compileExpr(e, { depth: 0, offsets: [] })([], makeExecContext(session, []));
}

/** MINVALUE / MAXVALUE in a range bound (the grammar reads them as column references). */
function infinityKind(raw: AnyNode): 'minvalue' | 'maxvalue' | undefined {
  const f = raw.ColumnRef?.fields as AnyNode[] | undefined;
  if (f?.length !== 1 || !f[0].String) return undefined;
  const s = (f[0].String.sval as string).toLowerCase();
  return s === 'minvalue' || s === 'maxvalue' ? s : undefined;
}

function rawLocation(raw: AnyNode): number | undefined {
  const k = Object.keys(raw)[0];
  return raw[k]?.location;
}

/** transformPartitionBound: the parse tree's bound as values of the parent's key types. */
export function transformBound(session: Session, cat: Catalog, parent: RelationDef, spec: AnyNode, sql: string): PartitionBound {
  const key = parent.partitionKey!;
  const where = position(sql, spec.location);
  if (spec.is_default) {
    if (key.strategy === 'hash') throw new PgError(SQLSTATE.invalid_table_definition, 'a hash-partitioned table may not have a default partition');
    return { kind: 'default' };
  }
  const strategy = STRATEGIES[spec.strategy];
  if (strategy !== key.strategy) {
    throw new PgError(SQLSTATE.invalid_table_definition, `invalid bound specification for a ${key.strategy} partition`, { position: where });
  }
  if (strategy === 'hash') {
    const modulus = Number(spec.modulus ?? 0);
    const remainder = Number(spec.remainder ?? 0);
    if (modulus < 1) throw new PgError(SQLSTATE.invalid_table_definition, 'modulus for hash partition must be an integer value greater than zero');
    if (remainder < 0) throw new PgError(SQLSTATE.invalid_table_definition, 'remainder for hash partition must be an integer value greater than or equal to zero');
    if (remainder >= modulus) throw new PgError(SQLSTATE.invalid_table_definition, 'remainder for hash partition must be less than modulus');
    return { kind: 'hash', modulus, remainder };
  }
  if (strategy === 'list') {
    const values: Value[] = [];
    const cmp = keyComparators(cat, key)[0];
    for (const raw of (spec.listdatums ?? []) as AnyNode[]) {
      const v = boundDatum(session, cat, raw, key.parts[0], sql);
      if (!values.some((x) => (x === null ? v === null : v !== null && cmp(x, v) === 0))) values.push(v);
    }
    return { kind: 'list', values };
  }
  const datums = (list: AnyNode[] | undefined, which: 'FROM' | 'TO'): RangeDatum[] => {
    const raws = list ?? [];
    if (raws.length !== key.parts.length) throw new PgError(SQLSTATE.invalid_table_definition, `${which} must specify exactly one value per partitioning column`);
    const out: RangeDatum[] = raws.map((raw, i) => {
      const inf = infinityKind(raw);
      if (inf) return { kind: inf };
      const v = boundDatum(session, cat, raw, key.parts[i], sql);
      if (v === null) throw new PgError(SQLSTATE.invalid_table_definition, 'cannot specify NULL in range bound');
      return { kind: 'value', value: v };
    });
    // After MINVALUE / MAXVALUE only the same may follow (validateInfiniteBounds).
    let inf: 'minvalue' | 'maxvalue' | undefined;
    out.forEach((d, i) => {
      if (inf && d.kind !== inf) {
        throw new PgError(SQLSTATE.datatype_mismatch, inf === 'maxvalue' ? 'every bound following MAXVALUE must also be MAXVALUE' : 'every bound following MINVALUE must also be MINVALUE', {
          position: position(sql, rawLocation(raws[i])),
        });
      }
      if (d.kind !== 'value') inf = d.kind;
    });
    return out;
  };
  return { kind: 'range', lower: datums(spec.lowerdatums, 'FROM'), upper: datums(spec.upperdatums, 'TO') };
}

/** Compares two range bounds' datums (MINVALUE < any value < MAXVALUE); and the deciding column. */
function compareRangeBounds(cmps: ReturnType<typeof keyComparators>, a: readonly RangeDatum[], b: readonly RangeDatum[]): { cmp: number; col: number } {
  const rank = (d: RangeDatum) => (d.kind === 'minvalue' ? -1 : d.kind === 'maxvalue' ? 1 : 0);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const rx = rank(x);
    const ry = rank(y);
    if (rx !== ry) return { cmp: rx < ry ? -1 : 1, col: i };
    if (rx !== 0) return { cmp: 0, col: i };
    const c = cmps[i]((x as { value: Value }).value, (y as { value: Value }).value);
    if (c !== 0) return { cmp: c, col: i };
  }
  return { cmp: 0, col: 0 };
}

/** check_new_partition_bound: the bound against the parent's other partitions. */
export function checkNewBound(cat: Catalog, parent: RelationDef, name: string, bound: PartitionBound, spec: AnyNode, sql: string, ignore?: number): void {
  const key = parent.partitionKey!;
  const cmps = keyComparators(cat, key);
  const siblings = partitionsOf(cat, parent).filter((s) => s.oid !== ignore);
  const where = position(sql, spec.location);
  const overlap = (other: RelationDef, loc: number | undefined) =>
    new PgError(SQLSTATE.invalid_object_definition, `partition "${name}" would overlap partition "${other.name}"`, { position: position(sql, loc) ?? where });
  if (bound.kind === 'default') {
    const d = siblings.find((s) => s.partitionOf!.bound.kind === 'default');
    if (d) throw new PgError(SQLSTATE.invalid_object_definition, `partition "${name}" conflicts with existing default partition "${d.name}"`, { position: where });
    return;
  }
  if (bound.kind === 'list') {
    const raws = (spec.listdatums ?? []) as AnyNode[];
    for (const s of siblings) {
      const sb = s.partitionOf!.bound;
      if (sb.kind !== 'list') continue;
      for (let i = 0; i < bound.values.length; i++) {
        const v = bound.values[i];
        if (sb.values.some((x) => (x === null ? v === null : v !== null && cmps[0](x, v) === 0))) throw overlap(s, rawLocation(raws[i] ?? {}));
      }
    }
    return;
  }
  if (bound.kind === 'hash') {
    const hashes = siblings.filter((s) => s.partitionOf!.bound.kind === 'hash');
    for (const s of hashes) {
      const sb = s.partitionOf!.bound as { modulus: number; remainder: number };
      if (bound.modulus >= sb.modulus ? bound.modulus % sb.modulus !== 0 : sb.modulus % bound.modulus !== 0) {
        const bigger = hashes.map((h) => (h.partitionOf!.bound as { modulus: number }).modulus).filter((m) => m > bound.modulus);
        const next = bigger.length ? Math.min(...bigger) : undefined;
        const holder = (m: number) => hashes.find((h) => (h.partitionOf!.bound as { modulus: number }).modulus === m)!;
        if (next !== undefined && next % bound.modulus !== 0) {
          throw new PgError(SQLSTATE.invalid_object_definition, 'every hash partition modulus must be a factor of the next larger modulus', {
            detail: `The new modulus ${bound.modulus} is not a factor of ${next}, the modulus of existing partition "${holder(next).name}".`,
          });
        }
        const smaller = hashes.map((h) => (h.partitionOf!.bound as { modulus: number }).modulus).filter((m) => m <= bound.modulus);
        const prev = Math.max(...smaller);
        throw new PgError(SQLSTATE.invalid_object_definition, 'every hash partition modulus must be a factor of the next larger modulus', {
          detail: `The new modulus ${bound.modulus} is not divisible by ${prev}, the modulus of existing partition "${holder(prev).name}".`,
        });
      }
    }
    for (const s of hashes) {
      const sb = s.partitionOf!.bound as { modulus: number; remainder: number };
      const m = Math.min(sb.modulus, bound.modulus);
      if (sb.remainder % m === bound.remainder % m) throw overlap(s, undefined);
    }
    return;
  }
  const lowers = (spec.lowerdatums ?? []) as AnyNode[];
  const lu = compareRangeBounds(cmps, bound.lower, bound.upper);
  if (lu.cmp >= 0) {
    throw new PgError(SQLSTATE.invalid_object_definition, `empty range bound specified for partition "${name}"`, {
      detail: `Specified lower bound ${rangeDatumsText(cat, key, bound.lower)} is greater than or equal to upper bound ${rangeDatumsText(cat, key, bound.upper)}.`,
      position: position(sql, rawLocation(lowers[lu.col] ?? {})),
    });
  }
  let hit: { rel: RelationDef; lower: readonly RangeDatum[] } | undefined;
  for (const s of siblings) {
    const sb = s.partitionOf!.bound;
    if (sb.kind !== 'range') continue;
    if (compareRangeBounds(cmps, bound.lower, sb.upper).cmp < 0 && compareRangeBounds(cmps, sb.lower, bound.upper).cmp < 0) {
      if (!hit || compareRangeBounds(cmps, sb.lower, hit.lower).cmp < 0) hit = { rel: s, lower: sb.lower };
    }
  }
  if (hit) {
    const c = compareRangeBounds(cmps, bound.lower, hit.lower);
    throw overlap(hit.rel, rawLocation(lowers[c.cmp === 0 ? 0 : c.col] ?? {}));
  }
}

/** Rows of the default partition that the new partition's bound would take: Postgres refuses them. */
export function checkDefaultContents(session: Session, cat: Catalog, parent: RelationDef, bound: PartitionBound): void {
  if (bound.kind === 'default') return;
  const dflt = partitionsOf(cat, parent).find((s) => s.partitionOf!.bound.kind === 'default');
  if (!dflt) return;
  const key = parent.partitionKey!;
  const cmps = keyComparators(cat, key);
  const hashes = key.strategy === 'hash' ? key.parts.map((p) => hashFunctionFor(cat, p.type)) : undefined;
  const ctx = makeExecContext(session, []);
  const keyOf = keyValues(key);
  const txn = session.transaction();
  for (const leaf of dflt.kind === 'p' ? partitionLeaves(cat, dflt) : [dflt]) {
    for (const t of txn.heap(leaf).all()) {
      if (!txn.visible(t)) continue;
      if (boundAccepts(cmps, hashes, bound, keyOf(t.values, ctx))) {
        throw new PgError(SQLSTATE.check_violation, `updated partition constraint for default partition "${dflt.name}" would be violated by some row`, {
          schema: cat.namespaceName(leaf.namespace),
          table: leaf.name,
        });
      }
    }
  }
}

function keyValues(key: PartitionKey): (values: readonly Value[], ctx: ReturnType<typeof makeExecContext>) => Value[] {
  const fns = key.parts.map((p) => (p.expr ? compileExpr(p.expr.expr, { depth: 0, offsets: [0] }) : undefined));
  return (values, ctx) => key.parts.map((p, i) => (p.attnum ? (values[p.attnum - 1] ?? null) : fns[i]!(values as Value[], ctx)));
}


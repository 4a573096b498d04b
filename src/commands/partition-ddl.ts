/**
 * Declarative partitioning DDL: CREATE TABLE ... PARTITION BY (the partition key), CREATE TABLE
 * ... PARTITION OF (inherited columns, the bound and its checks against the siblings, inherited
 * CHECK constraints and indexes), indexes on a partitioned table cascading to its partitions,
 * ALTER TABLE ... ATTACH / DETACH PARTITION.
 *
 * Postgres counterpart: commands/tablecmds.c (DefineRelation, ComputePartitionAttrs,
 * ATExecAttachPartition, ATExecDetachPartition), parser/parse_utilcmd.c
 * (transformPartitionBound), partitioning/partbounds.c (check_new_partition_bound,
 * check_default_partition_contents).
 * Known gaps: operator classes and collations in the key, FOR VALUES expressions that are not
 * constants, DETACH ... CONCURRENTLY / FINALIZE.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef, ConstraintDef, IndexKey, RelationDef, TriggerDef } from '../catalog/objects.js';
import { ModifyState } from '../executor/modify-table.js';
import { runRiQueue } from '../executor/ri.js';
import {
  partitionDescendants,
  partitionLeaves,
  partitionsOf,
  rangeDatumsText,
  type PartitionBound,
  type PartitionKey,
  type PartitionKeyPart,
  type PartitionStrategy,
  type RangeDatum,
} from '../catalog/partition.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { emptyQuery } from '../nodes/query.js';
import { ParseState, charOffset } from '../analyze/parse-state.js';
import { transformExpr } from '../analyze/expr.js';
import { coerceTo } from '../analyze/coerce.js';
import { openRelation } from '../analyze/relation.js';
import { compileExpr } from '../executor/expr/compile.js';
import { boundAccepts, compareToRangeBound, fitsPartition, keyComparators } from '../executor/partition-route.js';
import { hashFunctionFor } from '../executor/partition-hash.js';
import { baseTypeOf, typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { Session } from '../session/session.js';
import { makeExecContext } from '../session/run-select.js';
import { analyzeTableExpr } from './column-expr.js';
import { defineIndex } from './create-index.js';
import { chooseName } from './naming.js';

type AnyNode = Record<string, any>;

const STRATEGIES: Record<string, PartitionStrategy> = {
  PARTITION_STRATEGY_RANGE: 'range',
  PARTITION_STRATEGY_LIST: 'list',
  PARTITION_STRATEGY_HASH: 'hash',
  r: 'range',
  l: 'list',
  h: 'hash',
};

function position(sql: string, loc: number | undefined): string | undefined {
  return loc === undefined || loc < 0 ? undefined : String(charOffset(sql, loc) + 1);
}

// ---- CREATE TABLE ... PARTITION BY ----------------------------------------------------------

/** ComputePartitionAttrs: the key of a new partitioned table (its columns already exist). */
export function definePartitionKey(session: Session, cat: Catalog, rel: RelationDef, spec: AnyNode, sql: string): PartitionKey {
  const strategy = STRATEGIES[spec.strategy];
  if (!strategy) throw featureNotSupported(`partition strategy ${spec.strategy}`);
  const params = (spec.partParams ?? []) as AnyNode[];
  if (strategy === 'list' && params.length > 1) {
    throw new PgError(SQLSTATE.invalid_object_definition, 'cannot use "list" partition strategy with more than one column');
  }
  const parts: PartitionKeyPart[] = params.map((p) => {
    const e = p.PartitionElem;
    if (e.opclass?.length) throw featureNotSupported('operator classes in a partition key', e.location);
    if (e.collation?.length) throw featureNotSupported('COLLATE in a partition key', e.location);
    if (e.name) {
      const col = rel.columns.find((c) => c.name === e.name && !c.dropped);
      if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${e.name}" named in partition key does not exist`, { position: position(sql, e.location) });
      if (col.generated) throw featureNotSupported('generated columns in a partition key', e.location);
      return { attnum: col.attnum, type: col.type, collation: col.collation };
    }
    const ex = analyzeTableExpr(session, cat, rel, e.expr, 'index', sql);
    if (ex.mutable) throw new PgError(SQLSTATE.invalid_object_definition, 'functions in partition key expression must be marked IMMUTABLE');
    const info = typeInfo(cat, ex.expr.type);
    return { attnum: 0, expr: ex, type: ex.expr.type, collation: info.category === 'S' ? 'default' : undefined };
  });
  for (const p of parts) {
    if (strategy === 'hash') hashFunctionFor(baseTypeOf(cat, p.type));
  }
  return { strategy, parts };
}

/**
 * A unique index or constraint on a partitioned table must contain every key column (each
 * partition's own index enforces it then): Postgres's check in DefineIndex.
 */
export function checkUniqueCoversKey(cat: Catalog, rel: RelationDef, keys: readonly IndexKey[], what: string): void {
  for (let cur: RelationDef | undefined = rel; cur?.partitionKey; cur = undefined) {
    for (const p of cur.partitionKey.parts) {
      if (!p.attnum) throw featureNotSupported('unsupported UNIQUE constraint with partition key definition');
      if (!keys.some((k) => k.attnum === p.attnum)) {
        const col = rel.columns[p.attnum - 1].name;
        throw new PgError(SQLSTATE.feature_not_supported, 'unique constraint on partitioned table must include all partitioning columns', {
          detail: `${what} constraint on table "${rel.name}" lacks column "${col}" which is part of the partition key.`,
        });
      }
    }
  }
  void cat;
}

// ---- CREATE TABLE ... PARTITION OF ----------------------------------------------------------

/** The parent named in PARTITION OF (it must be a partitioned table). */
export function partitionParent(session: Session, n: AnyNode, sql: string): RelationDef {
  const pr = (n.inhRelations as AnyNode[])[0].RangeVar;
  const parent = openRelation(session.transaction().catalog, session.searchPath(), { schema: pr.schemaname, name: pr.relname });
  if (parent.kind !== 'p') {
    if (parent.kind === 'r') throw new PgError(SQLSTATE.invalid_object_definition, `"${parent.name}" is not partitioned`);
    throw new PgError(SQLSTATE.wrong_object_type, `"${parent.name}" is not a table`);
  }
  if (parent.persistence === 't' && n.relation.relpersistence !== 't') {
    throw new PgError(SQLSTATE.wrong_object_type, `cannot create a permanent relation as partition of temporary relation "${parent.name}"`);
  }
  if (parent.persistence !== 't' && n.relation.relpersistence === 't') {
    throw new PgError(SQLSTATE.wrong_object_type, `cannot create a temporary relation as partition of permanent relation "${parent.name}"`);
  }
  return parent;
}

/**
 * The column nodes of a partition: the parent's columns (as LIKE entries), with the options a
 * PARTITION OF column list gives them (`col WITH OPTIONS DEFAULT ..., NOT NULL, CHECK`).
 */
export function partitionColumnNodes(parent: RelationDef, elts: readonly AnyNode[], location: number): { cols: AnyNode[]; rest: AnyNode[] } {
  const cols: AnyNode[] = parent.columns.map((c) => ({ __like: c.dropped ? { ...c, notNull: false } : c, __partition: true, colname: c.name, location, constraints: [] as AnyNode[] }));
  const rest: AnyNode[] = [];
  for (const el of elts) {
    if (!el.ColumnDef) {
      rest.push(el);
      continue;
    }
    const cd = el.ColumnDef;
    const target = cols.find((x) => !x.__like.dropped && x.colname === cd.colname);
    if (!target) throw new PgError(SQLSTATE.undefined_column, `column "${cd.colname}" does not exist`);
    if (target.__override) throw new PgError(SQLSTATE.duplicate_column, `column "${cd.colname}" specified more than once`);
    target.__override = true;
    target.constraints = cd.constraints ?? [];
  }
  return { cols, rest };
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
function checkDefaultContents(session: Session, cat: Catalog, parent: RelationDef, bound: PartitionBound): void {
  if (bound.kind === 'default') return;
  const dflt = partitionsOf(cat, parent).find((s) => s.partitionOf!.bound.kind === 'default');
  if (!dflt) return;
  const key = parent.partitionKey!;
  const cmps = keyComparators(cat, key);
  const hashes = key.strategy === 'hash' ? key.parts.map((p) => hashFunctionFor(baseTypeOf(cat, p.type))) : undefined;
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

/**
 * Makes `rel` a partition of `parent` with `bound`: records it on both, and gives the partition
 * the parent's CHECK constraints and indexes it lacks.
 */
function linkPartition(session: Session, cat: Catalog, parent: RelationDef, rel: RelationDef, bound: PartitionBound, inherit: boolean): void {
  cat.putRelation({ ...rel, partitionOf: { parent: parent.oid, bound } });
  cat.putRelation({ ...cat.relation(parent.oid), partitions: [...(cat.relation(parent.oid).partitions ?? []), rel.oid] });
  if (!inherit) return;
  const own = cat.relationConstraints(rel.oid);
  for (const k of cat.relationConstraints(parent.oid)) {
    if (k.kind !== 'c' || k.noInherit || own.some((o) => o.kind === 'c' && o.name === k.name)) continue;
    cat.putConstraint({ ...k, oid: session.db.newOid(), relation: rel.oid, namespace: rel.namespace });
  }
  for (const idx of cat.relationIndexes(parent.oid)) cloneIndex(session, cat, idx, cat.relation(rel.oid));
  cloneRowTriggers(session, cat, cat.relation(parent.oid), cat.relationTriggers(parent.oid).filter((t) => t.level === 'row'), [cat.relation(rel.oid)]);
}

/** CloneRowTriggersToPartition: the partitions' copies of a partitioned table's row triggers (recursively). */
export function cloneRowTriggers(session: Session, cat: Catalog, parent: RelationDef, triggers: readonly TriggerDef[], only?: readonly RelationDef[]): void {
  for (const part of only ?? partitionsOf(cat, parent)) {
    const mine = cat.relationTriggers(part.oid);
    const clones: TriggerDef[] = [];
    for (const t of triggers) {
      if (mine.some((m) => m.name === t.name)) {
        throw new PgError(SQLSTATE.duplicate_object, `trigger "${t.name}" for relation "${part.name}" already exists`);
      }
      const c: TriggerDef = { ...t, oid: session.db.newOid(), relation: part.oid, parentTrigger: t.oid };
      cat.putTrigger(c);
      clones.push(c);
    }
    if (part.kind === 'p' && clones.length) cloneRowTriggers(session, cat, part, clones);
  }
}

/** Removes the partitions' clones of a trigger (DROP TRIGGER on the partitioned table). */
export function dropTriggerClones(cat: Catalog, trigger: number): void {
  for (const t of [...cat.triggers.values()]) {
    if (t.parentTrigger !== trigger) continue;
    dropTriggerClones(cat, t.oid);
    cat.removeTrigger(t.oid);
  }
}

/** DefineIndex's recursion: the partition's copy of a partitioned table's index. */
export function cloneIndex(session: Session, cat: Catalog, parentIdx: RelationDef, rel: RelationDef): void {
  const info = parentIdx.index!;
  // An equivalent index the partition already has is attached instead of duplicated.
  const same = cat.relationIndexes(rel.oid).find((i) => {
    const x = i.index!;
    return !x.parentIndex && x.unique === info.unique && x.method === info.method && x.keys.length === info.keys.length && x.keys.every((k, j) => k.attnum === info.keys[j].attnum && !k.expr && !info.keys[j].expr && k.descending === info.keys[j].descending) && !x.predicate && !info.predicate;
  });
  if (same) {
    cat.putRelation({ ...same, index: { ...same.index!, parentIndex: parentIdx.oid } });
    return;
  }
  const con = info.constraint !== undefined ? cat.constraints.get(info.constraint) : undefined;
  const colNames = info.keys.map((k) => (k.attnum ? rel.columns[k.attnum - 1].name : k.expr?.expr.kind === 'FuncExpr' ? (k.expr.expr as { name: string }).name : 'expr'));
  for (const a of info.include) colNames.push(rel.columns[a - 1].name);
  const label = info.primary ? 'pkey' : con?.kind === 'u' ? 'key' : info.exclusion ? 'excl' : 'idx';
  const name = chooseName(cat, rel.namespace, rel.name, info.primary ? undefined : colNames.join('_'), label, new Set(), true);
  const oid = defineIndex(session, cat, rel, {
    name, keys: [...info.keys], unique: info.unique, primary: info.primary, nullsNotDistinct: info.nullsNotDistinct, include: [...info.include],
    predicate: info.predicate, method: info.method, exclusion: info.exclusion,
  });
  const idx = cat.relation(oid);
  let constraint: number | undefined;
  if (con) {
    constraint = session.db.newOid();
    cat.putConstraint({ ...con, oid: constraint, name, relation: rel.oid, namespace: rel.namespace, index: oid });
    if (info.primary) {
      const r = cat.relation(rel.oid);
      cat.putRelation({ ...r, columns: r.columns.map((c) => (info.keys.some((k) => k.attnum === c.attnum) ? { ...c, notNull: true } : c)) });
    }
  }
  cat.putRelation({ ...idx, index: { ...idx.index!, parentIndex: parentIdx.oid, ...(constraint !== undefined ? { constraint } : {}) } });
  if (rel.kind === 'p') for (const c of partitionsOf(cat, cat.relation(rel.oid))) cloneIndex(session, cat, cat.relation(oid), c);
}

/** After CREATE TABLE ... PARTITION OF built the table: the bound, inherited defaults and objects. */
export function finishPartitionOf(session: Session, cat: Catalog, relOid: number, parent: RelationDef, spec: AnyNode, sql: string): void {
  const rel = cat.relation(relOid);
  const bound = transformBound(session, cat, parent, spec, sql);
  checkNewBound(cat, parent, rel.name, bound, spec, sql);
  checkDefaultContents(session, cat, parent, bound);
  // Inherited defaults, identity and generation expressions (a column option overrides the default).
  const columns: ColumnDef[] = rel.columns.map((c) => {
    const p = parent.columns[c.attnum - 1];
    return { ...c, default: c.default ?? p.default, generated: p.generated, identity: p.identity, ...(p.dropped ? { dropped: true } : {}) };
  });
  cat.putRelation({ ...rel, columns });
  // Inherited NOT NULL constraints keep the parent's names.
  for (const k of cat.relationConstraints(parent.oid)) {
    if (k.kind !== 'n') continue;
    const mine = cat.relationConstraints(relOid).find((o) => o.kind === 'n' && o.columns[0] === k.columns[0]);
    if (mine && mine.name !== k.name && !cat.relationConstraints(relOid).some((o) => o.name === k.name)) cat.putConstraint({ ...mine, name: k.name });
  }
  linkPartition(session, cat, parent, cat.relation(relOid), bound, true);
}

// ---- ALTER TABLE ... ATTACH / DETACH PARTITION -------------------------------------------------

/** Whether a table has the parent's column layout (names, types, attnums) so rows need no mapping. */
function sameLayout(parent: RelationDef, rel: RelationDef): string | undefined {
  for (const c of rel.columns) {
    if (c.dropped) continue;
    const p = parent.columns.find((x) => x.name === c.name && !x.dropped);
    if (!p) return `table "${rel.name}" contains column "${c.name}" not found in parent "${parent.name}"`;
  }
  for (const p of parent.columns) {
    if (p.dropped) continue;
    const c = rel.columns.find((x) => x.name === p.name && !x.dropped);
    if (!c) return `child table is missing column "${p.name}"`;
    if (c.type !== p.type || c.typmod !== p.typmod) return `child table "${rel.name}" has different type for column "${p.name}"`;
  }
  return undefined;
}

export function attachPartition(session: Session, parent: RelationDef, cmd: AnyNode, sql: string): void {
  const txn = session.transaction();
  const pc = cmd.def.PartitionCmd;
  const rv = pc.name;
  const cat = txn.catalogForWrite();
  parent = cat.relation(parent.oid);
  if (parent.kind !== 'p') {
    throw new PgError(SQLSTATE.wrong_object_type, `table "${parent.name}" is not partitioned`);
  }
  const rel = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname }, position(sql, rv.location));
  if (rel.kind !== 'r' && rel.kind !== 'p') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not a table`);
  if (rel.partitionOf) {
    throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is already a partition`);
  }
  if (rel.oid === parent.oid) throw new PgError(SQLSTATE.duplicate_table, `relation "${rel.name}" is already a partition of "${parent.name}"`);
  const mismatch = sameLayout(parent, rel);
  if (mismatch) throw new PgError(SQLSTATE.datatype_mismatch, mismatch);
  if (rel.columns.length !== parent.columns.length || rel.columns.some((c, i) => c.name !== parent.columns[i].name || !!c.dropped !== !!parent.columns[i].dropped)) {
    throw featureNotSupported('ATTACH PARTITION of a table whose columns are in another order than its parent\'s');
  }
  for (const p of parent.columns) {
    if (p.notNull && !p.dropped && !rel.columns[p.attnum - 1].notNull) {
      throw new PgError(SQLSTATE.datatype_mismatch, `column "${p.name}" in child table "${rel.name}" must be marked NOT NULL`);
    }
  }
  for (const k of cat.relationConstraints(parent.oid)) {
    if (k.kind !== 'c' || k.noInherit) continue;
    const mine = cat.relationConstraints(rel.oid).find((o) => o.kind === 'c' && o.name === k.name);
    if (!mine) throw new PgError(SQLSTATE.datatype_mismatch, `child table is missing constraint "${k.name}"`);
  }
  const bound = transformBound(session, cat, parent, pc.bound, sql);
  checkNewBound(cat, parent, rel.name, bound, pc.bound, sql);
  checkDefaultContents(session, cat, parent, bound);
  linkPartition(session, cat, parent, rel, bound, true);
  // Foreign keys of the partitioned table now apply to the attached rows.
  for (let a: RelationDef | undefined = cat.relation(parent.oid); a; a = a.partitionOf ? cat.relation(a.partitionOf.parent) : undefined) {
    for (const fk of cat.relationConstraints(a.oid)) if (fk.kind === 'f') validateForeignKeyRows(session, cat, cat.relation(rel.oid), fk);
  }
  // The existing rows must satisfy the partition constraint.
  const attached = cat.relation(rel.oid);
  const ctx = makeExecContext(session, []);
  for (const leaf of attached.kind === 'p' ? partitionLeaves(cat, attached) : [attached]) {
    for (const t of txn.heap(leaf).all()) {
      if (!txn.visible(t)) continue;
      if (!fitsPartition(ctx, cat, attached, leaf.columns.map((c, i) => (t.values[i] === undefined ? (c.missing ?? null) : t.values[i])))) {
        throw new PgError(SQLSTATE.check_violation, `partition constraint of relation "${leaf.name}" is violated by some row`, {
          schema: cat.namespaceName(leaf.namespace),
          table: leaf.name,
        });
      }
    }
  }
  cat.bump();
}

export function detachPartition(session: Session, parent: RelationDef, cmd: AnyNode, sql: string): void {
  const pc = cmd.def.PartitionCmd;
  if (pc.concurrent) throw featureNotSupported('DETACH PARTITION ... CONCURRENTLY');
  const txn = session.transaction();
  const cat = txn.catalogForWrite();
  const rv = pc.name;
  const rel = openRelation(cat, session.searchPath(), { schema: rv.schemaname, name: rv.relname }, position(sql, rv.location));
  if (rel.partitionOf?.parent !== parent.oid) {
    throw new PgError(SQLSTATE.undefined_table, `relation "${rel.name}" is not a partition of relation "${parent.name}"`);
  }
  // The foreign keys it inherited become its own (as Postgres turns their clones into local constraints).
  const inherited: ConstraintDef[] = [];
  for (let a: RelationDef | undefined = parent; a; a = a.partitionOf ? cat.relations.get(a.partitionOf.parent) : undefined) {
    for (const k of cat.relationConstraints(a.oid)) if (k.kind === 'f') inherited.push(k);
  }
  unlinkPartition(cat, rel);
  const mine = cat.relationConstraints(rel.oid);
  for (const k of inherited) {
    if (!mine.some((m) => m.name === k.name)) cat.putConstraint({ ...k, oid: session.db.newOid(), relation: rel.oid, namespace: rel.namespace });
  }
  cat.bump();
}

/** Removes a partition from its parent's list (DETACH, DROP of the partition). */
export function unlinkPartition(cat: Catalog, rel: RelationDef): void {
  const po = rel.partitionOf;
  if (!po) return;
  const parent = cat.relations.get(po.parent);
  if (parent) cat.putRelation({ ...parent, partitions: (parent.partitions ?? []).filter((o) => o !== rel.oid) });
  if (cat.relations.has(rel.oid)) {
    const { partitionOf: _drop, ...rest } = cat.relation(rel.oid);
    void _drop;
    cat.putRelation(rest);
    for (const t of cat.relationTriggers(rel.oid)) {
      if (t.parentTrigger === undefined) continue;
      dropTriggerClones(cat, t.oid);
      cat.removeTrigger(t.oid);
    }
    for (const idx of cat.relationIndexes(rel.oid)) {
      if (idx.index?.parentIndex !== undefined) {
        const { parentIndex: _p, ...info } = idx.index;
        void _p;
        cat.putRelation({ ...idx, index: info });
      }
    }
  }
}

/**
 * DROP of a partitioned table drops its partitions (no NOTICE: they are part of it); DROP of a
 * partition removes it from its parent; DROP of a partitioned index drops its partitions' copies.
 */
export function dropPartitionLinks(
  session: Session,
  cat: Catalog,
  rel: RelationDef,
  dropping: Set<number>,
  drop: (session: Session, cat: Catalog, rel: RelationDef, dropping: Set<number>) => void,
): void {
  if (rel.kind === 'p') {
    for (const c of partitionsOf(cat, rel)) if (cat.relations.has(c.oid)) drop(session, cat, c, dropping);
  }
  if (rel.partitionOf && !dropping.has(rel.partitionOf.parent)) unlinkPartition(cat, rel);
  if (rel.kind === 'i') dropChildIndexes(session, cat, rel, dropping, drop);
}

function dropChildIndexes(session: Session, cat: Catalog, idx: RelationDef, dropping: Set<number>, drop: (session: Session, cat: Catalog, rel: RelationDef, dropping: Set<number>) => void): void {
  for (const r of [...cat.relations.values()]) {
    if (r.kind === 'i' && r.index?.parentIndex === idx.oid && !dropping.has(r.oid)) drop(session, cat, r, dropping);
  }
}

/** Subcommands that keep a partition tree's column layout and need nothing more here. */
const LAYOUT_SAFE = new Set(['AT_SetStatistics', 'AT_SetStorage', 'AT_ChangeOwner']);

/**
 * ALTER TABLE on a partitioned table or a partition: ATTACH / DETACH PARTITION run here (true:
 * handled); column changes that would break the shared layout raise Postgres's errors or 0A000;
 * anything else goes on through ALTER TABLE (false).
 */
export function alterPartitioned(session: Session, rel: RelationDef, cmds: readonly AnyNode[], sql: string): boolean {
  for (const cmd of cmds) {
    const sub = cmd.subtype as string;
    if (sub === 'AT_AttachPartition' || sub === 'AT_DetachPartition' || sub === 'AT_DetachPartitionFinalize') {
      if (cmds.length > 1) throw featureNotSupported('ATTACH / DETACH PARTITION with other ALTER TABLE actions');
      if (rel.kind !== 'p') {
        const action = sub === 'AT_AttachPartition' ? 'ATTACH PARTITION' : 'DETACH PARTITION';
        throw new PgError(SQLSTATE.wrong_object_type, `ALTER action ${action} cannot be performed on relation "${rel.name}"`, { detail: 'This operation is not supported for tables.' });
      }
      if (sub === 'AT_DetachPartitionFinalize') throw featureNotSupported('DETACH PARTITION ... FINALIZE');
      if (sub === 'AT_AttachPartition') attachPartition(session, rel, cmd, sql);
      else detachPartition(session, rel, cmd, sql);
      return true;
    }
    if (rel.partitionOf) {
      const col = cmd.name as string | undefined;
      if (sub === 'AT_AddColumn') throw new PgError(SQLSTATE.wrong_object_type, 'cannot add column to a partition');
      if (sub === 'AT_DropColumn' && rel.columns.some((c) => c.name === col && !c.dropped)) throw new PgError(SQLSTATE.invalid_table_definition, `cannot drop inherited column "${col}"`);
      if (sub === 'AT_AlterColumnType' && rel.columns.some((c) => c.name === col && !c.dropped)) throw new PgError(SQLSTATE.invalid_table_definition, `cannot alter inherited column "${col}"`, { position: position(sql, cmd.def?.ColumnDef?.location) });
    }
    if (rel.kind === 'p' && !LAYOUT_SAFE.has(sub) && !cascadesToPartitions(cmd)) {
      // Postgres recurses these to the partitions; fauxgres does not yet.
      throw featureNotSupported(`ALTER TABLE ${sub.replace('AT_', '')} on a partitioned table`);
    }
  }
  return false;
}

/** Subcommands that ALTER TABLE on a partitioned table applies to its partitions too. */
const CASCADING = new Set(['AT_AddColumn', 'AT_DropColumn', 'AT_ColumnDefault', 'AT_SetNotNull', 'AT_DropNotNull', 'AT_AddConstraint', 'AT_DropConstraint', 'AT_AlterColumnType', 'AT_EnableTrig', 'AT_DisableTrig', 'AT_EnableAlwaysTrig', 'AT_EnableReplicaTrig']);

/** Whether `alterPartitionedCmd` handles this subcommand on a partitioned table. */
export function cascadesToPartitions(cmd: AnyNode): boolean {
  return CASCADING.has(cmd.subtype);
}

/** The attnums the partition key of `rel` (and of its ancestors) uses. */
function keyAttnums(cat: Catalog, rel: RelationDef): Map<number, RelationDef> {
  const out = new Map<number, RelationDef>();
  for (let r: RelationDef | undefined = rel; r; r = r.partitionOf ? cat.relations.get(r.partitionOf.parent) : undefined) {
    for (const p of r.partitionKey?.parts ?? []) {
      if (p.attnum) out.set(p.attnum, r);
      else for (const a of referencedAttnums(p.expr!.expr)) out.set(a, r);
    }
  }
  return out;
}

function referencedAttnums(e: unknown, out = new Set<number>()): Set<number> {
  if (!e || typeof e !== 'object') return out;
  const o = e as Record<string, unknown>;
  if (o.kind === 'Var' && typeof o.attno === 'number' && o.attno > 0) out.add(o.attno);
  for (const [k, v] of Object.entries(o)) if (k !== 'fn') referencedAttnums(v, out);
  return out;
}

/**
 * ALTER TABLE on a partitioned table, recursing as Postgres does: the command runs on the table,
 * then on each partition (constraints the partitions inherit keep the parent's names; a new key
 * gives each partition its own index, named after the partition).
 */
export function alterPartitionedCmd(session: Session, cat: Catalog, rel: RelationDef, cmd: AnyNode, sql: string, run: (r: RelationDef, c: AnyNode) => void, inherited?: readonly { kind: string; columns: readonly number[]; name: string }[]): void {
  const sub = cmd.subtype as string;
  const keyCols = keyAttnums(cat, rel);
  const col = cmd.name ? rel.columns.find((c) => c.name === cmd.name && !c.dropped) : undefined;
  if (col && keyCols.has(col.attnum) && (sub === 'AT_DropColumn' || sub === 'AT_AlterColumnType')) {
    const verb = sub === 'AT_DropColumn' ? 'drop' : 'alter';
    throw new PgError(SQLSTATE.invalid_table_definition, `cannot ${verb} column "${col.name}" because it is part of the partition key of relation "${keyCols.get(col.attnum)!.name}"`, {
      position: sub === 'AT_AlterColumnType' ? position(sql, cmd.def?.ColumnDef?.location) : undefined,
    });
  }
  const con = cmd.def?.Constraint;
  if (sub === 'AT_AddConstraint' && (con?.contype === 'CONSTR_PRIMARY' || con?.contype === 'CONSTR_UNIQUE') && rel.kind === 'p') {
    const keys = ((con.keys ?? []) as AnyNode[]).map((k) => ({ attnum: rel.columns.find((c) => c.name === k.String.sval && !c.dropped)?.attnum ?? -1, descending: false, nullsFirst: false }));
    if (keys.every((k) => k.attnum > 0)) checkUniqueCoversKey(cat, rel, keys, con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE');
    const before = new Set(cat.indexesByRelation.get(rel.oid) ?? []);
    run(rel, cmd);
    const idx = cat.relationIndexes(rel.oid).find((i) => !before.has(i.oid));
    if (idx) for (const c of partitionsOf(cat, cat.relation(rel.oid))) cloneIndex(session, cat, idx, c);
    return;
  }
  const beforeCons = new Set(cat.constraintsByRelation.get(rel.oid) ?? []);
  if (sub === 'AT_AddConstraint' && con?.contype === 'CONSTR_FOREIGN' && rel.kind === 'p') {
    // A foreign key stays on the partitioned table (its partitions' rows inherit it): check their rows.
    run(rel, cmd);
    const fk = cat.relationConstraints(rel.oid).find((k) => !beforeCons.has(k.oid) && k.kind === 'f');
    if (fk && !con.skip_validation) validateForeignKeyRows(session, cat, cat.relation(rel.oid), fk);
    return;
  }
  run(rel, cmd);
  const added = cat.relationConstraints(rel.oid).filter((k) => !beforeCons.has(k.oid));
  // Inherited constraints keep the parent's names.
  for (const k of added) {
    if (k.kind !== 'c' && k.kind !== 'n') continue;
    const from = inherited?.find((p) => p.kind === k.kind && p.columns.join() === k.columns.join());
    if (from && from.name !== k.name) cat.putConstraint({ ...k, name: from.name });
  }
  const mine = cat.relationConstraints(rel.oid).filter((k) => !beforeCons.has(k.oid)).map((k) => ({ kind: k.kind, columns: k.columns, name: k.name }));
  if (rel.kind !== 'p') return;
  for (const child of partitionsOf(cat, cat.relation(rel.oid))) {
    let c = cmd;
    if (sub === 'AT_DropConstraint') {
      if (!cat.relationConstraints(child.oid).some((k) => k.name === cmd.name)) continue;
    } else if (/Trig$/.test(sub) && cmd.name) {
      if (!cat.relationTriggers(child.oid).some((t) => t.name === cmd.name)) continue;
    } else if (sub === 'AT_AddConstraint' && con?.contype === 'CONSTR_CHECK' && !con.conname) {
      const named = mine.find((k) => k.kind === 'c');
      if (named) c = { ...cmd, def: { Constraint: { ...con, conname: named.name } } };
    }
    alterPartitionedCmd(session, cat, cat.relation(child.oid), c, sql, run, mine);
  }
}

/** RENAME COLUMN: a partitioned table renames it in its partitions; a partition may not. */
export function renamePartitionColumn(cat: Catalog, rel: RelationDef, attnum: number, newName: string): void {
  if (rel.partitionOf) throw new PgError(SQLSTATE.invalid_table_definition, `cannot rename inherited column "${rel.columns[attnum - 1].name}"`);
  for (const d of partitionDescendants(cat, rel)) {
    const r = cat.relation(d.oid);
    cat.putRelation({ ...r, columns: r.columns.map((c) => (c.attnum === attnum ? { ...c, name: newName } : c)) });
  }
}

/** Checks the existing rows of `rel`'s leaves against a foreign key (as RI's validation query). */
function validateForeignKeyRows(session: Session, cat: Catalog, rel: RelationDef, fk: ConstraintDef): void {
  const ms = new ModifyState(makeExecContext(session, []), cat);
  const txn = session.transaction();
  for (const leaf of rel.kind === 'p' ? partitionLeaves(cat, rel) : [rel]) {
    for (const t of txn.heap(leaf).all()) if (txn.visible(t)) ms.queue.push({ kind: 'check', fk, table: leaf, tuple: t });
  }
  runRiQueue(ms, session);
}

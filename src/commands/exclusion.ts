/**
 * Exclusion constraints (`EXCLUDE USING gist (room WITH =, during WITH &&)`): validation of the
 * operators against the index's access method and operator class, and the check Postgres's
 * check_exclusion_or_unique_constraint makes on insert/update and when the index is built: no
 * other live row may have every key column "conflict" by its operator. A row still being written
 * by another transaction makes the writer wait for it (as a unique insert does), then decide again.
 * The index of an exclusion constraint is stored as a b-tree; the check scans it (semantics first).
 *
 * Postgres counterpart: src/backend/executor/execIndexing.c (check_exclusion_or_unique_constraint),
 * commands/indexcmds.c (ComputeIndexAttrs: exclusion operator checks).
 * Known gaps: user-defined operator classes; the check is a scan of the index, not a GiST search.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ExclusionOperator, RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ExecContext } from '../executor/context.js';
import type { Tuple } from '../storage/heap.js';
import { MAX_BOUND, MIN_BOUND, type Bound } from '../storage/index-store.js';
import { OID } from '../types/oids.js';
import { rangeAdjacent, rangeOverlaps } from '../types/range.js';
import { multirangeDefIn, rangeDefIn } from '../types/user-range.js';
import { inetOverlaps } from '../types/inet.js';
import { extensionDefaultOpclass } from './extension-opclasses.js';
import { baseTypeOf, formatType, typeInfo } from '../types/registry.js';
import type { PgInet, PgMultirange, PgRange, Value } from '../types/values.js';
import { adjacent, firstRange, lastRange, multirangeOverlapsMultirange } from '../types/multirange.js';
import { valueComparator } from '../functions/builtins/value-compare.js';
import { EQUALITY_OPERATORS } from '../catalog/system/builtin-data.js';
import { liveForUniqueness } from './unique-check.js';
import { GEOMETRIC_TYPES, geoConflictTest, geoExclusionOperator } from './exclusion-geo.js';
import { indexKeyFunction } from './index-keys.js';
import { indexDef } from '../catalog/ruleutils/indexdef.js';
import { quoteIdent } from '../functions/builtins/quote.js';
import type { SessionContext } from '../session/session-context.js';

/** Whether `type` has a default operator class for `method` (btree_gist adds scalar gist ones). */
export function hasDefaultOpclass(cat: Catalog, method: string, type: number): boolean {
  return hasBuiltinDefault(cat, method, type) || (cat.extensions.size > 0 && extensionDefaultOpclass(cat, method, type) !== undefined);
}

/** Whether core Postgres (or btree_gist, emulated separately) gives the type a default class. */
export function hasBuiltinDefault(cat: Catalog, method: string, type: number): boolean {
  const base = baseTypeOf(cat, type);
  const info = typeInfo(cat, base);
  if (method === 'btree' || method === 'hash') return !GEOMETRIC.has(base);
  if (method === 'gin') {
    // tsvector_ops, jsonb_ops, array_ops (the planner never uses them; they are maintained and checked).
    return base === OID.tsvector || base === OID.jsonb || info.category === 'A';
  }
  if (method === 'gist' || method === 'spgist') {
    if (info.typtype === 'r') return true;
    if (method === 'gist' && info.typtype === 'm') return true;
    if (method === 'gist' && (base === OID.tsvector || base === OID.tsquery)) return true;
    // box_ops, point_ops, poly_ops, circle_ops (gist); quad_point_ops, box_ops, poly_ops (spgist).
    if (base === OID.point || base === OID.box || base === OID.polygon) return true;
    if (method === 'gist' && base === OID.circle) return true;
    if (method === 'spgist' && (base === OID.inet || base === OID.cidr || base === OID.text)) return true;
    if (method === 'gist' && cat.extensions.has('btree_gist') && BTREE_GIST_TYPES.has(base)) return true;
    return false;
  }
  // gin: jsonb_ops for jsonb, array_ops for arrays (tsvector_ops comes with text search).
  if (method === 'gin') return base === OID.jsonb || base === OID.tsvector || info.category === 'A';
  return true;
}

/** The geometric types: no btree or hash operator class. */
const GEOMETRIC = GEOMETRIC_TYPES;

/** The types btree_gist gives a default gist operator class. */
const BTREE_GIST_TYPES = new Set<number>([
  OID.int2, OID.int4, OID.int8, OID.float4, OID.float8, OID.numeric, OID.text, OID.varchar, OID.bpchar, OID.bytea,
  OID.date, OID.time, OID.timetz, OID.timestamp, OID.timestamptz, OID.interval, OID.oid, OID.uuid, OID.bool,
  OID.money, OID.inet, OID.cidr,
]);

/** The 42704 Postgres raises for a key type without a default operator class. */
export function noDefaultOpclass(cat: Catalog, method: string, type: number): PgError {
  return new PgError(SQLSTATE.undefined_object, `data type ${formatType(cat, type)} has no default operator class for access method "${method}"`, {
    hint: 'You must specify an operator class for the index or define a default operator class for the data type.',
  });
}

/** pg_operator OIDs of the range operators (declared on anyrange). */
const RANGE_OPERATOR_OIDS: Record<string, number> = { '=': 3882, '<>': 3883, '&&': 3888, '-|-': 3897, '@>': 3890, '<@': 3892, '<<': 3893, '>>': 3894, '&<': 3895, '&>': 3896, '+': 3898, '*': 3900, '-': 3899 };
/** `<>` of the built-in scalar types btree_gist supports. */
const NOT_EQUAL_OIDS: Record<number, number> = { [OID.int2]: 519, [OID.int4]: 518, [OID.int8]: 411, [OID.text]: 531, [OID.bpchar]: 1057, [OID.float4]: 621, [OID.float8]: 671, [OID.numeric]: 1753, [OID.date]: 1094, [OID.timestamp]: 2061, [OID.timestamptz]: 1321, [OID.bool]: 85, [OID.uuid]: 2973, [OID.inet]: 1202, [OID.money]: 903, [OID.interval]: 1331, [OID.time]: 1109, [OID.bytea]: 1956, [OID.oid]: 608 };

/** pg_operator OIDs of the multirange operators (declared on anymultirange). */
const MULTIRANGE_OPERATOR_OIDS: Record<string, number> = { '=': 2860, '<>': 2861, '&&': 2868, '-|-': 4198, '@>': 2871, '<@': 2874, '<<': 4397, '>>': 4400, '&<': 2877, '&>': 4142, '+': 4392, '*': 4394, '-': 4393 };

const COMMUTATIVE = new Set(['=', '<>', '&&', '-|-', '+', '*']);
const RANGE_GIST_OPS = new Set(['=', '&&', '-|-', '@>', '<@', '<<', '>>', '&<', '&>']);
const SCALAR_OPS = new Set(['=', '<>', '<', '<=', '>', '>=']);

/**
 * Validates `col WITH op` for an exclusion constraint on a key of `type` under `method`, the way
 * ComputeIndexAttrs does: the operator must exist, be its own commutator, and belong to the
 * operator class's family.
 */
export function exclusionOperator(cat: Catalog, method: string, type: number, name: string): ExclusionOperator {
  const base = baseTypeOf(cat, type);
  if (GEOMETRIC.has(base)) return geoExclusionOperator(cat, method, base, name);
  const info = typeInfo(cat, base);
  const isMulti = info.typtype === 'm';
  const isRange = info.typtype === 'r' || isMulti;
  const rangeOids = isMulti ? MULTIRANGE_OPERATOR_OIDS : RANGE_OPERATOR_OIDS;
  const isInet = base === OID.inet || base === OID.cidr;
  const argText = isMulti ? 'anymultirange,anymultirange' : isRange ? 'anyrange,anyrange' : `${formatType(cat, isInet ? OID.inet : base)},${formatType(cat, isInet ? OID.inet : base)}`;
  const known = isRange ? rangeOids[name] !== undefined : SCALAR_OPS.has(name) || (isInet && name === '&&');
  if (!known) {
    throw new PgError(SQLSTATE.undefined_function, `operator does not exist: ${formatType(cat, type)} ${name} ${formatType(cat, type)}`);
  }
  const family = isMulti ? 'multirange_ops' : isRange ? 'range_ops' : method === 'gist' ? `gist_${info.name}_ops` : `${info.name}_ops`;
  if (!COMMUTATIVE.has(name)) {
    throw new PgError(SQLSTATE.wrong_object_type, `operator ${name}(${argText}) is not commutative`, {
      detail: 'Only commutative operators can be used in exclusion constraints.',
    });
  }
  const member =
    method === 'gist'
      ? isRange
        ? RANGE_GIST_OPS.has(name)
        : name === '=' || name === '<>' || (isInet && name === '&&')
      : method === 'spgist'
        ? isRange ? RANGE_GIST_OPS.has(name) && name !== '-|-' : name === '='
        : name === '=';
  if (!member) {
    throw new PgError(SQLSTATE.wrong_object_type, `operator ${name}(${argText}) is not a member of operator family "${family}"`, {
      detail: 'The exclusion operator must be related to the index operator class for the constraint.',
    });
  }
  let oid = 0;
  if (isRange) oid = rangeOids[name];
  else if (name === '=') oid = EQUALITY_OPERATORS[base] ?? 0;
  else if (name === '<>') oid = NOT_EQUAL_OIDS[base] ?? 0;
  else if (name === '&&') oid = 3552;
  return { name, oid };
}

function padded(key: readonly Value[], n: number, len: number, fill: typeof MIN_BOUND | typeof MAX_BOUND): Bound[] {
  const out: Bound[] = key.slice(0, n);
  while (out.length < len) out.push(fill);
  return out;
}

type Conflicts = (a: Value, b: Value) => boolean;

const testCache = new WeakMap<RelationDef, Conflicts[]>();

/** One "conflicts" test per key column of an exclusion index. */
function conflictTests(cat: Catalog, table: RelationDef, idx: RelationDef): Conflicts[] {
  let tests = testCache.get(idx);
  if (tests) return tests;
  const info = idx.index!;
  tests = info.keys.map((k, i) => {
    const type = baseTypeOf(cat, k.attnum ? table.columns[k.attnum - 1].type : k.expr!.expr.type);
    const coll = k.collation ?? (k.attnum ? table.columns[k.attnum - 1].collation : k.expr!.expr.collation);
    const op = info.exclusion![i].name;
    const rd = rangeDefIn(cat, type);
    if (rd && op === '&&') return (a, b) => rangeOverlaps(rd, a as PgRange, b as PgRange);
    if (rd && op === '-|-') return (a, b) => rangeAdjacent(rd, a as PgRange, b as PgRange);
    const md = multirangeDefIn(cat, type);
    if (md && op === '&&') return (a, b) => multirangeOverlapsMultirange(md.range, a as PgMultirange, b as PgMultirange);
    if (md && op === '-|-') {
      return (a, b) => adjacent(md.range, firstRange(a as PgMultirange), lastRange(a as PgMultirange), firstRange(b as PgMultirange), lastRange(b as PgMultirange));
    }
    const geo = GEOMETRIC.has(type) ? geoConflictTest(type, op) : undefined;
    if (geo) return geo;
    if (op === '&&') return (a, b) => inetOverlaps(a as PgInet, b as PgInet);
    const cmp = valueComparator(cat, type, coll);
    if (op === '<>') return (a, b) => cmp(a, b) !== 0;
    return (a, b) => cmp(a, b) === 0;
  });
  testCache.set(idx, tests);
  return tests;
}

/**
 * The live row (other than `tid`) whose key conflicts with `key`, if any. Rows being written by
 * a transaction still in progress make the caller wait for it (StatementBlocked).
 */
export function findExclusionConflict(ctx: ExecContext, cat: Catalog, table: RelationDef, idx: RelationDef, key: readonly Value[], tid: number): Tuple | undefined {
  // NULLs never conflict, unless NULLS NOT DISTINCT (a WITHOUT OVERLAPS key can say so): then a
  // NULL matches only a NULL (check_exclusion_or_unique_constraint's IS NULL scan keys).
  const nnd = idx.index!.nullsNotDistinct;
  const hasNull = key.some((k) => k === null);
  if (hasNull && !nnd) return undefined;
  const tests = conflictTests(cat, table, idx);
  const heap = ctx.txn.heap(table);
  const store = ctx.txn.index(idx);
  // Leading `=` keys (room WITH =, during WITH &&) narrow the scan to that prefix of the b-tree.
  const ops = idx.index!.exclusion!;
  let prefix = 0;
  while (!hasNull && prefix < ops.length && ops[prefix].name === '=') prefix++;
  const entries: Iterable<readonly [readonly Value[], number]> =
    prefix > 0 ? store.range(padded(key, prefix, store.cols.length, MIN_BOUND), padded(key, prefix, store.cols.length, MAX_BOUND)) : store.entries();
  for (const [otherKey, otherTid] of entries) {
    if (otherTid === tid) continue;
    let all = true;
    for (let i = 0; i < tests.length; i++) {
      const v = otherKey[i];
      if (hasNull && (key[i] === null || v === null)) {
        if (key[i] === null && v === null) continue;
        all = false;
        break;
      }
      if (v === null || !tests[i](key[i], v)) {
        all = false;
        break;
      }
    }
    if (!all) continue;
    const t = heap.get(otherTid);
    if (!t || !liveForUniqueness(ctx, t)) continue;
    return t;
  }
  return undefined;
}

/** Checks a new entry of an exclusion index; throws 23P01 on a conflict. */
export function checkExclusion(ctx: ExecContext, cat: Catalog, table: RelationDef, idx: RelationDef, key: readonly Value[], tid: number, isBuild: boolean): void {
  const other = findExclusionConflict(ctx, cat, table, idx, key, tid);
  if (!other) return;
  const full = table.columns.map((c, i) => (other.values[i] === undefined ? (c.missing ?? null) : other.values[i]));
  throw exclusionViolation(ctx, cat, table, idx, key, indexKeyFunction(idx)(full, ctx), isBuild);
}

function exclusionViolation(ctx: ExecContext, cat: Catalog, table: RelationDef, idx: RelationDef, key: readonly Value[], otherKey: readonly Value[], isBuild: boolean): PgError {
  const info = idx.index!;
  const cols = info.keys.map((_k, i) => exclusionKeyText(cat, ctx.session, table, idx, i)).join(', ');
  const io = ctx.session.io;
  const vals = (kv: readonly Value[]) =>
    info.keys
      .map((k, i) => {
        const v = kv[i];
        if (v === null) return 'null';
        const type = k.attnum ? table.columns[k.attnum - 1].type : (k.expr!.expr.type as number);
        return typeInfo(cat, type).io.output(v, io);
      })
      .join(', ');
  const conName = info.constraint !== undefined ? (cat.constraints.get(info.constraint)?.name ?? idx.name) : idx.name;
  const fields = { schema: cat.namespaceName(table.namespace), table: table.name, constraint: conName };
  if (isBuild) {
    return new PgError(SQLSTATE.exclusion_violation, `could not create exclusion constraint "${conName}"`, {
      detail: `Key (${cols})=(${vals(key)}) conflicts with key (${cols})=(${vals(otherKey)}).`,
      ...fields,
    });
  }
  return new PgError(SQLSTATE.exclusion_violation, `conflicting key value violates exclusion constraint "${conName}"`, {
    detail: `Key (${cols})=(${vals(key)}) conflicts with existing key (${cols})=(${vals(otherKey)}).`,
    ...fields,
  });
}

/**
 * A key column as Postgres prints it in DETAILs (pg_get_indexdef of the column): the column name,
 * or the deparsed expression.
 */
export function exclusionKeyText(cat: Catalog, session: SessionContext, table: RelationDef, idx: RelationDef, i: number): string {
  const k = idx.index!.keys[i];
  if (k.attnum) return quoteIdent(table.columns[k.attnum - 1].name);
  return indexDef(cat, session, idx, i + 1);
}

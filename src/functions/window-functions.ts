/**
 * The built-in window functions (row_number, rank, lag, nth_value, ...), declared as data: a
 * signature for the analyzer and an evaluator that reads the current row's partition and frame.
 * Plain aggregates used with OVER are not here: they come from the aggregate library.
 *
 * Postgres counterpart: src/backend/utils/adt/windowfuncs.c (and their pg_proc.dat entries).
 * Known gaps: none of the functions' extra signatures beyond Postgres's are accepted.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import type { Value } from '../types/values.js';

/** What a window function sees for one current row (indexes are positions in the partition). */
export interface WindowFrameView {
  /** Number of rows in the partition. */
  readonly size: number;
  /** The current row. */
  readonly current: number;
  /** The current row's peer group (rows equal under ORDER BY): [peerStart, peerEnd). */
  readonly peerStart: number;
  readonly peerEnd: number;
  /** 0-based number of the current peer group in the partition. */
  readonly peerGroup: number;
  /** The rows of the current frame, in window order, after EXCLUDE. */
  frame(): readonly number[];
  /** The call's argument count (lag/lead have optional arguments). */
  readonly argCount: number;
  /** Argument `i` evaluated on partition row `row`. */
  arg(i: number, row: number): Value;
}

/** A built-in window function. */
export interface WindowFunctionImpl {
  readonly name: string;
  /** Argument types; anyelement takes the first argument's type, anycompatible joins it. */
  readonly argTypes: readonly number[];
  /** The result type, or anyelement for the first argument's type. */
  readonly returnType: number;
  evaluate(w: WindowFrameView): Value;
}

const peerCount = (w: WindowFrameView) => BigInt(w.peerStart + 1);

function offsetRow(w: WindowFrameView, sign: 1 | -1): Value {
  let offset = 1;
  const n = w.argCount;
  if (n >= 2) {
    const o = w.arg(1, w.current);
    if (o === null) return null;
    offset = o as number;
  }
  const target = w.current + sign * offset;
  if (target < 0 || target >= w.size) return n >= 3 ? w.arg(2, w.current) : null;
  return w.arg(0, target);
}

const defs: WindowFunctionImpl[] = [
  { name: 'row_number', argTypes: [], returnType: OID.int8, evaluate: (w) => BigInt(w.current + 1) },
  { name: 'rank', argTypes: [], returnType: OID.int8, evaluate: peerCount },
  { name: 'dense_rank', argTypes: [], returnType: OID.int8, evaluate: (w) => BigInt(w.peerGroup + 1) },
  { name: 'percent_rank', argTypes: [], returnType: OID.float8, evaluate: (w) => (w.size <= 1 ? 0 : w.peerStart / (w.size - 1)) },
  { name: 'cume_dist', argTypes: [], returnType: OID.float8, evaluate: (w) => w.peerEnd / w.size },
  {
    name: 'ntile',
    argTypes: [OID.int4],
    returnType: OID.int4,
    evaluate: (w) => {
      // Postgres reads the bucket count from the partition's first row.
      const n = w.arg(0, 0);
      if (n === null) return null;
      if ((n as number) <= 0) throw new PgError(SQLSTATE.invalid_argument_for_ntile_function, 'argument of ntile must be greater than zero');
      const buckets = n as number;
      const per = Math.floor(w.size / buckets);
      const extra = w.size % buckets;
      // The first `extra` buckets hold one row more.
      const big = extra * (per + 1);
      if (w.current < big) return Math.floor(w.current / (per + 1)) + 1;
      return extra + Math.floor((w.current - big) / per) + 1;
    },
  },
  ...(['lag', 'lead'] as const).flatMap((name) =>
    [[OID.anyelement], [OID.anyelement, OID.int4], [OID.anycompatible, OID.int4, OID.anycompatible]].map((argTypes) => ({
      name,
      argTypes,
      returnType: argTypes[0] === OID.anycompatible ? OID.anycompatible : OID.anyelement,
      evaluate: (w: WindowFrameView) => offsetRow(w, name === 'lag' ? -1 : 1),
    })),
  ),
  {
    name: 'first_value',
    argTypes: [OID.anyelement],
    returnType: OID.anyelement,
    evaluate: (w) => {
      const f = w.frame();
      return f.length ? w.arg(0, f[0]) : null;
    },
  },
  {
    name: 'last_value',
    argTypes: [OID.anyelement],
    returnType: OID.anyelement,
    evaluate: (w) => {
      const f = w.frame();
      return f.length ? w.arg(0, f[f.length - 1]) : null;
    },
  },
  {
    name: 'nth_value',
    argTypes: [OID.anyelement, OID.int4],
    returnType: OID.anyelement,
    evaluate: (w) => {
      const n = w.arg(1, w.current);
      if (n === null) return null;
      if ((n as number) <= 0) throw new PgError(SQLSTATE.invalid_argument_for_nth_value_function, 'argument of nth_value must be greater than zero');
      const f = w.frame();
      const i = (n as number) - 1;
      return i < f.length ? w.arg(0, f[i]) : null;
    },
  },
];

const byName = new Map<string, WindowFunctionImpl[]>();
for (const d of defs) {
  const l = byName.get(d.name);
  if (l) l.push(d);
  else byName.set(d.name, [d]);
}

/** The built-in window functions called `name` (empty when there is none). */
export function windowFunctionsNamed(name: string): readonly WindowFunctionImpl[] {
  return byName.get(name) ?? [];
}

/**
 * Core aggregates: count(*) / count(any), sum, avg, min/max over every ordered built-in type,
 * bool_and/bool_or/every, bit_and/bit_or/bit_xor, any_value. Result types follow pg_aggregate
 * (sum(int4) → int8, sum(int8) → numeric, avg(int) → numeric with numeric division's scale,
 * avg(float4) → float8). Collecting aggregates are in aggregates-collect.ts, statistics in
 * aggregates-stats.ts.
 *
 * Postgres counterpart: pg_aggregate.dat; int8_avg_accum, numeric_avg_accum, float8_accum,
 * int4_sum, interval_avg in src/backend/utils/adt/numeric.c, float.c, timestamp.c.
 * Known gaps: none known.
 */
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { intervalAdd, intervalDiv } from '../../types/datetime/interval-arith.js';
import { float4Add, float8Add } from '../../types/float.js';
import { Numeric, numericAdd, numericDiv, numericFromInt } from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import type { Interval, Value } from '../../types/values.js';
import { registerAggregate, type AggregateImpl, type AggregateInline, type CallInfo } from '../registry.js';
import { checkInt2, checkInt4, checkInt8 } from './int-ops.js';
import { argComparator } from './value-compare.js';

/** Declares an aggregate from its transition and final functions. */
export function agg<S>(
  name: string,
  argTypes: readonly number[],
  returnType: number,
  init: () => S,
  step: (state: S, args: Value[], rt: ExprRuntime, call: CallInfo) => S,
  final: (state: S, rt: ExprRuntime, call: CallInfo) => Value,
  strict = true,
  inline?: AggregateInline,
): AggregateImpl {
  const a: AggregateImpl = {
    name,
    argTypes,
    returnType,
    strict,
    inline,
    init: () => init(),
    // (the transition and final functions themselves: no forwarding call per row)
    step: step as AggregateImpl['step'],
    final: final as AggregateImpl['final'],
  };
  registerAggregate(a);
  return a;
}

const I2 = OID.int2;
const I4 = OID.int4;
const I8 = OID.int8;
const F4 = OID.float4;
const F8 = OID.float8;
const N = OID.numeric;

// count.
// (counted in a JS number: a count cannot reach 2^53)
agg<number>('count', [], I8, () => 0, (n) => n + 1, (n) => BigInt(n), true, 'count');
agg<number>('count', [OID.any], I8, () => 0, (n) => n + 1, (n) => BigInt(n), true, 'count');

// sum.
// sum(int2) and sum(int4) accumulate in a JS number while the total stays within ±2^52 (each
// addend is below 2^31, so every intermediate sum is exact), then in a bigint with int8's
// overflow check, as int4_sum / int2_sum.
const SUM_NUMBER_LIMIT = 2 ** 52;
function intSumStep(s: number | bigint | null, a: Value[]): number | bigint {
  const v = a[0] as number;
  if (s === null) return v;
  if (typeof s === 'number') {
    const r = s + v;
    return r > SUM_NUMBER_LIMIT || r < -SUM_NUMBER_LIMIT ? BigInt(r) : r;
  }
  return checkInt8(s + BigInt(v));
}
const intSumFinal = (s: number | bigint | null): Value => (typeof s === 'number' ? BigInt(s) : s);
// ('int-sum': the aggregation node adds in a JS number inline within the same ±2^52, as intSumStep)
agg<number | bigint | null>('sum', [I2], I8, () => null, intSumStep, intSumFinal, true, 'int-sum');
agg<number | bigint | null>('sum', [I4], I8, () => null, intSumStep, intSumFinal, true, 'int-sum');
agg<bigint | null>('sum', [I8], N, () => null, (s, a) => (s ?? 0n) + (a[0] as bigint), (s) => (s === null ? null : numericFromInt(s)));
agg<Numeric | null>('sum', [N], N, () => null, (s, a) => (s === null ? (a[0] as Numeric) : numericAdd(s, a[0] as Numeric)), (s) => s);
agg<number | null>('sum', [F4], F4, () => null, (s, a) => (s === null ? (a[0] as number) : float4Add(s, a[0] as number)), (s) => s);
agg<number | null>('sum', [F8], F8, () => null, (s, a) => (s === null ? (a[0] as number) : float8Add(s, a[0] as number)), (s) => s);
agg<Interval | null>('sum', [OID.interval], OID.interval, () => null, (s, a) => (s === null ? (a[0] as Interval) : intervalAdd(s, a[0] as Interval)), (s) => s);

// avg.
interface IntAvg {
  n: bigint;
  sum: bigint;
}
const intAvg = (s: IntAvg, a: Value[]): IntAvg => ({ n: s.n + 1n, sum: s.sum + BigInt(a[0] as number | bigint) });
const intAvgFinal = (s: IntAvg): Value => (s.n === 0n ? null : numericDiv(numericFromInt(s.sum), numericFromInt(s.n)));
for (const t of [I2, I4, I8]) agg<IntAvg>('avg', [t], N, () => ({ n: 0n, sum: 0n }), intAvg, intAvgFinal);
agg<{ n: bigint; sum: Numeric }>(
  'avg',
  [N],
  N,
  () => ({ n: 0n, sum: Numeric.ZERO }),
  (s, a) => ({ n: s.n + 1n, sum: numericAdd(s.sum, a[0] as Numeric) }),
  (s) => (s.n === 0n ? null : numericDiv(s.sum, numericFromInt(s.n))),
);
// avg(float): Postgres's float8_accum keeps N and Sx (and Sxx); the mean is Sx / N.
for (const t of [F4, F8]) {
  agg<{ n: number; sum: number }>(
    'avg',
    [t],
    F8,
    () => ({ n: 0, sum: 0 }),
    (s, a) => {
      s.n++;
      s.sum = float8Add(s.sum, a[0] as number);
      return s;
    },
    (s) => (s.n === 0 ? null : s.sum / s.n),
  );
}
agg<{ n: number; sum: Interval | null }>(
  'avg',
  [OID.interval],
  OID.interval,
  () => ({ n: 0, sum: null }),
  (s, a) => ({ n: s.n + 1, sum: s.sum === null ? (a[0] as Interval) : intervalAdd(s.sum, a[0] as Interval) }),
  (s) => (s.sum === null ? null : intervalDiv(s.sum, s.n)),
);

// min / max: per type, compared with the type's order (and the call's collation).
const ORDERED = [
  I2, I4, I8, F4, F8, N, OID.oid, OID.text, OID.bpchar, OID.bytea, OID.date, OID.time, OID.timetz, OID.timestamp,
  OID.timestamptz, OID.interval, OID.anyarray, OID.anyenum, OID.record, OID.xid8, OID.tid,
];
// Integers (JS numbers / bigints) compare with < and > directly.
const PLAIN_ORDER = new Set<number>([I2, I4, I8, OID.oid]);
for (const t of ORDERED) {
  for (const [name, sign] of [
    ['min', -1],
    ['max', 1],
  ] as const) {
    if (PLAIN_ORDER.has(t)) {
      agg<Value>(
        name,
        [t],
        t,
        () => null,
        sign > 0 ? (s, a) => (s === null || (a[0] as number) > (s as number) ? a[0] : s) : (s, a) => (s === null || (a[0] as number) < (s as number) ? a[0] : s),
        (s) => s,
        true,
        name,
      );
      continue;
    }
    // The comparator of the last call site, kept to skip the per-call-site cache on every row.
    let lastCall: CallInfo | undefined;
    let lastCompare: (a: Value, b: Value) => number = () => 0;
    agg<Value>(
      name,
      [t],
      t,
      () => null,
      (s, a, rt, call) => {
        const v = a[0];
        if (s === null) return v;
        if (call !== lastCall) {
          lastCompare = argComparator(rt, call);
          lastCall = call;
        }
        // Ties keep the newer value, as Postgres's *_smaller / *_larger return their second argument.
        return lastCompare(v, s) * sign >= 0 ? v : s;
      },
      (s) => s,
    );
  }
}

// Booleans.
agg<boolean | null>('bool_and', [OID.bool], OID.bool, () => null, (s, a) => (s ?? true) && (a[0] as boolean), (s) => s);
agg<boolean | null>('every', [OID.bool], OID.bool, () => null, (s, a) => (s ?? true) && (a[0] as boolean), (s) => s);
agg<boolean | null>('bool_or', [OID.bool], OID.bool, () => null, (s, a) => (s ?? false) || (a[0] as boolean), (s) => s);

// Bitwise.
const bitOps: [string, (x: number, y: number) => number, (x: bigint, y: bigint) => bigint][] = [
  ['bit_and', (x, y) => x & y, (x, y) => x & y],
  ['bit_or', (x, y) => x | y, (x, y) => x | y],
  ['bit_xor', (x, y) => x ^ y, (x, y) => x ^ y],
];
for (const [name, f32, f64] of bitOps) {
  agg<number | null>(name, [I2], I2, () => null, (s, a) => (s === null ? (a[0] as number) : checkInt2(f32(s, a[0] as number))), (s) => s);
  agg<number | null>(name, [I4], I4, () => null, (s, a) => (s === null ? (a[0] as number) : checkInt4(f32(s, a[0] as number))), (s) => s);
  agg<bigint | null>(name, [I8], I8, () => null, (s, a) => (s === null ? (a[0] as bigint) : f64(s, a[0] as bigint)), (s) => s);
}

agg<{ v: Value; set: boolean }>(
  'any_value',
  [OID.anyelement],
  OID.anyelement,
  () => ({ v: null, set: false }),
  (s, a) => (s.set ? s : { v: a[0], set: true }),
  (s) => s.v,
);

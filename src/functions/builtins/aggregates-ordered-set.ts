/**
 * Ordered-set aggregates (`agg(direct args) WITHIN GROUP (ORDER BY aggregated args)`):
 * percentile_disc, percentile_cont (one fraction or an array of them), mode, and the
 * hypothetical-set aggregates rank, dense_rank, percent_rank, cume_dist.
 * The aggregation node sorts each group's rows by the WITHIN GROUP keys before the transition
 * (as for any aggregate with ORDER BY), so the states here receive values in sorted order; the
 * direct arguments are evaluated once per group and handed to `finalDirect`.
 * Postgres counterpart: src/backend/utils/adt/orderedsetaggs.c, pg_aggregate.dat (aggkind o / h).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { AggregateImpl } from '../registry.js';
import { OID } from '../../types/oids.js';
import { PgArray, type Interval, type Value } from '../../types/values.js';
import { intervalAdd, intervalMul, intervalSub } from '../../types/datetime/interval-arith.js';

/** A signature: direct argument types, then aggregated ones (pg_proc lists them in that order). */
export interface OrderedSetSignature {
  readonly name: string;
  readonly kind: 'ordered' | 'hypothetical';
  readonly direct: readonly number[];
  readonly aggregated: readonly number[];
  readonly returnType: number;
}

/** The key a hypothetical-set aggregate compares rows by (the WITHIN GROUP sort keys). */
export interface HypotheticalKey {
  readonly descending: boolean;
  readonly nullsFirst: boolean;
  readonly compare: (a: Value, b: Value) => number;
}

/** An ordered-set aggregate call's implementation: `final` for no direct arguments, else `finalDirect`. */
export interface OrderedSetImpl extends AggregateImpl {
  finalDirect(state: unknown, direct: readonly Value[]): Value;
}

const F8 = OID.float8;
const F8A = OID._float8;
const IV = OID.interval;
const IVA = OID._interval;

export const ORDERED_SET_SIGNATURES: readonly OrderedSetSignature[] = [
  { name: 'percentile_disc', kind: 'ordered', direct: [F8], aggregated: [OID.anyelement], returnType: OID.anyelement },
  { name: 'percentile_cont', kind: 'ordered', direct: [F8], aggregated: [F8], returnType: F8 },
  { name: 'percentile_cont', kind: 'ordered', direct: [F8], aggregated: [IV], returnType: IV },
  { name: 'percentile_disc', kind: 'ordered', direct: [F8A], aggregated: [OID.anyelement], returnType: OID.anyarray },
  { name: 'percentile_cont', kind: 'ordered', direct: [F8A], aggregated: [F8], returnType: F8A },
  { name: 'percentile_cont', kind: 'ordered', direct: [F8A], aggregated: [IV], returnType: IVA },
  { name: 'mode', kind: 'ordered', direct: [], aggregated: [OID.anyelement], returnType: OID.anyelement },
  { name: 'rank', kind: 'hypothetical', direct: [], aggregated: [], returnType: OID.int8 },
  { name: 'percent_rank', kind: 'hypothetical', direct: [], aggregated: [], returnType: F8 },
  { name: 'cume_dist', kind: 'hypothetical', direct: [], aggregated: [], returnType: F8 },
  { name: 'dense_rank', kind: 'hypothetical', direct: [], aggregated: [], returnType: OID.int8 },
];

/** The built-in ordered-set aggregates of a name (empty if it names none). */
export function orderedSetAggregatesNamed(name: string): readonly OrderedSetSignature[] {
  return ORDERED_SET_SIGNATURES.filter((s) => s.name === name);
}

/** C's %g (six significant digits, trailing zeros dropped), as Postgres's messages print doubles. */
function formatG(v: number): string {
  // (Postgres's own snprintf spells the special values out)
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  // The exponent after rounding to six significant digits decides the notation.
  const e = Number(v.toExponential(5).split('e')[1]);
  if (e < -4 || e >= 6) {
    const [m, x] = v.toExponential(5).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const xn = Number(x);
    return `${mant}e${xn < 0 ? '-' : '+'}${String(Math.abs(xn)).padStart(2, '0')}`;
  }
  const s = v.toFixed(Math.max(0, 5 - e));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function checkPercentile(p: number): void {
  if (p < 0 || p > 1 || Number.isNaN(p)) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, `percentile value ${formatG(p)} is not between 0 and 1`);
  }
}

type Lerp = (lo: Value, hi: Value, pct: number) => Value;
const float8Lerp: Lerp = (lo, hi, pct) => (lo as number) + ((hi as number) - (lo as number)) * pct;
const intervalLerp: Lerp = (lo, hi, pct) => intervalAdd(intervalMul(intervalSub(hi as Interval, lo as Interval), pct), lo as Interval);

function percentileDisc(sorted: readonly Value[], p: number): Value {
  const rownum = Math.ceil(p * sorted.length);
  return sorted[rownum > 1 ? rownum - 1 : 0];
}

function percentileCont(sorted: readonly Value[], p: number, lerp: Lerp): Value {
  const pos = p * (sorted.length - 1);
  const first = Math.floor(pos);
  const second = Math.ceil(pos);
  const lo = sorted[first];
  if (second === first) return lo;
  return lerp(lo, sorted[second], pos - first);
}

/** A per-fraction result over an array of fractions (any shape; NULL fractions give NULL). */
function multi(sorted: readonly Value[] | null, fractions: Value, one: (sorted: readonly Value[], p: number) => Value): Value {
  const arr = fractions as PgArray;
  for (const f of arr.items) if (f !== null) checkPercentile(f as number);
  if (sorted === null || sorted.length === 0) return null;
  return new PgArray(
    arr.items.map((f) => (f === null ? null : one(sorted, f as number))),
    arr.dims,
    arr.lbounds,
  );
}

/** The state of a percentile or mode: the group's non-null values, in sorted order. */
function valuesState(name: string, argTypes: readonly number[], returnType: number, final: (sorted: Value[] | null, direct: readonly Value[]) => Value): OrderedSetImpl {
  return {
    name,
    argTypes,
    returnType,
    strict: false,
    init: () => null,
    step: (s, args) => {
      const v = args[0];
      if (v === null) return s;
      const list = (s as Value[] | null) ?? [];
      list.push(v);
      return list;
    },
    final: (s) => final(s as Value[] | null, []),
    finalDirect: (s, direct) => final(s as Value[] | null, direct),
  };
}

/**
 * The implementation of a resolved ordered-set call. `keyCompare` is the WITHIN GROUP key's
 * equality (mode) and `keys` all sort keys (hypothetical-set aggregates).
 */
export function orderedSetImpl(sig: OrderedSetSignature, argTypes: readonly number[], returnType: number, keys: readonly HypotheticalKey[]): OrderedSetImpl {
  const name = sig.name;
  if (sig.kind === 'hypothetical') return hypotheticalImpl(name, argTypes, returnType, keys);
  const isArray = sig.direct[0] === F8A;
  switch (name) {
    case 'mode':
      return valuesState(name, argTypes, returnType, (sorted) => {
        if (!sorted || !sorted.length) return null;
        const eq = keys[0].compare;
        let mode: Value = null;
        let modeFreq = 0;
        let last = sorted[0];
        let lastFreq = 1;
        for (let i = 1; i < sorted.length; i++) {
          if (eq(sorted[i], last) === 0) lastFreq++;
          else {
            if (lastFreq > modeFreq) {
              mode = last;
              modeFreq = lastFreq;
            }
            last = sorted[i];
            lastFreq = 1;
          }
        }
        return lastFreq > modeFreq ? last : mode;
      });
    case 'percentile_disc':
      return valuesState(name, argTypes, returnType, (sorted, direct) => {
        const p = direct[0];
        if (p === null) return null;
        if (isArray) return multi(sorted, p, percentileDisc);
        checkPercentile(p as number);
        if (!sorted || !sorted.length) return null;
        return percentileDisc(sorted, p as number);
      });
    case 'percentile_cont': {
      const lerp = sig.aggregated[0] === IV ? intervalLerp : float8Lerp;
      return valuesState(name, argTypes, returnType, (sorted, direct) => {
        const p = direct[0];
        if (p === null) return null;
        if (isArray) return multi(sorted, p, (s, f) => percentileCont(s, f, lerp));
        checkPercentile(p as number);
        if (!sorted || !sorted.length) return null;
        return percentileCont(sorted, p as number, lerp);
      });
    }
    default:
      throw new Error(`fauxgres internal: no ordered-set aggregate ${name}`);
  }
}

/** rank / dense_rank / percent_rank / cume_dist of the hypothetical row the direct arguments form. */
function hypotheticalImpl(name: string, argTypes: readonly number[], returnType: number, keys: readonly HypotheticalKey[]): OrderedSetImpl {
  const cmp = (row: readonly Value[], hyp: readonly Value[]): number => {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const a = row[i];
      const b = hyp[i];
      let c: number;
      if (a === null || b === null) {
        if (a === null && b === null) c = 0;
        else c = (a === null) === k.nullsFirst ? -1 : 1;
      } else {
        c = k.compare(a, b);
        if (k.descending) c = -c;
      }
      if (c !== 0) return c;
    }
    return 0;
  };
  const compute = (rows: Value[][] | null, hyp: readonly Value[]): Value => {
    const list = rows ?? [];
    const n = list.length;
    let before = 0;
    let peers = 0;
    let groupsBefore = 0;
    let prev: Value[] | undefined;
    for (const r of list) {
      const c = cmp(r, hyp);
      if (c < 0) {
        before++;
        if (!prev || cmp(prev, r) !== 0) groupsBefore++;
        prev = r;
      } else if (c === 0) peers++;
    }
    switch (name) {
      case 'rank':
        return BigInt(before + 1);
      case 'dense_rank':
        return BigInt(groupsBefore + 1);
      case 'percent_rank':
        return n === 0 ? 0 : before / n;
      default:
        return (before + peers + 1) / (n + 1);
    }
  };
  return {
    name,
    argTypes,
    returnType,
    strict: false,
    init: () => null,
    step: (s, args) => {
      const list = (s as Value[][] | null) ?? [];
      list.push(args);
      return list;
    },
    final: (s) => compute(s as Value[][] | null, []),
    finalDirect: (s, direct) => compute(s as Value[][] | null, direct),
  };
}

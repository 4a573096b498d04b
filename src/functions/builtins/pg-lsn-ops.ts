/**
 * pg_lsn operators and functions: comparisons, `pg_lsn - pg_lsn` (numeric bytes),
 * `pg_lsn +/- numeric`, pg_lsn(numeric), pg_wal_lsn_diff, pg_lsn_larger / pg_lsn_smaller and
 * min / max. Values are unsigned 64-bit bigints (types/pg-lsn.ts).
 *
 * Postgres counterpart: src/backend/utils/adt/pg_lsn.c, numeric.c (numeric_pg_lsn).
 * Known gaps: the WAL-position functions (pg_current_wal_lsn, ...) are not provided: there is no WAL.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { Numeric, NumericKind, numericAdd, numericSub } from '../../types/numeric.js';
import { roundCoef } from '../../types/numeric/numeric-round.js';
import { OID } from '../../types/oids.js';
import type { Value } from '../../types/values.js';
import { fn, op } from '../registry.js';
import { agg } from './aggregates.js';
import { registerComparisons } from './comparison.js';

const L = OID.pg_lsn;
const N = OID.numeric;
const big = (a: Value, b: Value): number => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0);

/** numeric_pg_lsn: rounds to an integer, which must fit in 0 .. 2^64 - 1. */
export function numericToLsn(x: Numeric): bigint {
  if (x.kind !== NumericKind.finite) {
    throw new PgError(SQLSTATE.feature_not_supported, `cannot convert ${x.kind === NumericKind.nan ? 'NaN' : 'infinity'} to pg_lsn`);
  }
  const v = x.scale === 0 ? x.coef : roundCoef(x.coef, x.scale, 0);
  if (v < 0n || v >= 1n << 64n) throw new PgError(SQLSTATE.invalid_parameter_value, 'pg_lsn out of range');
  return v;
}

function lsnPlus(lsn: bigint, n: Numeric, minus: boolean): bigint {
  if (n.kind === NumericKind.nan) {
    throw new PgError(SQLSTATE.feature_not_supported, minus ? 'cannot subtract NaN from pg_lsn' : 'cannot add NaN to pg_lsn');
  }
  const x = Numeric.of(lsn);
  return numericToLsn(minus ? numericSub(x, n) : numericAdd(x, n));
}

const diff = (a: Value, b: Value): Numeric => Numeric.of((a as bigint) - (b as bigint));

registerComparisons(L, L, big);
op('-', L, L, N, diff);
op('+', L, N, L, (a, b) => lsnPlus(a as bigint, b as Numeric, false), { commutator: '+' });
op('+', N, L, L, (a, b) => lsnPlus(b as bigint, a as Numeric, false), { commutator: '+' });
op('-', L, N, L, (a, b) => lsnPlus(a as bigint, b as Numeric, true));
fn('pg_lsn', [N], L, (a) => numericToLsn(a[0] as Numeric));
fn('pg_wal_lsn_diff', [L, L], N, (a) => diff(a[0], a[1]));
fn('pg_lsn_larger', [L, L], L, (a) => ((a[0] as bigint) > (a[1] as bigint) ? a[0] : a[1]));
fn('pg_lsn_smaller', [L, L], L, (a) => ((a[0] as bigint) < (a[1] as bigint) ? a[0] : a[1]));
for (const [name, sign] of [['min', -1], ['max', 1]] as const) {
  agg<bigint | null>(name, [L], L, () => null, (s, a) => (s === null || big(a[0], s) * sign > 0 ? (a[0] as bigint) : s), (s) => s);
}

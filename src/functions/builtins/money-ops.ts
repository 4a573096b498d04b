/**
 * money operators, functions, casts and aggregates: `+ - *` with money and numbers, `/` by a
 * number (money) or by money (float8), comparisons, sum/min/max, and the numeric/integer casts.
 * Postgres counterpart: src/backend/utils/adt/cash.c.
 * Known gaps: cash_words.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import { checkMoney, moneyOutOfRange } from '../../types/money.js';
import { type Numeric, numericMul, numericRound, numericToInt8, numericFromInt, parseNumeric } from '../../types/numeric.js';
import type { Value } from '../../types/values.js';
import { registerCast } from '../../analyze/special-casts.js';
import { op } from '../registry.js';
import { registerComparisons } from './comparison.js';
import { agg } from './aggregates.js';

const M = OID.money;
const big = (a: Value, b: Value): number => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0);
registerComparisons(M, M, big);

const divZero = () => new PgError(SQLSTATE.division_by_zero, 'division by zero');

/** rint() of a double, as a cents value. */
function fromDouble(d: number): bigint {
  if (!Number.isFinite(d) || d >= 9.223372036854776e18 || d < -9.223372036854776e18) throw moneyOutOfRange();
  // rint: round half to even.
  let r = Math.round(d);
  if (Math.abs(d % 1) === 0.5 && r % 2 !== 0) r -= 1;
  return BigInt(r);
}

op('+', M, M, M, (a, b) => checkMoney((a as bigint) + (b as bigint)), { commutator: '+' });
op('-', M, M, M, (a, b) => checkMoney((a as bigint) - (b as bigint)));
op('/', M, M, OID.float8, (a, b) => {
  if ((b as bigint) === 0n) throw divZero();
  return Number(a as bigint) / Number(b as bigint);
});
for (const t of [OID.int2, OID.int4, OID.int8]) {
  op('*', M, t, M, (a, b) => checkMoney((a as bigint) * BigInt(b as number | bigint)), { commutator: '*' });
  op('*', t, M, M, (a, b) => checkMoney(BigInt(a as number | bigint) * (b as bigint)), { commutator: '*' });
  op('/', M, t, M, (a, b) => {
    const d = BigInt(b as number | bigint);
    if (d === 0n) throw divZero();
    return (a as bigint) / d;
  });
}
for (const t of [OID.float4, OID.float8]) {
  op('*', M, t, M, (a, b) => fromDouble(Number(a as bigint) * (b as number)), { commutator: '*' });
  op('*', t, M, M, (a, b) => fromDouble((a as number) * Number(b as bigint)), { commutator: '*' });
  op('/', M, t, M, (a, b) => {
    if ((b as number) === 0) throw divZero();
    return fromDouble(Number(a as bigint) / (b as number));
  });
}

/** money → numeric, scale 2. */
function moneyToNumeric(v: bigint): Numeric {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  return parseNumeric(`${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`);
}

registerCast(M, OID.numeric, (v) => moneyToNumeric(v as bigint));
registerCast(OID.numeric, M, (v) => {
  const r = numericRound(v as Numeric, 2);
  try {
    return numericToInt8(numericMul(r, numericFromInt(100)));
  } catch {
    throw moneyOutOfRange();
  }
});
registerCast(OID.int4, M, (v) => BigInt(v as number) * 100n);
registerCast(OID.int8, M, (v) => checkMoney((v as bigint) * 100n));

agg<bigint | null>('sum', [M], M, () => null, (s, a) => checkMoney((s ?? 0n) + (a[0] as bigint)), (s) => s);
agg<bigint | null>('min', [M], M, () => null, (s, a) => (s === null || (a[0] as bigint) < s ? (a[0] as bigint) : s), (s) => s);
agg<bigint | null>('max', [M], M, () => null, (s, a) => (s === null || (a[0] as bigint) > s ? (a[0] as bigint) : s), (s) => s);

/**
 * random(), random(min, max), random_normal(), setseed(): Postgres's generator (xoroshiro128**
 * seeded through splitmix64), so that after `setseed(x)` the sequence matches Postgres's. Each
 * session has its own state, seeded from the session's random source until setseed is called.
 *
 * Postgres counterpart: src/common/pg_prng.c; drandom, setseed, int4random/int8random,
 * random_numeric and drandom_normal in src/backend/utils/adt/float.c, numeric.c.
 * Known gaps: the session's first seed comes from its own random source, not Postgres's.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { Numeric, compareNumeric } from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import type { SessionContext } from '../../session/session-context.js';
import type { Value } from '../../types/values.js';
import { fn } from '../registry.js';

const MASK = (1n << 64n) - 1n;

/** xoroshiro128** state. */
export interface PrngState {
  s0: bigint;
  s1: bigint;
}

const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (64n - k))) & MASK;

/** One 64-bit output. */
export function prngNext(st: PrngState): bigint {
  const s0 = st.s0;
  const sx = st.s1 ^ s0;
  const val = (rotl((s0 * 5n) & MASK, 7n) * 9n) & MASK;
  st.s0 = rotl(s0, 24n) ^ sx ^ ((sx << 16n) & MASK);
  st.s1 = rotl(sx, 37n);
  return val;
}

function splitmix(seed: { v: bigint }): bigint {
  seed.v = (seed.v + 0x9e3779b97f4a7c15n) & MASK;
  let z = seed.v;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

/** pg_prng_seed. */
export function prngSeed(seed: bigint): PrngState {
  const s = { v: seed & MASK };
  const st = { s0: splitmix(s), s1: splitmix(s) };
  if (st.s0 === 0n && st.s1 === 0n) st.s0 = 0x5851f42d4c957f2dn;
  return st;
}

/** pg_prng_fseed: a seed in [-1, 1] scaled by 2^52 - 1. */
export function prngFseed(x: number): PrngState {
  return prngSeed(BigInt.asUintN(64, BigInt(Math.trunc(4503599627370495 * x))));
}

/** pg_prng_double: uniform in [0, 1) with 52 random bits. */
export function prngDouble(st: PrngState): number {
  return Number(prngNext(st) >> 12n) / 4503599627370496;
}

/** pg_prng_int64_range: uniform in [min, max] by bitmask rejection. */
export function prngRange(st: PrngState, min: bigint, max: bigint): bigint {
  if (max <= min) return min;
  const range = (max - min) & MASK;
  const shift = 64n - BigInt(range.toString(2).length);
  let v: bigint;
  do v = prngNext(st) >> shift;
  while (v > range);
  return min + v;
}

const states = new WeakMap<SessionContext, PrngState>();

function stateOf(rt: ExprRuntime): PrngState {
  let st = states.get(rt.session);
  if (!st) {
    // 64 seed bits from the session's source (deterministic when the session's clock is).
    const hi = BigInt(Math.floor(rt.session.random() * 2 ** 32));
    const lo = BigInt(Math.floor(rt.session.random() * 2 ** 32));
    st = prngSeed((hi << 32n) | lo);
    states.set(rt.session, st);
  }
  return st;
}

fn('random', [], OID.float8, (_a, rt) => prngDouble(stateOf(rt)), { volatility: 'v' });
fn('setseed', [OID.float8], OID.void, (a, rt) => {
  const x = a[0] as number;
  if (!(x >= -1 && x <= 1)) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `setseed parameter ${x} is out of allowed range [-1,1]`);
  }
  states.set(rt.session, prngFseed(x));
  return '';
}, { volatility: 'v' });

function rangeError(): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, 'lower bound must be less than or equal to upper bound');
}
fn('random', [OID.int4, OID.int4], OID.int4, (a, rt) => {
  if ((a[0] as number) > (a[1] as number)) throw rangeError();
  return Number(prngRange(stateOf(rt), BigInt(a[0] as number), BigInt(a[1] as number)));
}, { volatility: 'v' });
fn('random', [OID.int8, OID.int8], OID.int8, (a, rt) => {
  if ((a[0] as bigint) > (a[1] as bigint)) throw rangeError();
  return prngRange(stateOf(rt), a[0] as bigint, a[1] as bigint);
}, { volatility: 'v' });
fn('random', [OID.numeric, OID.numeric], OID.numeric, (a, rt) => {
  const lo = a[0] as Numeric;
  const hi = a[1] as Numeric;
  for (const [bound, v] of [['lower', lo], ['upper', hi]] as const) {
    if (!v.isFinite()) throw new PgError(SQLSTATE.invalid_parameter_value, `${bound} bound cannot be ${v.isNaN() ? 'NaN' : 'infinity'}`);
  }
  if (compareNumeric(lo, hi) > 0) throw rangeError();
  const scale = Math.max(lo.scale, hi.scale);
  const l = lo.coef * 10n ** BigInt(scale - lo.scale);
  const h = hi.coef * 10n ** BigInt(scale - hi.scale);
  return Numeric.of(l + randomVar(stateOf(rt), h - l, scale), scale);
}, { volatility: 'v' });

const NBASE = 10000n;

/**
 * A uniform value in [0, rlen] (integers in units of 10^-rscale) drawn as Postgres's random_var
 * draws it, NBASE digit by digit, so the values after setseed() match: the first up to 4 digits
 * in one draw bounded by rlen's leading digits, the rest freely, retried while above rlen.
 */
function randomVar(st: PrngState, rlen: bigint, rscale: number): bigint {
  if (rlen === 0n) return 0n;
  const fracDigits = Math.ceil(rscale / 4);
  const pow10 = 10n ** BigInt(fracDigits * 4 - rscale);
  // rlen as NBASE digits down to the last fractional one, most significant first.
  const scaled = rlen * pow10;
  const digits: bigint[] = [];
  for (let v = scaled; v > 0n; v /= NBASE) digits.unshift(v % NBASE);
  const n = digits.length;
  let rlen64 = digits[0];
  let k = 1;
  while (k < n && k < 4) rlen64 = rlen64 * NBASE + digits[k++];
  for (;;) {
    const res: bigint[] = new Array(n).fill(0n);
    let rand = k === n && pow10 !== 1n ? prngRange(st, 0n, rlen64 / pow10) * pow10 : prngRange(st, 0n, rlen64);
    for (let i = k - 1; i >= 0; i--) {
      res[i] = rand % NBASE;
      rand /= NBASE;
    }
    const whole = pow10 !== 1n ? n - 1 : n;
    let i = k;
    while (i < whole - 3) {
      rand = prngRange(st, 0n, NBASE ** 4n - 1n);
      for (let j = 0; j < 3; j++) {
        res[i++] = rand % NBASE;
        rand /= NBASE;
      }
      res[i++] = rand;
    }
    while (i < whole) res[i++] = prngRange(st, 0n, NBASE - 1n);
    if (i < n) res[i] = prngRange(st, 0n, NBASE / pow10 - 1n) * pow10;
    let v = 0n;
    for (const d of res) v = v * NBASE + d;
    if (v <= scaled) return v / pow10;
  }
}
fn('random_normal', [OID.float8, OID.float8], OID.float8, (a: Value[], rt) => {
  const st = stateOf(rt);
  // Box-Muller on (0, 1], as Postgres's pg_prng_double_normal.
  const u1 = 1 - prngDouble(st);
  const u2 = 1 - prngDouble(st);
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.sin(2 * Math.PI * u2);
  const mean = a[0] === undefined ? 0 : (a[0] as number);
  const stddev = a[1] === undefined ? 1 : (a[1] as number);
  return stddev * z + mean;
}, { volatility: 'v', defaults: 2, argNames: ['mean', 'stddev'], argDefaults: [0, 1] });

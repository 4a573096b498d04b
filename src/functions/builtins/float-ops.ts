/**
 * float4/float8 operators: `+ - * /` on same-type and mixed float4/float8 pairs (mixed pairs
 * compute in float8), unary `- + @`, and float8's `^`, `|/` (square root), `||/` (cube root).
 * Overflow/underflow/division-by-zero checks come from types/float.ts.
 *
 * Postgres counterpart: src/backend/utils/adt/float.c (float4pl, float48mul, dpow, dsqrt, ...).
 * Known gaps: none known.
 */
import {
  float4Add,
  float4Div,
  float4Mul,
  float4Sub,
  float8Add,
  float8Cbrt,
  float8Div,
  float8Mul,
  float8Power,
  float8Sqrt,
  float8Sub,
} from '../../types/float.js';
import { OID } from '../../types/oids.js';
import { fn, op } from '../registry.js';

type F2 = (a: number, b: number) => number;
const F4 = OID.float4;
const F8 = OID.float8;

function arith(l: number, r: number, res: number, add: F2, sub: F2, mul: F2, div: F2): void {
  op('+', l, r, res, (a, b) => add(a as number, b as number), { commutator: '+' });
  op('-', l, r, res, (a, b) => sub(a as number, b as number));
  op('*', l, r, res, (a, b) => mul(a as number, b as number), { commutator: '*' });
  op('/', l, r, res, (a, b) => div(a as number, b as number));
}

arith(F4, F4, F4, float4Add, float4Sub, float4Mul, float4Div);
arith(F8, F8, F8, float8Add, float8Sub, float8Mul, float8Div);
arith(F4, F8, F8, float8Add, float8Sub, float8Mul, float8Div);
arith(F8, F4, F8, float8Add, float8Sub, float8Mul, float8Div);

for (const t of [F4, F8]) {
  op('-', 0, t, t, (_, a) => -(a as number));
  op('+', 0, t, t, (_, a) => a);
  op('@', 0, t, t, (_, a) => Math.abs(a as number));
}
op('^', F8, F8, F8, (a, b) => float8Power(a as number, b as number));
op('|/', 0, F8, F8, (_, a) => float8Sqrt(a as number));
op('||/', 0, F8, F8, (_, a) => float8Cbrt(a as number));

// float4send / float8send: the binary wire form (IEEE 754, big-endian), as bytea.
fn('float4send', [OID.float4], OID.bytea, (a) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, a[0] as number);
  return b;
});
fn('float8send', [OID.float8], OID.bytea, (a) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, a[0] as number);
  return b;
});

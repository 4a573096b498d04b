/**
 * numeric operators: `+ - * / % ^`, unary `- + @`. Exact decimal arithmetic and Postgres's
 * result scales come from types/numeric.ts.
 *
 * Postgres counterpart: src/backend/utils/adt/numeric.c (numeric_add, numeric_div, numeric_power).
 * Known gaps: none known.
 */
import {
  numericAbs,
  numericAdd,
  numericDiv,
  numericMod,
  numericMul,
  numericNeg,
  numericPower,
  numericSub,
  type Numeric,
} from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import { op } from '../registry.js';

type N2 = (a: Numeric, b: Numeric) => Numeric;
const N = OID.numeric;

function bin(name: string, f: N2, commutator?: string): void {
  op(name, N, N, N, (a, b) => f(a as Numeric, b as Numeric), commutator ? { commutator } : {});
}

bin('+', numericAdd, '+');
bin('-', numericSub);
bin('*', numericMul, '*');
bin('/', numericDiv);
bin('%', numericMod);
bin('^', numericPower);
op('-', 0, N, N, (_, a) => numericNeg(a as Numeric));
op('+', 0, N, N, (_, a) => a);
op('@', 0, N, N, (_, a) => numericAbs(a as Numeric));

/**
 * The numeric type family (Postgres `numeric` / `decimal`): the `Numeric` value class, its TypeIO,
 * and the arithmetic, rounding, transcendental and conversion functions. The implementation lives
 * in ./numeric/ (one file per concern, see its README); this module is the public entry point.
 *
 * Postgres counterpart: src/backend/utils/adt/numeric.c.
 * Known gaps: transcendental results within ~1e-40 relative of a rounding tie may differ.
 */
import type { IoContext, TypeIO } from './type-io.js';
import { parseNumeric } from './numeric/numeric-input.js';
import { applyNumericTypmod } from './numeric/numeric-typmod.js';
import { Numeric, compareNumeric, numericHashKey } from './numeric/numeric-value.js';

export {
  Numeric,
  NumericKind,
  compareNumeric,
  numericHashKey,
  NUMERIC_MAX_DSCALE,
  NUMERIC_MAX_DISPLAY_SCALE,
} from './numeric/numeric-value.js';
export { parseNumeric } from './numeric/numeric-input.js';
export {
  applyNumericTypmod,
  numericTypmod,
  numericTypmodPrecision,
  numericTypmodScale,
  NUMERIC_MAX_PRECISION,
} from './numeric/numeric-typmod.js';
export {
  numericAdd,
  numericSub,
  numericMul,
  numericDiv,
  numericMod,
  numericDivTrunc,
  numericNeg,
  numericAbs,
  numericSign,
  numericGcd,
  numericLcm,
  divisionScale,
} from './numeric/numeric-arith.js';
export {
  numericRound,
  numericTrunc,
  numericCeil,
  numericFloor,
  numericScale,
  numericMinScale,
  numericTrimScale,
} from './numeric/numeric-round.js';
export { numericSqrt, numericExp, numericLn, numericLog, numericLog10 } from './numeric/numeric-transcendental.js';
export { numericPower } from './numeric/numeric-power.js';
export {
  numericToInt2,
  numericToInt4,
  numericToInt8,
  numericFromInt,
  numericFromFloat8,
  numericFromFloat4,
  numericToFloat8,
  numericToFloat4,
} from './numeric/numeric-convert.js';

/**
 * TypeIO of numeric: input parses and applies numeric(p, s); output is Postgres's text.
 *
 * @example
 * numericIO.output(numericIO.input('1.505', numericTypmod(3, 2), DEFAULT_IO_CONTEXT), DEFAULT_IO_CONTEXT); // '1.51'
 */
export const numericIO: TypeIO<Numeric> = {
  input(text: string, typmod: number, _ctx: IoContext): Numeric {
    const v = parseNumeric(text);
    return typmod >= 4 ? applyNumericTypmod(v, typmod) : v;
  },
  output(value: Numeric, _ctx: IoContext): string {
    return value.toString();
  },
  compare: compareNumeric,
  hashKey: numericHashKey,
  applyTypmod(value: Numeric, typmod: number): Numeric {
    return applyNumericTypmod(value, typmod);
  },
};

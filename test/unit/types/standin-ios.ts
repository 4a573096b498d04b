/**
 * Test-only stand-ins for int4 and bool TypeIOs, used by the array and record tests until
 * src/types/int.ts and src/types/bool.ts exist. Exact for the inputs those tests feed them
 * (decimal integers with surrounding whitespace; t/f/true/false/yes/no/on/off/1/0).
 */
import { PgError } from '../../../src/errors/pg-error.js';
import type { TypeIO } from '../../../src/types/type-io.js';

export const int4StandIn: TypeIO<number> = {
  input(text) {
    const t = text.replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '');
    if (!/^[+-]?\d+$/.test(t)) throw new PgError('22P02', `invalid input syntax for type integer: "${text}"`);
    const n = Number(t);
    if (n > 2147483647 || n < -2147483648) throw new PgError('22003', `value "${text}" is out of range for type integer`);
    return n;
  },
  output: (v) => String(v),
  compare: (a, b) => a - b,
  hashKey: (v) => v,
};

export const boolStandIn: TypeIO<boolean> = {
  input(text) {
    const t = text.trim().toLowerCase();
    if (['t', 'true', 'yes', 'on', '1'].includes(t)) return true;
    if (['f', 'false', 'no', 'off', '0'].includes(t)) return false;
    throw new PgError('22P02', `invalid input syntax for type boolean: "${text}"`);
  },
  output: (v) => (v ? 't' : 'f'),
  compare: (a, b) => Number(a) - Number(b),
  hashKey: (v) => v,
};

/**
 * macaddr and macaddr8 operators and functions: comparisons, bitwise `~ & |`, trunc,
 * macaddr8_set7bit, and the macaddr ↔ macaddr8 casts (the narrowing one fails unless bytes 4-5
 * are FF:FE). Values are canonical text (types/mac.ts), so bitwise work goes through bytes.
 *
 * Postgres counterpart: src/backend/utils/adt/mac.c, mac8.c.
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { registerCast } from '../../analyze/special-casts.js';
import { macFromBytes, macToBytes } from '../../types/mac.js';
import { OID } from '../../types/oids.js';
import type { Value } from '../../types/values.js';
import { fn, op } from '../registry.js';
import { registerComparisons } from './comparison.js';

const strCmp = (a: Value, b: Value): number => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0);
const strEq = (a: Value, b: Value): boolean => a === b;

const bytes = (v: Value): number[] => macToBytes(v as string);
const mapBytes = (v: Value, f: (b: number, i: number) => number): string => macFromBytes(bytes(v).map((b, i) => f(b, i) & 0xff));

/** macaddr8 → macaddr: only EUI-48-derived addresses (xx:xx:xx:ff:fe:xx:xx:xx) narrow. */
export function macaddr8ToMacaddr(v: string): string {
  const b = macToBytes(v);
  if (b[3] !== 0xff || b[4] !== 0xfe) {
    throw new PgError(SQLSTATE.numeric_value_out_of_range, 'macaddr8 data out of range to convert to macaddr', {
      hint:
        'Only addresses that have FF and FE as values in the 4th and 5th bytes from the left, for example ' +
        'xx:xx:xx:ff:fe:xx:xx:xx, are eligible to be converted from macaddr8 to macaddr.',
    });
  }
  return macFromBytes([b[0], b[1], b[2], b[5], b[6], b[7]]);
}

/** macaddr → macaddr8: FF:FE in the middle. */
export function macaddrToMacaddr8(v: string): string {
  const b = macToBytes(v);
  return macFromBytes([b[0], b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]]);
}

for (const t of [OID.macaddr, OID.macaddr8]) {
  registerComparisons(t, t, strCmp, strEq);
  op('~', 0, t, t, (_l, v) => mapBytes(v, (b) => ~b));
  op('&', t, t, t, (a, b) => {
    const y = bytes(b);
    return mapBytes(a, (x, i) => x & y[i]);
  }, { commutator: '&' });
  op('|', t, t, t, (a, b) => {
    const y = bytes(b);
    return mapBytes(a, (x, i) => x | y[i]);
  }, { commutator: '|' });
  fn('trunc', [t], t, (a) => mapBytes(a[0], (b, i) => (i < 3 ? b : 0)));
}
fn('macaddr8_set7bit', [OID.macaddr8], OID.macaddr8, (a) => mapBytes(a[0], (b, i) => (i === 0 ? b | 0x02 : b)));
fn('macaddr8', [OID.macaddr], OID.macaddr8, (a) => macaddrToMacaddr8(a[0] as string));
fn('macaddr', [OID.macaddr8], OID.macaddr, (a) => macaddr8ToMacaddr(a[0] as string));
registerCast(OID.macaddr, OID.macaddr8, (v) => macaddrToMacaddr8(v as string));
registerCast(OID.macaddr8, OID.macaddr, (v) => macaddr8ToMacaddr(v as string));

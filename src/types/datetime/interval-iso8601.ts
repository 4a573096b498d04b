/**
 * ISO 8601 durations as interval input: the designator format (`P1Y2M3DT4H5M6.5S`, `P1W`, with
 * signed and fractional fields) and the alternative formats (`P0001-02-03T04:05:06`,
 * `P00010203T040506`). Case-sensitive, no spaces, as in Postgres.
 *
 * Postgres counterpart: DecodeISO8601Interval, ParseISO8601Number, ISO8601IntegerWidth in
 * src/backend/utils/adt/datetime.c.
 */
import { dterr } from './errors.js';
import {
  addDays, addFractDays, addFractMicros, addFractYears, addMicros, addMonths, addYears, checkI64, newItmIn, type ItmIn,
} from './interval-adjust.js';

/** Number at the start of an ISO 8601 field: integer part, fraction (same sign), rest. */
function iso8601Number(s: string): { val: bigint; fval: number; rest: string } {
  if (!/^[-0-9.]/.test(s)) dterr('bad-format');
  const m = /^([+-]?)(\d*)(\.\d*)?/.exec(s)!;
  if (m[2] === '' && (m[3] === undefined || m[3] === '.')) dterr('bad-format');
  let val = m[2] === '' ? 0n : BigInt(m[2]!);
  let fval = m[3] && m[3].length > 1 ? Number('0' + m[3]) : 0;
  if (m[1] === '-') {
    val = -val;
    fval = -fval;
  }
  checkI64(val);
  return { val, fval, rest: s.slice(m[0].length) };
}

const isoWidth = (s: string): number => /^-?(\d*)/.exec(s)![1]!.length;

/** Decodes an ISO 8601 duration (`P1Y2M3DT4H5M6S`, `P1W`, `P0001-02-03T04:05:06`, `P00010203T040506`). */
export function decodeIso8601Interval(input: string): ItmIn {
  const itm: ItmIn = newItmIn();
  if (input.length < 2 || input[0] !== 'P') dterr('bad-format');
  let str = input.slice(1);
  let datePart = true;
  let haveField = false;
  while (str.length > 0) {
    if (str[0] === 'T') {
      datePart = false;
      haveField = false;
      str = str.slice(1);
      continue;
    }
    const fieldStart = str;
    let { val, fval, rest } = iso8601Number(str);
    const unit = rest[0] ?? '';
    str = rest.slice(1);
    if (datePart) {
      switch (unit) {
        case 'Y':
          addYears(itm, val, 1);
          addFractYears(itm, fval, 1);
          break;
        case 'M':
          addMonths(itm, val);
          addFractDays(itm, fval, 30);
          break;
        case 'W':
          addDays(itm, val, 7);
          addFractDays(itm, fval, 7);
          break;
        case 'D':
          addDays(itm, val, 1);
          addFractMicros(itm, fval, 86_400_000_000);
          break;
        case 'T':
        case '':
        case '-': {
          if (unit !== '-' && isoWidth(fieldStart) === 8 && !haveField) {
            addYears(itm, val / 10000n, 1);
            addMonths(itm, (val / 100n) % 100n);
            addDays(itm, val % 100n, 1);
            addFractMicros(itm, fval, 86_400_000_000);
            if (unit === '') return itm;
            datePart = false;
            haveField = false;
            continue;
          }
          if (haveField) dterr('bad-format');
          addYears(itm, val, 1);
          addFractYears(itm, fval, 1);
          if (unit === '') return itm;
          if (unit === 'T') {
            datePart = false;
            haveField = false;
            continue;
          }
          ({ val, fval, rest: str } = iso8601Number(str));
          addMonths(itm, val);
          addFractDays(itm, fval, 30);
          if (str === '') return itm;
          if (str[0] === 'T') {
            datePart = false;
            haveField = false;
            str = str.slice(1);
            continue;
          }
          if (str[0] !== '-') dterr('bad-format');
          ({ val, fval, rest: str } = iso8601Number(str.slice(1)));
          addDays(itm, val, 1);
          addFractMicros(itm, fval, 86_400_000_000);
          if (str === '') return itm;
          if (str[0] === 'T') {
            datePart = false;
            haveField = false;
            str = str.slice(1);
            continue;
          }
          return dterr('bad-format');
        }
        default:
          dterr('bad-format');
      }
    } else {
      switch (unit) {
        case 'H':
          addMicros(itm, val, fval, 3_600_000_000);
          break;
        case 'M':
          addMicros(itm, val, fval, 60_000_000);
          break;
        case 'S':
          addMicros(itm, val, fval, 1_000_000);
          break;
        case '':
        case ':': {
          if (unit === '' && isoWidth(fieldStart) === 6 && !haveField) {
            addMicros(itm, val / 10000n, 0, 3_600_000_000);
            addMicros(itm, (val / 100n) % 100n, 0, 60_000_000);
            addMicros(itm, val % 100n, 0, 1_000_000);
            addFractMicros(itm, fval, 1_000_000);
            return itm;
          }
          if (haveField) dterr('bad-format');
          addMicros(itm, val, fval, 3_600_000_000);
          if (unit === '') return itm;
          ({ val, fval, rest: str } = iso8601Number(str));
          addMicros(itm, val, fval, 60_000_000);
          if (str === '') return itm;
          if (str[0] !== ':') dterr('bad-format');
          ({ val, fval, rest: str } = iso8601Number(str.slice(1)));
          addMicros(itm, val, fval, 1_000_000);
          if (str === '') return itm;
          return dterr('bad-format');
        }
        default:
          dterr('bad-format');
      }
    }
    haveField = true;
  }
  return itm;
}

/**
 * Unit words: the interval units of interval input (`2 hours`, `3 mons ago`) and the field names of
 * extract/date_part/date_trunc (`epoch`, `dow`, `isoyear`, ...). Like Postgres, only the first ten
 * characters of a word are compared, so `microseconds` matches `microsecon`.
 *
 * Postgres counterpart: deltatktbl, DecodeUnits and DecodeSpecial in src/backend/utils/adt/datetime.c.
 */

/** A unit a word names. */
export type DateUnit =
  | 'microsecond' | 'millisecond' | 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month'
  | 'quarter' | 'year' | 'decade' | 'century' | 'millennium'
  | 'timezone' | 'timezone_hour' | 'timezone_minute'
  | 'dow' | 'doy' | 'isodow' | 'isoyear' | 'epoch' | 'julian';

/** What a word in interval input or a field-name argument means. */
export type UnitWord = { kind: 'unit'; unit: DateUnit } | { kind: 'ago' } | { kind: 'ignore' };

const TOKMAXLEN = 10;

const UNIT_WORDS: Record<string, DateUnit> = {};
const add = (unit: DateUnit, ...words: string[]): void => {
  for (const w of words) UNIT_WORDS[w.slice(0, TOKMAXLEN)] = unit;
};
add('century', 'c', 'cent', 'centuries', 'century');
add('day', 'd', 'day', 'days');
add('decade', 'dec', 'decade', 'decades', 'decs');
add('hour', 'h', 'hour', 'hours', 'hr', 'hrs');
add('minute', 'm', 'min', 'mins', 'minute', 'minutes');
add('microsecond', 'microsecond', 'us', 'usec', 'usecond', 'useconds', 'usecs');
add('millennium', 'mil', 'millennia', 'millennium', 'mils');
add('millisecond', 'millisecond', 'ms', 'msec', 'msecond', 'mseconds', 'msecs');
add('month', 'mon', 'mons', 'month', 'months');
add('quarter', 'qtr', 'quarter');
add('second', 's', 'sec', 'second', 'seconds', 'secs');
add('timezone', 'timezone');
add('timezone_hour', 'timezone_hour');
add('timezone_minute', 'timezone_minute');
add('week', 'w', 'week', 'weeks');
add('year', 'y', 'year', 'years', 'yr', 'yrs');

/** Field names only extract/date_part know (Postgres keeps them in the date keyword table). */
const DATE_ONLY_UNITS: Record<string, DateUnit> = {
  dow: 'dow', doy: 'doy', isodow: 'isodow', isoyear: 'isoyear', j: 'julian', jd: 'julian', julian: 'julian',
};

/**
 * Postgres's DecodeUnits: a lower-cased word of interval input, or a field name for date_trunc
 * (which knows only these words).
 */
export function lookupUnitWord(word: string): UnitWord | undefined {
  const key = word.slice(0, TOKMAXLEN);
  if (key === '@') return { kind: 'ignore' };
  if (key === 'ago') return { kind: 'ago' };
  const unit = UNIT_WORDS[key];
  return unit ? { kind: 'unit', unit } : undefined;
}

/**
 * How extract/date_part/date_trunc classify a (lower-cased) field name: a unit; a reserved word
 * (`epoch` is the only one with a meaning, others are "not supported"); or unknown ("not recognized").
 */
export type FieldName = { kind: 'unit'; unit: DateUnit } | { kind: 'reserved'; unit?: 'epoch' } | { kind: 'unknown' };

const RESERVED = new Set(['epoch', 'infinity', '-infinity', '+infinity', 'now', 'today', 'tomorrow', 'yesterday', 'allballs']);

/** Classifies a field-name argument as Postgres's DecodeUnits + DecodeSpecial do. */
export function classifyFieldName(name: string): FieldName {
  const w = lookupUnitWord(name);
  if (w?.kind === 'unit') return w;
  const key = name.slice(0, TOKMAXLEN);
  const dateOnly = DATE_ONLY_UNITS[key];
  if (dateOnly) return { kind: 'unit', unit: dateOnly };
  if (RESERVED.has(key)) return key === 'epoch' ? { kind: 'reserved', unit: 'epoch' } : { kind: 'reserved' };
  return { kind: 'unknown' };
}

/** Lower-cases a field-name argument as Postgres's downcase_truncate_identifier (ASCII only, 63 bytes). */
export function lowerFieldName(name: string): string {
  const lower = name.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return Buffer.byteLength(lower) > 63 ? Buffer.from(lower).subarray(0, 63).toString() : lower;
}

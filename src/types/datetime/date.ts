/**
 * The `date` type: days since 2000-01-01 (±Infinity for 'infinity'/'-infinity'); text input with
 * every form DecodeDateTime accepts, output in the session DateStyle.
 *
 * Postgres counterpart: date_in / date_out / date_cmp in src/backend/utils/adt/date.c.
 */
import type { IoContext, TypeIO } from '../type-io.js';
import { date2j, isValidJulianYm, j2date, MIN_DATE, END_DATE, POSTGRES_EPOCH_JDATE, UNIX_EPOCH_JDATE } from './calendar.js';
import { parseDateStyle } from './datestyle.js';
import { outOfRange } from './errors.js';
import { formatDateFields } from './format.js';
import { parseDateTimeText } from './io-context.js';

/** Whether a day count (since 2000-01-01) is within date's range. */
export function isValidDate(days: number): boolean {
  return days >= MIN_DATE && days < END_DATE;
}

/** Parses date text (Postgres's date_in). */
export function dateIn(text: string, ctx: IoContext): number {
  const { decoded } = parseDateTimeText(text, 'date', ctx);
  switch (decoded.kind) {
    case 'late':
      return Infinity;
    case 'early':
      return -Infinity;
    case 'epoch':
      return UNIX_EPOCH_JDATE - POSTGRES_EPOCH_JDATE;
    case 'date': {
      const { year, month, day } = decoded.st;
      if (!isValidJulianYm(year, month)) throw outOfRange('date', text);
      const days = date2j(year, month, day) - POSTGRES_EPOCH_JDATE;
      if (!isValidDate(days)) throw outOfRange('date', text);
      return days;
    }
  }
}

/** Formats a date (Postgres's date_out). */
export function dateOut(days: number, ctx: IoContext): string {
  if (days === Infinity) return 'infinity';
  if (days === -Infinity) return '-infinity';
  const { year, month, day } = j2date(days + POSTGRES_EPOCH_JDATE);
  return formatDateFields(year, month, day, parseDateStyle(ctx.dateStyle));
}

/**
 * TypeIO of `date`.
 *
 * @example dateIO.output(dateIO.input('Jan 5, 2024', -1, DEFAULT_IO_CONTEXT), DEFAULT_IO_CONTEXT) // '2024-01-05'
 */
export const dateIO: TypeIO<number> = {
  input: (text, _typmod, ctx) => dateIn(text, ctx),
  output: dateOut,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  hashKey: (v) => v,
};

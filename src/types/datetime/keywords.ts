/**
 * The words date/time input understands besides zone names: months, weekdays, AM/PM, AD/BC,
 * special values (`epoch`, `infinity`, `now`, `today`, `allballs`, ...), the ISO `T` separator,
 * Julian-day labels and noise words.
 *
 * Postgres counterpart: datetktbl in src/backend/utils/adt/datetime.c.
 */

/** What a keyword means. `value` is the month (1..12), weekday (0 = Sunday), or a sub-kind. */
export type DateKeyword =
  | { kind: 'month'; value: number }
  | { kind: 'dow'; value: number }
  | { kind: 'ampm'; value: 'am' | 'pm' }
  | { kind: 'adbc'; value: 'ad' | 'bc' }
  | { kind: 'reserved'; value: 'epoch' | 'late' | 'early' | 'now' | 'today' | 'tomorrow' | 'yesterday' | 'zulu' }
  | { kind: 'isotime' }
  | { kind: 'julian' }
  /** Unit labels (`d`, `h`, `m`, `mm`, `s`, `y`): they label the next field, which then fails to decode. */
  | { kind: 'units'; value: string }
  | { kind: 'ignore' };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const DOWS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

const TABLE = new Map<string, DateKeyword>();
for (const [k, v] of Object.entries(MONTHS)) TABLE.set(k, { kind: 'month', value: v });
for (const [k, v] of Object.entries(DOWS)) TABLE.set(k, { kind: 'dow', value: v });
TABLE.set('am', { kind: 'ampm', value: 'am' });
TABLE.set('pm', { kind: 'ampm', value: 'pm' });
TABLE.set('ad', { kind: 'adbc', value: 'ad' });
TABLE.set('bc', { kind: 'adbc', value: 'bc' });
TABLE.set('epoch', { kind: 'reserved', value: 'epoch' });
TABLE.set('infinity', { kind: 'reserved', value: 'late' });
TABLE.set('+infinity', { kind: 'reserved', value: 'late' });
TABLE.set('-infinity', { kind: 'reserved', value: 'early' });
TABLE.set('now', { kind: 'reserved', value: 'now' });
TABLE.set('today', { kind: 'reserved', value: 'today' });
TABLE.set('tomorrow', { kind: 'reserved', value: 'tomorrow' });
TABLE.set('yesterday', { kind: 'reserved', value: 'yesterday' });
TABLE.set('allballs', { kind: 'reserved', value: 'zulu' });
TABLE.set('t', { kind: 'isotime' });
TABLE.set('j', { kind: 'julian' });
TABLE.set('jd', { kind: 'julian' });
TABLE.set('julian', { kind: 'julian' });
for (const u of ['d', 'h', 'm', 'mm', 's', 'y']) TABLE.set(u, { kind: 'units', value: u });
TABLE.set('on', { kind: 'ignore' });
TABLE.set('at', { kind: 'ignore' });

/** Looks up a lower-cased word. */
export function lookupDateKeyword(word: string): DateKeyword | undefined {
  return TABLE.get(word);
}

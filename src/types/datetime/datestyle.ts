/**
 * The DateStyle setting: output style (ISO, SQL, Postgres, German) and input field order
 * (MDY, DMY, YMD) for ambiguous dates such as `01/02/2024`.
 *
 * Postgres counterpart: check_datestyle in src/backend/commands/variable.c.
 */
import type { DateOrder } from './decode-fields.js';

export type DateOutputStyle = 'ISO' | 'SQL' | 'Postgres' | 'German';

export interface DateStyle {
  style: DateOutputStyle;
  order: DateOrder;
}

const cache = new Map<string, DateStyle>();

/**
 * Parses a DateStyle value such as `ISO, MDY` (case-insensitive; `Euro`/`European` mean DMY,
 * `US`/`NonEuro`/`NonEuropean` MDY). Unknown words are ignored; German without an order means DMY.
 */
export function parseDateStyle(value: string): DateStyle {
  let ds = cache.get(value);
  if (ds) return ds;
  let style: DateOutputStyle = 'ISO';
  let order: DateOrder | undefined;
  for (const raw of value.split(/[\s,]+/)) {
    const w = raw.toLowerCase();
    if (w === 'iso') style = 'ISO';
    else if (w === 'sql') style = 'SQL';
    else if (w === 'postgres') style = 'Postgres';
    else if (w === 'german') style = 'German';
    else if (w === 'ymd') order = 'YMD';
    else if (w === 'dmy' || w === 'euro' || w === 'european') order = 'DMY';
    else if (w === 'mdy' || w === 'us' || w === 'noneuro' || w === 'noneuropean') order = 'MDY';
  }
  ds = { style, order: order ?? (style === 'German' ? 'DMY' : 'MDY') };
  cache.set(value, ds);
  return ds;
}

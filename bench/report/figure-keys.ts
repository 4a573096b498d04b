/**
 * The headline keys of each figure: the rows of the main table, with labels and units, and which
 * keys a failed figure leaves without a value.
 *
 * Postgres counterpart: none.
 */
import type { FigureName } from '../options.js';

/** A row of the main table. */
export interface HeadlineKey {
  readonly key: string;
  readonly figure: FigureName;
  readonly label: string;
  /** Unit shown in the table; values are converted from the recorded unit. */
  readonly unit: 'ms' | 'µs' | 'MB' | 'B';
}

export const HEADLINE_KEYS: readonly HeadlineKey[] = [
  { key: 'ready.cold', figure: 'ready', label: 'ready, cold (fresh process)', unit: 'ms' },
  { key: 'ready.warm', figure: 'ready', label: 'ready, warm', unit: 'ms' },
  { key: 'insert', figure: 'insert', label: 'insert, per row', unit: 'µs' },
  { key: 'insert_plain', figure: 'insert_plain', label: 'insert without the trigger, per row', unit: 'µs' },
  { key: 'select_pk', figure: 'select_pk', label: 'select_pk, per query', unit: 'µs' },
  { key: 'join_agg', figure: 'join_agg', label: 'join_agg, median run', unit: 'ms' },
  { key: 'parse_heavy', figure: 'parse_heavy', label: 'parse_heavy, per statement', unit: 'µs' },
  { key: 'txn.rollback', figure: 'txn', label: 'BEGIN + 100 inserts + ROLLBACK', unit: 'ms' },
  { key: 'reset', figure: 'reset', label: 'reset, cheapest correct', unit: 'ms' },
  { key: 'scale.reset@1k', figure: 'scale', label: 'reset at 1k orders rows', unit: 'ms' },
  { key: 'scale.reset@100k', figure: 'scale', label: 'reset at 100k orders rows', unit: 'ms' },
  { key: 'scale.copy_memory', figure: 'scale', label: 'memory per held copy (100k rows)', unit: 'MB' },
  { key: 'memory.instance', figure: 'memory', label: 'memory per instance', unit: 'MB' },
  { key: 'memory.row', figure: 'memory', label: 'memory per row', unit: 'B' },
];

/** Headline keys of a figure. */
export function keysOf(figure: FigureName): string[] {
  return HEADLINE_KEYS.filter((k) => k.figure === figure).map((k) => k.key);
}

/** Converts a recorded value (unit `ms`, `us` or `B`) to the display unit. */
export function toDisplay(value: number, recorded: string, display: string): number {
  if (recorded === display) return value;
  if (recorded === 'us' && display === 'µs') return value;
  if (recorded === 'B' && display === 'MB') return value / 1e6;
  if (recorded === 'ms' && display === 'µs') return value * 1000;
  if (recorded === 'us' && display === 'ms') return value / 1000;
  return value;
}

/**
 * The performance targets from the issue, and their evaluation against a run's medians.
 *
 * Postgres counterpart: none. Limits are inclusive (met when value <= limit).
 */
import type { Cell, TargetResult } from './results.js';

interface TargetSpec {
  readonly text: string;
  readonly engine: string;
  /** A key, or several (the best of them counts, e.g. fork or restore). */
  readonly keys: readonly string[];
  readonly limit: number;
  readonly unit: string;
  /** Compare the ratio to real Postgres instead of the value. */
  readonly ratio?: boolean;
  /** Recorded unit to display unit factor. */
  readonly scale?: number;
  /** Compare the ratio of this key's value to `keys`'s instead of the value (same engine). */
  readonly over?: string;
}

const SPECS: readonly TargetSpec[] = [
  { text: '`ready` warm ≤ 10 ms (db.query)', engine: 'fauxgres', keys: ['ready.warm'], limit: 10, unit: 'ms' },
  { text: '`insert` through the in-process pg client ≤ 30 µs/row', engine: 'fauxgres-pg', keys: ['insert'], limit: 30, unit: 'µs' },
  { text: '`select_pk` ≤ 20 µs (in-process pg client)', engine: 'fauxgres-pg', keys: ['select_pk'], limit: 20, unit: 'µs' },
  { text: '`select_pk` ≤ 5 µs through db.query (cached plan)', engine: 'fauxgres', keys: ['select_pk'], limit: 5, unit: 'µs' },
  { text: '`join_agg` ≤ 0.8× real Postgres', engine: 'fauxgres', keys: ['join_agg'], limit: 0.8, unit: '×', ratio: true },
  { text: '`reset` by fork or restore ≤ 0.02 ms', engine: 'fauxgres', keys: ['reset.fork', 'reset.restore'], limit: 0.02, unit: 'ms' },
  { text: '`reset` by fork or restore at 100k rows ≤ 0.02 ms', engine: 'fauxgres', keys: ['scale.fork@100k', 'scale.restore@100k'], limit: 0.02, unit: 'ms' },
  { text: 'insert with the PL/pgSQL BEFORE trigger ≤ 2× without it', engine: 'fauxgres', keys: ['insert'], over: 'insert_plain', limit: 2, unit: '×' },
  { text: 'memory ≤ 1.5 MB per new instance', engine: 'fauxgres', keys: ['memory.instance'], limit: 1.5, unit: 'MB', scale: 1e-6 },
  { text: 'memory ≤ 300 B per row', engine: 'fauxgres', keys: ['memory.row'], limit: 300, unit: 'B' },
];

/** Evaluates every target; `engineStatus` explains a missing engine. */
export function evaluateTargets(
  cells: Record<string, Record<string, Cell>>,
  vsPostgres: Record<string, Record<string, number>>,
  engineStatus: (engine: string) => string | undefined,
): TargetResult[] {
  return SPECS.map((t) => {
    const candidates = t.keys
      .map((key) => ({ key, cell: cells[key]?.[t.engine] }))
      .filter((c) => c.cell && Number.isFinite(c.cell.median) && !c.cell.notes.some((n) => n.startsWith('DOES NOT RESET')));
    const values = candidates.map((c) => ({
      key: c.key,
      value: t.ratio
        ? vsPostgres[c.key]?.[t.engine]
        : t.over
          ? c.cell!.median / (cells[t.over]?.[t.engine]?.median ?? NaN)
          : c.cell!.median * (t.scale ?? 1),
    }));
    const best = values.filter((v) => v.value !== undefined && Number.isFinite(v.value)).sort((a, b) => a.value! - b.value!)[0];
    const base = { text: t.text, engine: t.engine, limit: t.limit, unit: t.unit };
    if (!best) {
      const why = engineStatus(t.engine) ?? (t.ratio ? 'no value for the engine or for real Postgres' : 'no value');
      return { ...base, key: t.keys.join(' | '), status: 'not measured', why };
    }
    return { ...base, key: best.key, value: best.value, status: best.value! <= t.limit ? 'met' : 'not met' };
  });
}

/**
 * Turns raw per-repetition records into the summary: min / median / max per key and engine,
 * ratios against real Postgres and against fauxgres, the targets, and the join_agg fingerprints.
 *
 * Postgres counterpart: none.
 */
import { FAUXGRES_ENGINE, REFERENCE_ENGINE } from '../engines/registry.js';
import { spread } from '../timing.js';
import type { Cell, Results, Summary } from './results.js';
import { evaluateTargets } from './targets.js';

type Input = Omit<Results, 'summary'>;

function ratiosAgainst(cells: Summary['cells'], reference: string): Summary['vsPostgres'] {
  const out: Summary['vsPostgres'] = {};
  for (const [key, byEngine] of Object.entries(cells)) {
    const ref = byEngine[reference]?.median;
    if (ref === undefined || !Number.isFinite(ref) || ref <= 0) continue;
    for (const [engine, cell] of Object.entries(byEngine)) {
      if (Number.isFinite(cell.median)) (out[key] ??= {})[engine] = cell.median / ref;
    }
  }
  return out;
}

/** Computes the summary of a run. */
export function summarize(input: Input): Summary {
  const grouped = new Map<string, { unit: string; values: number[]; notes: Set<string>; errors: Set<string> }>();
  for (const r of input.runs) {
    const id = `${r.key}\u0000${r.engine}`;
    let g = grouped.get(id);
    if (!g) grouped.set(id, (g = { unit: r.unit, values: [], notes: new Set(), errors: new Set() }));
    if (r.value !== undefined && Number.isFinite(r.value)) g.values.push(r.value);
    if (r.unit) g.unit = r.unit;
    if (r.note) g.notes.add(r.note);
    if (r.error) g.errors.add(r.error);
  }
  const cells: Summary['cells'] = {};
  for (const [id, g] of grouped) {
    const [key, engine] = id.split('\u0000') as [string, string];
    const s = g.values.length ? spread(g.values) : { min: NaN, median: NaN, max: NaN, n: 0 };
    const cell: Cell = { ...s, unit: g.unit, notes: [...g.notes], errors: [...g.errors] };
    (cells[key] ??= {})[engine] = cell;
  }
  // A strategy that does not reset is shown but never ranked.
  const ranked: Summary['cells'] = {};
  for (const [key, byEngine] of Object.entries(cells)) {
    for (const [engine, cell] of Object.entries(byEngine)) {
      if (!cell.notes.some((n) => n.startsWith('DOES NOT RESET'))) (ranked[key] ??= {})[engine] = cell;
    }
  }
  const vsPostgres = ratiosAgainst(ranked, REFERENCE_ENGINE);
  const vsFauxgres = ratiosAgainst(ranked, FAUXGRES_ENGINE);
  const joinAggResults: Summary['joinAggResults'] = {};
  for (const i of input.infos) {
    if (i.key !== 'join_agg.result') continue;
    const list = (joinAggResults[i.engine] ??= []) as string[];
    if (!list.includes(i.value)) list.push(i.value);
  }
  const status = (engine: string): string | undefined => {
    const e = input.engines.find((x) => x.name === engine);
    if (!e) return `${engine} was not part of this run`;
    return e.status === 'ok' ? undefined : `${engine} ${e.status}: ${e.reason ?? ''}`.trim();
  };
  return { cells, vsPostgres, vsFauxgres, targets: evaluateTargets(cells, vsPostgres, status), joinAggResults };
}

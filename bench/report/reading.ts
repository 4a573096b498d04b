/**
 * The short generated reading of a run: per figure, engines from best to worst with their ratio
 * to real Postgres; which engines were unavailable or failed; which schema variant each ran;
 * whether every engine returned the same join_agg result; how the targets stand.
 *
 * Postgres counterpart: none. Only facts computed from the results; no adjectives from memory.
 */
import { HEADLINE_KEYS, toDisplay } from './figure-keys.js';
import { num, ratio } from './format.js';
import type { Results } from './results.js';

/** Bullet points (markdown) describing the run. */
export function renderReading(results: Results): string[] {
  const { cells, vsPostgres, joinAggResults, targets } = results.summary;
  const lines: string[] = [];
  for (const k of HEADLINE_KEYS) {
    const byEngine = cells[k.key] ?? {};
    const ranked = Object.entries(byEngine)
      .filter(([, c]) => Number.isFinite(c.median) && !c.notes.some((n) => n.startsWith('DOES NOT RESET')))
      .sort((a, b) => a[1].median - b[1].median);
    if (ranked.length === 0) continue;
    const parts = ranked.map(([e, c]) => {
      const r = vsPostgres[k.key]?.[e];
      const rel = e === 'postgres' || r === undefined ? '' : ` (${ratio(r)} Postgres)`;
      return `${e} ${num(toDisplay(c.median, c.unit, k.unit))} ${k.unit}${rel}`;
    });
    lines.push(`- **${k.label}**: ${parts.join(' < ')}.`);
  }
  const down = results.engines.filter((e) => e.status !== 'ok');
  if (down.length) {
    lines.push(`- Not measured: ${down.map((e) => `${e.name} (${e.status}: ${e.reason ?? 'no reason given'})`).join('; ')}.`);
  }
  const failures = new Map<string, string>();
  for (const r of results.runs) if (r.error && HEADLINE_KEYS.some((k) => k.key === r.key)) failures.set(`${r.engine} ${r.key}`, r.error);
  if (failures.size) {
    lines.push(`- Failed figures: ${[...failures].map(([what, err]) => `${what} (${err})`).join('; ')}.`);
  }
  const variants = results.engines.filter((e) => e.status === 'ok').map((e) => `${e.name}: ${e.variant === 'trigger' ? 'schema.sql (with trigger)' : 'schema-notrigger.sql'}`);
  if (variants.length) lines.push(`- Schema variant run: ${variants.join('; ')}.`);
  const fps = Object.entries(joinAggResults);
  if (fps.length) {
    const distinct = new Set(fps.flatMap(([, v]) => v));
    lines.push(
      distinct.size === 1
        ? `- join_agg returned the same result on every engine (${[...distinct][0]}).`
        : `- join_agg results differ between engines: ${fps.map(([e, v]) => `${e} ${v.join(' / ')}`).join('; ')}.`,
    );
  }
  const met = targets.filter((t) => t.status === 'met').length;
  const notMet = targets.filter((t) => t.status === 'not met').length;
  const unmeasured = targets.length - met - notMet;
  lines.push(`- Targets: ${met} met, ${notMet} not met, ${unmeasured} not measured (of ${targets.length}).`);
  return lines;
}

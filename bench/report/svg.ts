/**
 * The ratio chart (docs/benchmarks.svg): for each headline figure, one bar per engine showing
 * its median divided by real Postgres's, on a log scale centred on 1 (bars to the left are
 * faster or smaller than Postgres, to the right slower or larger). Hand-written SVG, no dependency.
 *
 * Postgres counterpart: none.
 */
import { REFERENCE_ENGINE } from '../engines/registry.js';
import { HEADLINE_KEYS } from './figure-keys.js';
import { ratio } from './format.js';
import type { Results } from './results.js';

const COLORS: Record<string, string> = {
  fauxgres: '#2563eb',
  'fauxgres-pg': '#60a5fa',
  'fauxgres-tcp': '#93c5fd',
  'pg-mem': '#f59e0b',
  pglite: '#10b981',
  postgres: '#6b7280',
};

/** Axis label for 10^p: 0.01×, 1×, 1000×, 10⁴×. */
function tick(p: number): string {
  if (p >= 4) return `10${String(p).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!)}×`;
  if (p <= -4) return `10⁻${String(-p).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!)}×`;
  return `${p >= 0 ? String(10 ** p) : (10 ** p).toFixed(-p)}×`;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Renders the chart; engines without any ratio are left out of the legend. */
export function renderSvg(results: Results): string {
  const ratios = results.summary.vsPostgres;
  // Real Postgres is the 1× line itself, so it gets no bars.
  const engines = results.engines
    .map((e) => e.name)
    .filter((e) => e !== REFERENCE_ENGINE && HEADLINE_KEYS.some((k) => ratios[k.key]?.[e] !== undefined));
  const groups = HEADLINE_KEYS.map((k) => ({ k, bars: engines.filter((e) => ratios[k.key]?.[e] !== undefined) })).filter((g) => g.bars.length);

  const W = 820;
  const left = 240;
  const right = 70;
  const top = 70;
  const barH = 14;
  const gap = 4;
  const groupGap = 16;
  const all = groups.flatMap((g) => g.bars.map((e) => ratios[g.k.key]![e]!)).filter((r) => r > 0);
  // Leave room for the value labels beyond the longest bars.
  const lo = Math.floor(Math.log10(Math.min(0.1, ...all)) - 0.3);
  const hi = Math.ceil(Math.log10(Math.max(10, ...all)) + 0.3);
  const x = (r: number): number => left + ((Math.log10(Math.min(Math.max(r, 10 ** lo), 10 ** hi)) - lo) / (hi - lo)) * (W - left - right);
  const height = top + groups.reduce((h, g) => h + g.bars.length * (barH + gap) + groupGap, 0) + 30;

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`);
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="15" font-weight="600">Median ÷ real PostgreSQL median (log scale; 1× = Postgres, left = faster or smaller)</text>`);
  out.push(`<text x="${W / 2}" y="38" text-anchor="middle" fill="#555">${esc(`${results.mode} run, ${results.repetitions} repetition(s), ${results.generatedAt.slice(0, 10)}`)}</text>`);
  let lx = left;
  for (const e of engines) {
    out.push(`<rect x="${lx}" y="48" width="12" height="12" fill="${COLORS[e] ?? '#999'}"/><text x="${lx + 16}" y="58">${esc(e)}</text>`);
    lx += 36 + e.length * 8;
  }
  const bottom = height - 30;
  for (let p = lo; p <= hi; p++) {
    const px = x(10 ** p);
    out.push(`<line x1="${px}" y1="${top - 6}" x2="${px}" y2="${bottom}" stroke="${p === 0 ? '#111' : '#ddd'}" stroke-width="${p === 0 ? 1.5 : 1}"/>`);
    out.push(`<text x="${px}" y="${bottom + 16}" text-anchor="middle" fill="#555">${esc(tick(p))}</text>`);
  }
  let y = top;
  for (const g of groups) {
    const h = g.bars.length * (barH + gap);
    out.push(`<text x="${left - 10}" y="${y + h / 2 + 2}" text-anchor="end" font-weight="600">${esc(g.k.label)}</text>`);
    for (const e of g.bars) {
      const r = ratios[g.k.key]![e]!;
      const x0 = x(1);
      const x1 = x(r);
      const bx = Math.min(x0, x1);
      const bw = Math.max(Math.abs(x1 - x0), 1.5);
      out.push(`<rect x="${bx.toFixed(1)}" y="${y}" width="${bw.toFixed(1)}" height="${barH}" fill="${COLORS[e] ?? '#999'}"><title>${esc(`${e}: ${ratio(r)}`)}</title></rect>`);
      const tx = r >= 1 ? x1 + 4 : x1 - 4;
      out.push(`<text x="${tx.toFixed(1)}" y="${y + barH - 3}" text-anchor="${r >= 1 ? 'start' : 'end'}" font-size="11" fill="#333">${esc(ratio(r))}</text>`);
      y += barH + gap;
    }
    y += groupGap;
  }
  if (groups.length === 0) out.push(`<text x="${W / 2}" y="${top + 20}" text-anchor="middle">No ratios: real Postgres did not produce values in this run.</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/**
 * Writes the generated docs (docs/benchmarks.md and docs/benchmarks.svg) for a results file.
 *
 * Postgres counterpart: none.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderMarkdown } from './markdown.js';
import type { Results } from './results.js';
import { renderSvg } from './svg.js';

/** Writes `<docsDir>/benchmarks.md` and `<docsDir>/benchmarks.svg`; returns their paths. */
export function writeDocs(results: Results, docsDir: string): string[] {
  const md = join(docsDir, 'benchmarks.md');
  const svg = join(docsDir, 'benchmarks.svg');
  mkdirSync(dirname(md), { recursive: true });
  writeFileSync(svg, renderSvg(results));
  writeFileSync(md, renderMarkdown(results, 'benchmarks.svg'));
  return [md, svg];
}

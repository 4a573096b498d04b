/**
 * `npm run bench`: measures fauxgres, pg-mem, PGlite and real PostgreSQL 18 on the same
 * workload in one run, writes bench/results/latest.json and regenerates docs/benchmarks.md and
 * docs/benchmarks.svg. See bench/README.md for the options and the method.
 *
 * Postgres counterpart: pgbench (src/bin/pgbench/pgbench.c), as a driver, not as a workload.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions } from './options.js';
import { runBenchmark } from './orchestrate.js';
import { writeDocs } from './report/render.js';
import type { Results } from './report/results.js';
import { summarize } from './report/summarize.js';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  let opts;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const out = resolve(root, opts.out);
  let results: Results;
  if (opts.renderOnly) {
    const raw = JSON.parse(readFileSync(out, 'utf8')) as Results;
    results = { ...raw, summary: summarize(raw) };
  } else {
    const t0 = Date.now();
    const log = (line: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
    log(`fauxgres bench: ${opts.profile.name} mode, ${opts.repetitions} repetition(s), figures ${opts.figures.join(', ')}`);
    results = await runBenchmark(opts, log);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    log(`wrote ${out} (${Math.round(results.durationMs / 1000)} s)`);
  }
  if (opts.docs) {
    for (const f of writeDocs(results, resolve(root, 'docs'))) console.log(`wrote ${f}`);
  }
  for (const t of results.summary.targets) console.log(`target ${t.status.padEnd(12)} ${t.text}`);
}

await main();

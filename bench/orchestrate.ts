/**
 * Schedules a run: probes every selected engine in its own process (availability, versions,
 * which schema variant it can run), then for each repetition runs every available engine in a
 * fresh worker, rotating the engine order per repetition so machine drift hits all engines alike.
 * Memory is measured in a separate worker so other figures do not pollute its baseline.
 * A figure that fails or times out is recorded with its error; the run always continues.
 *
 * Postgres counterpart: none (pgbench's driver loop, per engine).
 */
import { createAdapter, ENGINE_NAMES } from './engines/registry.js';
import { describeMachine, withLoadEnd } from './machine.js';
import type { FigureName, Options } from './options.js';
import type { WorkerMessage } from './protocol.js';
import { keysOf, HEADLINE_KEYS } from './report/figure-keys.js';
import type { EngineInfo, InfoRecord, Results, RunRecord } from './report/results.js';
import { summarize } from './report/summarize.js';
import { runWorker } from './spawn-worker.js';

const PROBE_TIMEOUT_MS = 180_000;

function rotate<T>(list: readonly T[], by: number): T[] {
  const n = list.length;
  return n === 0 ? [] : list.map((_, i) => list[(i + by) % n]!);
}

const fmt = (v: number, unit: string): string =>
  `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toPrecision(3)} ${unit === 'us' ? 'µs' : unit}`;

/** Runs the benchmark described by `opts`, logging progress; never throws for an engine's failure. */
export async function runBenchmark(opts: Options, log: (line: string) => void): Promise<Results> {
  const t0 = Date.now();
  const names = opts.engines.length ? opts.engines : ENGINE_NAMES;
  for (const n of names) createAdapter(n); // validates names before anything starts
  let machine = describeMachine();
  const runs: RunRecord[] = [];
  const infos: InfoRecord[] = [];
  const engines: EngineInfo[] = [];

  log(`probing ${names.join(', ')}`);
  for (const name of names) {
    const description = createAdapter(name).description;
    let info: EngineInfo | undefined;
    const outcome = await runWorker(
      { kind: 'probe', engine: name },
      (m) => {
        if (m.type === 'probe') info = { name, description, ...m.result };
      },
      () => PROBE_TIMEOUT_MS,
      PROBE_TIMEOUT_MS,
    );
    info ??= {
      name,
      description,
      status: 'failed',
      reason: outcome.reason ?? `probe ended without an answer (exit ${String(outcome.exitCode)}) ${outcome.stderrTail}`.trim(),
      versions: {},
    };
    engines.push(info);
    const extra = info.status === 'ok' ? `schema ${info.variant}${info.triggerError ? ` (trigger variant: ${info.triggerError})` : ''}` : info.reason;
    log(`  ${name}: ${info.status}${extra ? ` — ${extra}` : ''}`);
  }

  const available = engines.filter((e) => e.status === 'ok');
  // The heavy figures (100k-row databases, 100 instances) run in their own worker, in the first
  // repetition only: they are slow on the slower engines and vary little between runs.
  const HEAVY: readonly FigureName[] = ['scale', 'memory'];
  const main = opts.figures.filter((f) => !HEAVY.includes(f));
  const heavy = opts.figures.filter((f) => HEAVY.includes(f));
  const jobs: { figures: FigureName[]; firstRepOnly: boolean }[] = [
    { figures: main, firstRepOnly: false },
    { figures: heavy, firstRepOnly: true },
  ].filter((j) => j.figures.length > 0);
  const profile = opts.profile;

  const runJob = async (engine: EngineInfo, rep: number, figures: readonly FigureName[]): Promise<void> => {
    let remaining = [...figures];
    const seen = new Set<string>();
    for (let attempt = 0; remaining.length > 0 && attempt <= figures.length; attempt++) {
      const fail = (figure: FigureName, error: string): void => {
        log(`    ${engine.name} ${figure}: FAILED ${error}`);
        for (const key of keysOf(figure)) {
          if (!seen.has(key)) runs.push({ engine: engine.name, rep, figure, key, unit: '', error });
          seen.add(key);
        }
      };
      const onMessage = (m: WorkerMessage): void => {
        if (m.type === 'measure') {
          runs.push({ engine: engine.name, rep, figure: m.figure, ...m.m });
          seen.add(m.m.key);
          if (HEADLINE_KEYS.some((k) => k.key === m.m.key)) {
            log(`    ${engine.name} ${m.m.key}: ${m.m.value !== undefined ? fmt(m.m.value, m.m.unit) : `error: ${m.m.error}`}${m.m.note ? ` (${m.m.note.split(';')[0]})` : ''}`);
          }
        } else if (m.type === 'info') {
          infos.push({ engine: engine.name, rep, key: m.key, value: m.value });
        } else if (m.type === 'figure-end' && m.error) {
          fail(m.figure, m.error);
        }
      };
      const overall = remaining.reduce((sum, f) => sum + profile.timeoutMs[f], 60_000);
      const outcome = await runWorker(
        { kind: 'figures', engine: engine.name, figures: remaining, variant: engine.variant ?? 'notrigger', profile },
        onMessage,
        (f) => profile.timeoutMs[f],
        overall,
      );
      if (outcome.interrupted) fail(outcome.interrupted, outcome.reason ?? 'interrupted');
      const done = new Set<FigureName>([...outcome.finished, ...(outcome.interrupted ? [outcome.interrupted] : [])]);
      const before = remaining.length;
      remaining = remaining.filter((f) => !done.has(f));
      if (remaining.length === before) {
        // The worker died before starting anything: record it rather than loop.
        for (const f of remaining) fail(f, outcome.reason ?? `worker exited (${String(outcome.exitCode)}) ${outcome.stderrTail}`.trim());
        remaining = [];
      }
    }
  };

  for (let rep = 0; rep < opts.repetitions; rep++) {
    const order = rotate(available, rep);
    for (const { figures, firstRepOnly } of jobs) {
      if (firstRepOnly && rep > 0) continue;
      for (const engine of order) {
        const t = Date.now();
        log(`rep ${rep + 1}/${opts.repetitions} ${engine.name}: ${figures.join(', ')}`);
        await runJob(engine, rep, figures);
        log(`    (${engine.name}: ${Math.round((Date.now() - t) / 1000)} s)`);
      }
    }
  }

  machine = withLoadEnd(machine);
  const base = {
    schemaVersion: 1 as const,
    generatedAt: new Date().toISOString(),
    durationMs: Date.now() - t0,
    mode: profile.name,
    repetitions: opts.repetitions,
    figures: opts.figures,
    profile,
    note: opts.note,
    machine,
    engines,
    runs,
    infos,
  };
  return { ...base, summary: summarize(base) };
}

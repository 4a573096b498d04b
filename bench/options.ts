/**
 * Command-line options and the two measurement profiles (full, `--quick`).
 *
 * Postgres counterpart: none. Every loop in the benchmark is bounded twice: by a count from the
 * profile and by a time budget (a slow engine reports what it completed, marked truncated); the
 * parent also kills a worker whose figure exceeds its timeout.
 */

/** The figures, in the order a worker runs them. */
export const FIGURES = ['ready', 'insert', 'insert_plain', 'select_pk', 'join_agg', 'parse_heavy', 'txn', 'reset', 'scale', 'memory'] as const;
export type FigureName = (typeof FIGURES)[number];

/** Counts, budgets and timeouts of one profile. */
export interface Profile {
  readonly name: 'full' | 'quick';
  readonly repetitions: number;
  readonly readyWarm: number;
  readonly insertRows: number;
  readonly insertWarmup: number;
  readonly selects: number;
  readonly selectWarmup: number;
  readonly joinRuns: number;
  readonly joinWarmup: number;
  readonly parseStatements: number;
  readonly parseWarmup: number;
  readonly resetCycles: number;
  /** Instance counts at which memory is read. */
  readonly memoryLevels: readonly number[];
  /** Per-engine cap on instances held at once (PGlite is ~200 MB each). */
  readonly memoryCaps: Readonly<Record<string, number>>;
  readonly memoryRows: number;
  /** `txn`: BEGIN + `txnInserts` INSERTs + ROLLBACK cycles. */
  readonly txnCycles: number;
  readonly txnInserts: number;
  /** `scale`: database sizes (orders rows) at which resets are timed, and cycles per strategy. */
  readonly scaleRows: readonly number[];
  readonly scaleCycles: number;
  /** `scale`: copies held at once for the memory-per-copy reading, per engine (absent: not measured). */
  readonly copyCaps: Readonly<Record<string, number>>;
  /** Time budget of each figure's measured loops, ms. */
  readonly budgetMs: Readonly<Record<FigureName, number>>;
  /** Wall-clock limit per figure including setup, after which the worker is killed, ms. */
  readonly timeoutMs: Readonly<Record<FigureName, number>>;
}

export const FULL: Profile = {
  name: 'full',
  repetitions: 3,
  readyWarm: 4,
  insertRows: 10_000,
  // V8 settles the per-query paths only after ~8k statements on this machine; shorter
  // warm-ups measured the JIT's tiering, not the steady state (fast engines only: the
  // WARMUP_MS budget caps slow ones).
  insertWarmup: 10_000,
  selects: 1_000,
  selectWarmup: 10_000,
  joinRuns: 15,
  joinWarmup: 2,
  parseStatements: 2_000,
  parseWarmup: 300,
  resetCycles: 200,
  memoryLevels: [1, 10, 100],
  memoryCaps: { pglite: 10, postgres: 100 },
  memoryRows: 100_000,
  txnCycles: 50,
  txnInserts: 100,
  scaleRows: [1_000, 100_000],
  scaleCycles: 30,
  copyCaps: { fauxgres: 100, pglite: 3 },
  budgetMs: { ready: 40_000, insert: 40_000, insert_plain: 40_000, select_pk: 30_000, join_agg: 15_000, parse_heavy: 25_000, txn: 20_000, reset: 8_000, scale: 60_000, memory: 60_000 },
  timeoutMs: { ready: 120_000, insert: 150_000, insert_plain: 150_000, select_pk: 120_000, join_agg: 150_000, parse_heavy: 120_000, txn: 120_000, reset: 120_000, scale: 300_000, memory: 300_000 },
};

export const QUICK: Profile = {
  name: 'quick',
  repetitions: 1,
  readyWarm: 2,
  insertRows: 2_000,
  insertWarmup: 500,
  selects: 500,
  selectWarmup: 500,
  joinRuns: 5,
  joinWarmup: 1,
  parseStatements: 500,
  parseWarmup: 50,
  resetCycles: 30,
  memoryLevels: [1, 10],
  memoryCaps: { pglite: 2, postgres: 10 },
  memoryRows: 10_000,
  txnCycles: 10,
  txnInserts: 100,
  scaleRows: [1_000, 10_000],
  scaleCycles: 5,
  copyCaps: { fauxgres: 20, pglite: 1 },
  budgetMs: { ready: 10_000, insert: 8_000, insert_plain: 8_000, select_pk: 5_000, join_agg: 3_000, parse_heavy: 8_000, txn: 3_000, reset: 2_000, scale: 10_000, memory: 20_000 },
  timeoutMs: { ready: 60_000, insert: 60_000, insert_plain: 60_000, select_pk: 60_000, join_agg: 60_000, parse_heavy: 60_000, txn: 60_000, reset: 60_000, scale: 120_000, memory: 120_000 },
};

/** Parsed command line. */
export interface Options {
  readonly profile: Profile;
  readonly repetitions: number;
  /** Engine names to run; empty = all. */
  readonly engines: readonly string[];
  readonly figures: readonly FigureName[];
  /** Free text printed at the top of the generated doc (e.g. "preliminary: shared machine"). */
  readonly note?: string;
  readonly out: string;
  /** Write docs/benchmarks.md and docs/benchmarks.svg. */
  readonly docs: boolean;
  /** Only re-render the docs from an existing results file. */
  readonly renderOnly: boolean;
}

/** The profile with every figure's timeout replaced by `seconds`. */
function withTimeout(p: Profile, seconds: number): Profile {
  const timeoutMs = Object.fromEntries(Object.keys(p.timeoutMs).map((k) => [k, seconds * 1000])) as Record<FigureName, number>;
  return { ...p, timeoutMs };
}

const USAGE = `usage: npm run bench -- [--quick] [--engines a,b] [--figures f,g] [--reps N] [--note TEXT]
                        [--out FILE] [--no-docs] [--render]
  --quick      1 repetition, smaller counts, no scale/memory figures (about a minute)
  --engines    subset of: fauxgres, fauxgres-pg, fauxgres-tcp, pg-mem, pglite, postgres
  --figures    subset of: ${FIGURES.join(', ')}
  --reps N     repetitions (default 3, or 1 with --quick)
  --note TEXT  a caveat printed at the top of docs/benchmarks.md
  --timeout S  per-figure wall-clock limit in seconds (default: per figure, 60 s to 300 s)
  --out FILE   results file (default bench/results/latest.json)
  --no-docs    do not regenerate docs/benchmarks.md and docs/benchmarks.svg
  --render     regenerate the docs from the results file without running anything`;

/** Parses argv (without node and script); throws with the usage text on a bad flag. */
export function parseOptions(argv: readonly string[]): Options {
  let quick = false;
  let engines: string[] = [];
  let figures: FigureName[] | undefined;
  let reps: number | undefined;
  let note: string | undefined;
  let out = 'bench/results/latest.json';
  let docs = true;
  let renderOnly = false;
  let timeout: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const val = (): string => inline ?? value();
    switch (flag) {
      case '--quick':
        quick = true;
        break;
      case '--engines':
        engines = val().split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case '--figures': {
        const list = val().split(',').map((s) => s.trim()).filter(Boolean);
        for (const f of list) if (!(FIGURES as readonly string[]).includes(f)) throw new Error(`unknown figure "${f}"\n${USAGE}`);
        figures = FIGURES.filter((f) => list.includes(f));
        break;
      }
      case '--reps':
        reps = Number(val());
        if (!Number.isInteger(reps) || reps < 1 || reps > 20) throw new Error(`--reps must be an integer in 1..20\n${USAGE}`);
        break;
      case '--timeout':
        timeout = Number(val());
        if (!Number.isFinite(timeout) || timeout < 1) throw new Error(`--timeout must be a number of seconds >= 1\n${USAGE}`);
        break;
      case '--note':
        note = val();
        break;
      case '--out':
        out = val();
        break;
      case '--no-docs':
        docs = false;
        break;
      case '--render':
        renderOnly = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option "${arg}"\n${USAGE}`);
    }
  }
  const base = quick ? QUICK : FULL;
  // --quick leaves out the heavy figures (100k-row databases, 100 instances) unless named.
  figures ??= quick ? FIGURES.filter((f) => f !== 'scale' && f !== 'memory') : [...FIGURES];
  const profile = timeout === undefined ? base : withTimeout(base, timeout);
  return { profile, repetitions: reps ?? base.repetitions, engines, figures, note, out, docs, renderOnly };
}

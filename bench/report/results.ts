/**
 * The shape of bench/results/latest.json: raw per-repetition records plus the summary computed
 * from them (so the docs can be re-rendered with `--render` and other tools can read either).
 *
 * Postgres counterpart: none.
 */
import type { FigureName, Profile } from '../options.js';
import type { SchemaVariant } from '../workload/workload.js';
import type { Spread } from '../timing.js';

/** Where the numbers were taken. */
export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly os: string;
  readonly node: string;
  /** 1-minute load average when the run started and ended (shared machines show up here). */
  readonly loadStart: number;
  readonly loadEnd: number;
  readonly gitCommit?: string;
}

/** One engine as the run saw it. */
export interface EngineInfo {
  readonly name: string;
  readonly description: string;
  readonly status: 'ok' | 'unavailable' | 'failed';
  readonly reason?: string;
  readonly variant?: SchemaVariant;
  readonly triggerError?: string;
  readonly versions: Record<string, string>;
}

/** One measurement of one repetition. */
export interface RunRecord {
  readonly engine: string;
  readonly rep: number;
  readonly figure: FigureName;
  readonly key: string;
  readonly value?: number;
  readonly unit: string;
  readonly note?: string;
  readonly error?: string;
}

/** A non-numeric observation (e.g. the join_agg result fingerprint). */
export interface InfoRecord {
  readonly engine: string;
  readonly rep: number;
  readonly key: string;
  readonly value: string;
}

/** Aggregate of one key on one engine across repetitions. */
export interface Cell extends Spread {
  readonly unit: string;
  readonly notes: readonly string[];
  readonly errors: readonly string[];
}

/** One target from the issue, evaluated. */
export interface TargetResult {
  readonly text: string;
  readonly engine: string;
  readonly key: string;
  readonly limit: number;
  readonly unit: string;
  readonly value?: number;
  readonly status: 'met' | 'not met' | 'not measured';
  readonly why?: string;
}

/** Everything derived from the runs. */
export interface Summary {
  /** key -> engine -> cell (only where at least one value or error exists). */
  readonly cells: Record<string, Record<string, Cell>>;
  /** key -> engine -> median / median of the reference engine. */
  readonly vsPostgres: Record<string, Record<string, number>>;
  readonly vsFauxgres: Record<string, Record<string, number>>;
  readonly targets: readonly TargetResult[];
  /** engine -> distinct join_agg fingerprints seen. */
  readonly joinAggResults: Record<string, readonly string[]>;
}

/** The results file. */
export interface Results {
  readonly schemaVersion: 1;
  readonly generatedAt: string;
  readonly durationMs: number;
  readonly mode: 'full' | 'quick';
  readonly repetitions: number;
  readonly figures: readonly FigureName[];
  readonly profile: Profile;
  readonly note?: string;
  readonly machine: MachineInfo;
  readonly engines: readonly EngineInfo[];
  readonly runs: readonly RunRecord[];
  readonly infos: readonly InfoRecord[];
  readonly summary: Summary;
}

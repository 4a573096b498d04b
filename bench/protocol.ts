/**
 * Messages between the orchestrator (run.ts) and a worker process (worker.ts), over Node's IPC.
 *
 * Postgres counterpart: none. A worker streams each measurement as soon as it exists, so a
 * worker killed for a timeout loses only the figure it was running.
 */
import type { FigureName, Profile } from './options.js';
import type { SchemaVariant } from './workload/workload.js';

/** What a worker is asked to do: probe an engine, or run figures on it. */
export type WorkerTask =
  | { readonly kind: 'probe'; readonly engine: string }
  | {
      readonly kind: 'figures';
      readonly engine: string;
      readonly figures: readonly FigureName[];
      readonly variant: SchemaVariant;
      readonly profile: Profile;
    };

/** One number produced by a figure (or the reason it could not be). */
export interface Measurement {
  /** `insert`, `ready.cold`, `reset.fork`, `memory.instance@10`, ... */
  readonly key: string;
  readonly value?: number;
  /** `ms`, `us`, `B`. */
  readonly unit: string;
  /** Shown next to the value: truncation, strategy chosen, correctness. */
  readonly note?: string;
  readonly error?: string;
}

/** Outcome of a probe. */
export interface ProbeResult {
  readonly status: 'ok' | 'unavailable' | 'failed';
  readonly reason?: string;
  readonly variant?: SchemaVariant;
  /** Why the trigger variant was rejected, when the engine fell back. */
  readonly triggerError?: string;
  readonly versions: Record<string, string>;
}

export type WorkerMessage =
  | { readonly type: 'probe'; readonly result: ProbeResult }
  | { readonly type: 'figure-start'; readonly figure: FigureName }
  | { readonly type: 'measure'; readonly figure: FigureName; readonly m: Measurement }
  | { readonly type: 'info'; readonly figure: FigureName; readonly key: string; readonly value: string }
  | { readonly type: 'figure-end'; readonly figure: FigureName; readonly error?: string }
  | { readonly type: 'resource'; readonly dir: string }
  | { readonly type: 'done' };

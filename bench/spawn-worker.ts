/**
 * Starts one worker process, relays its messages, enforces the per-figure timeout, and cleans up
 * after it: a worker killed for a timeout (or crashed) may leave a Postgres server behind, which
 * the worker announced with a `resource` message; that server is stopped and its directory removed.
 *
 * Postgres counterpart: none.
 */
import { fork } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FigureName } from './options.js';
import type { WorkerMessage, WorkerTask } from './protocol.js';

/** How a worker ended. */
export interface WorkerOutcome {
  /** The figure that was running when the worker was killed or died, if any. */
  readonly interrupted?: FigureName;
  /** Why it was interrupted (timeout, crash with the end of its stderr). */
  readonly reason?: string;
  /** Figures that reported `figure-end`. */
  readonly finished: readonly FigureName[];
  readonly exitCode: number | null;
  /** The last lines the worker wrote to stderr. */
  readonly stderrTail: string;
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Stops the server whose data directory is `<dir>/data` (if it runs) and removes `dir`. */
async function cleanUpServer(dir: string): Promise<void> {
  let pid: number | undefined;
  try {
    pid = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    // Never started, or already stopped.
  }
  if (pid && alive(pid)) {
    try {
      process.kill(pid, 'SIGINT'); // Postgres "fast shutdown"
    } catch {
      // already gone
    }
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
    if (alive(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  // An orphaned initdb may still be writing: retry a few times, then give up quietly.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      rmSync(dir, { recursive: true, force: true });
      if (!existsSync(dir)) return;
    } catch {
      // retry
    }
    await sleep(1000);
  }
}

/**
 * Runs `task` in a fresh process. `timeoutFor(figure)` bounds each figure; `overallMs` bounds the
 * whole worker (probe, and a safety net).
 */
export async function runWorker(
  task: WorkerTask,
  onMessage: (m: WorkerMessage) => void,
  timeoutFor: (figure: FigureName) => number,
  overallMs: number,
): Promise<WorkerOutcome> {
  const child = fork(WORKER, [], {
    execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  child.stdout?.resume(); // engines may print; not ours to show
  const resources: string[] = [];
  const finished: FigureName[] = [];
  let running: FigureName | undefined;
  let killedFor: string | undefined;
  let figureTimer: NodeJS.Timeout | undefined;

  const kill = (why: string): void => {
    if (killedFor) return;
    killedFor = why;
    child.kill('SIGTERM');
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }, 5000).unref();
  };
  const overall = setTimeout(() => kill(`worker exceeded ${Math.round(overallMs / 1000)} s`), overallMs);

  child.on('message', (m: WorkerMessage) => {
    if (m.type === 'resource') resources.push(m.dir);
    // After a kill, what the worker still says (errors from its own teardown) is not a result.
    if (killedFor) return;
    if (m.type === 'figure-start') {
      running = m.figure;
      clearTimeout(figureTimer);
      const ms = timeoutFor(m.figure);
      figureTimer = setTimeout(() => kill(`timeout: ${m.figure} exceeded ${Math.round(ms / 1000)} s`), ms);
    } else if (m.type === 'figure-end') {
      clearTimeout(figureTimer);
      finished.push(m.figure);
      running = undefined;
    }
    onMessage(m);
  });

  const exitCode = await new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
    child.send(task);
  });
  clearTimeout(overall);
  clearTimeout(figureTimer);
  for (const dir of resources) await cleanUpServer(dir);

  const tail = stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 400);
  let reason: string | undefined;
  if (running) {
    reason = killedFor ?? `worker died (exit ${String(exitCode)})${tail ? `: ${tail}` : ''}`;
  } else if (killedFor) {
    reason = killedFor;
  }
  return { interrupted: running, reason, finished, exitCode, stderrTail: tail };
}
